package io.firebreak.platform.settings;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.firebreak.platform.outbox.ConcurrentChangeException;
import io.firebreak.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * A version of settings as the API shows it: its version fields, then the settings' own fields. What GET answers
 * can be sent back with PUT: the version fields are the server's and are ignored.
 */
public record SettingsView<T>(
        String version,
        long revision,
        Instant createdAt,
        String createdBy,
        String source,
        @JsonUnwrapped T settings) {

    /** The most versions a list of them answers, newest first. */
    public static final int MAX_VERSIONS = 100;

    /** The versions of a kind of settings, newest first (up to {@link #MAX_VERSIONS}). */
    public static <T extends Record> Versions<T> versionsOf(VersionedSettings<T, ?> settings) {
        return Versions.of(settings.versions(MAX_VERSIONS));
    }

    /** One version, current or past; 404 problem+json when there is none. */
    public static <T extends Record> SettingsView<T> versionOf(VersionedSettings<T, ?> settings, String version) {
        return settings.version(version)
                .map(SettingsView::of)
                .orElseThrow(() -> ProblemException.notFound("Settings version", version));
    }

    public static <T> SettingsView<T> of(Revision<T> revision) {
        return new SettingsView<>(
                revision.version(),
                revision.revision(),
                revision.createdAt(),
                revision.createdBy(),
                revision.source(),
                revision.body());
    }

    /** A page of past versions, newest first, as every list answers ({@code items}). */
    public record Versions<T>(List<SettingsView<T>> items) {

        public static <T> Versions<T> of(List<Revision<T>> revisions) {
            return new Versions<>(revisions.stream().map(SettingsView::of).toList());
        }
    }

    /**
     * A replacement's answer: the new version, or 400 problem+json titled {@code title} naming every wrong field
     * (nothing written), or 409 when it kept changing under the caller.
     */
    public static <T> SettingsView<T> replaced(String title, Supplier<Revision<T>> replace) {
        return refusedAs(title, () -> of(replace.get()));
    }

    /** What {@code replace} answers, or the 400 or 409 of {@link #replaced}. */
    public static <R> R refusedAs(String title, Supplier<R> replace) {
        try {
            return replace.get();
        } catch (RejectedSettings e) {
            List<FieldProblem> problems = e.problems();
            String detail = String.join(
                    "; ",
                    problems.stream().map(p -> p.field() + ": " + p.reason()).toList());
            throw new ProblemException(HttpStatus.BAD_REQUEST, title, detail)
                    .with(
                            "errors",
                            problems.stream()
                                    .map(p -> Map.of("field", p.field(), "reason", p.reason()))
                                    .toList());
        } catch (ConcurrentChangeException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }
}

package io.firebreak.platform.settings;

import io.firebreak.platform.outbox.ConcurrentChangeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind of settings as versioned data in a service's database (a rule set, a routing table, SLA targets, a
 * taxonomy…): its history, its check, how it compiles, and the compiled active version. On start an empty history
 * is seeded from the shipped settings file; so is one whose active version is an earlier seed when the shipped
 * defaults changed since (a version an administrator made is never overwritten by a deploy). Every decision asks for
 * the active version, so a change takes effect for the next decision on this instance and within
 * {@link #RECHECK_NANOS a second} on every other; the compiled form is kept until the version changes, and the
 * store is asked for the active version at most once a second, not once per decision. Past versions stay readable.
 */
public final class VersionedSettings<T extends Record, C> {

    private static final Logger log = LoggerFactory.getLogger(VersionedSettings.class);
    /** How long a compiled version is used without asking the store whether another became active. */
    static final long RECHECK_NANOS = 1_000_000_000L;

    private final String what;
    private final String shippedIn;
    private final SettingsHistory<T> history;
    private final Function<T, List<FieldProblem>> check;
    private final BiFunction<String, T, C> compile;
    private final Clock clock;
    private volatile Compiled<C> compiled;
    /** When (System.nanoTime) the active version was last read from the store. */
    private volatile long checkedAt;

    /**
     * @param what how people call it ("routing table"), in logs and errors
     * @param shippedIn the file the defaults come from ("triage.yml")
     * @param compile the form decisions use, from the version id and the settings
     */
    public VersionedSettings(
            String what,
            String shippedIn,
            SettingsHistory<T> history,
            Function<T, List<FieldProblem>> check,
            BiFunction<String, T, C> compile,
            Clock clock) {
        this.what = what;
        this.shippedIn = shippedIn;
        this.history = history;
        this.check = check;
        this.compile = compile;
        this.clock = clock;
    }

    /** Stores the shipped settings as a new version where they are not there yet (see the class comment). */
    public VersionedSettings<T, C> seed(T shipped) {
        List<FieldProblem> problems = check.apply(shipped);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The shipped " + what + " in " + shippedIn + " is not valid: " + problems);
        }
        String fingerprint = fingerprint(shipped);
        Revision<T> active = history.active().orElse(null);
        if (active != null
                && (!Revision.SHIPPED.equals(active.source())
                        || active.fingerprint().equals(fingerprint))) {
            return this;
        }
        long next = active == null ? 1 : active.revision() + 1;
        // Another instance starting at the same time may write it first: then it is there, as wanted.
        if (history.insert(new Revision<>(
                history.versionId(next), next, clock.instant(), shippedIn, Revision.SHIPPED, fingerprint, shipped))) {
            log.info("Seeded the {} {} from {}", what, history.versionId(next), shippedIn);
        }
        return this;
    }

    public Revision<T> active() {
        return history.active().orElseThrow(() -> new IllegalStateException("No " + what + " stored"));
    }

    /** The active version, compiled (compiled again only when the version changed). */
    public C compiled() {
        Compiled<C> current = compiled;
        long now = System.nanoTime();
        if (current != null && now - checkedAt < RECHECK_NANOS) return current.value();
        String version = history.activeVersion().orElseThrow(() -> new IllegalStateException("No " + what + " stored"));
        checkedAt = now;
        if (current != null && current.version().equals(version)) return current.value();
        Revision<T> revision = history.find(version).orElseThrow();
        Compiled<C> fresh = new Compiled<>(version, compile.apply(version, revision.body()));
        compiled = fresh;
        return fresh.value();
    }

    /** The versions, newest first, at most {@code limit}. */
    public List<Revision<T>> versions(int limit) {
        return history.newestFirst(limit);
    }

    public Optional<Revision<T>> version(String version) {
        return history.find(version);
    }

    /**
     * Makes {@code body} the active version as a new version made by {@code by}.
     *
     * @throws RejectedSettings naming every field that is wrong; nothing is written
     */
    public Revision<T> replace(T body, String by) {
        List<FieldProblem> problems = check.apply(body);
        if (!problems.isEmpty()) throw new RejectedSettings("The " + what, problems);
        for (int attempt = 0; attempt < 10; attempt++) {
            long next = history.active().map(Revision::revision).orElse(0L) + 1;
            Revision<T> revision = new Revision<>(
                    history.versionId(next), next, clock.instant(), by, Revision.ADMIN, fingerprint(body), body);
            if (history.insert(revision)) {
                log.info("The {} is now {}, saved by {}", what, revision.version(), by);
                compiled = null; // in force here for the very next decision
                return revision;
            }
        }
        throw new ConcurrentChangeException("The " + what + " kept changing; try again");
    }

    private record Compiled<C>(String version, C value) {}

    /** Tells the shipped defaults apart from an earlier seed: a digest of the settings' canonical text. */
    public static String fingerprint(Record settings) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(settings.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

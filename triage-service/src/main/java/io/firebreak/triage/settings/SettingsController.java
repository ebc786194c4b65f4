package io.firebreak.triage.settings;

import io.firebreak.platform.settings.Revision;
import io.firebreak.platform.settings.SettingsView;
import io.firebreak.platform.settings.VersionedSettings;
import io.firebreak.platform.text.Lexicon;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.triage.classification.RuleSet;
import io.firebreak.triage.classification.RuleSetCheck;
import io.firebreak.triage.routing.RoutingTable;
import io.firebreak.triage.sla.SlaSettings;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The active rule set, routing table (with the roster) and SLA targets: supervisors and administrators read them
 * and their past versions, administrators replace them.
 * A replacement is checked whole; any wrong field refuses it with 400 problem+json naming every such field, and the
 * active version stays. Accepted, it becomes a new version that the next complaint is decided with. What GET answers
 * can be sent back with PUT: the version fields are the server's and are ignored.
 */
@RestController
@RequestMapping("/api/v1/triage")
class SettingsController {

    private final SettingsStore store;
    private final RuleSetDryRuns dryRuns;
    private final ApplicationEventPublisher events;

    SettingsController(SettingsStore store, RuleSetDryRuns dryRuns, ApplicationEventPublisher events) {
        this.store = store;
        this.dryRuns = dryRuns;
        this.events = events;
    }

    @GetMapping("/rules")
    RuleSetView rules() {
        return RuleSetView.of(store.rules().active());
    }

    /**
     * Makes a rule set active, after its dry run ({@code POST /rules/dry-run} of the same set against the set active
     * now, within a day): 409 naming the set's fingerprint otherwise. An invalid set is 400 whatever.
     */
    @PutMapping("/rules")
    RuleSetView replaceRules(@RequestBody RuleSet set, Authentication who) {
        RuleSet complete = set == null
                ? null
                : SettingsView.refusedAs("Invalid rule set", () -> set.withLexicon(Lexicon.shipped()));
        return RuleSetView.of(SettingsView.refusedAs("Invalid rule set", () -> {
            if (complete != null && RuleSetCheck.problems(complete).isEmpty()) {
                String fingerprint = RuleSetDryRuns.fingerprint(complete);
                String active = store.rules().active().version();
                if (!dryRuns.made(fingerprint, active)) {
                    throw new ProblemException(
                                    HttpStatus.CONFLICT,
                                    "Dry run first",
                                    "Run this rule set's dry run"
                                            + " first (POST /api/v1/triage/rules/dry-run with the same body) and read what it would"
                                            + " change; then PUT it, within " + RuleSetDryRuns.VALID_FOR.toHours()
                                            + " hours and"
                                            + " while " + active + " is active.")
                            .with("fingerprint", fingerprint)
                            .with("activeVersion", active);
                }
            }
            return replaced("rules", store.rules().replace(complete, who.getName()));
        }));
    }

    /** The version made active, told to whatever in this service is made once per active version. */
    private <T> T replaced(String kind, T version) {
        events.publishEvent(new SettingsReplaced(kind));
        return version;
    }

    @GetMapping("/routing")
    RoutingView routing() {
        return RoutingView.of(store.routing().active());
    }

    @PutMapping("/routing")
    RoutingView replaceRouting(@RequestBody RoutingTable table, Authentication who) {
        return RoutingView.of(SettingsView.refusedAs(
                "Invalid routing table",
                () -> replaced(
                        "routing",
                        store.routing()
                                .replace(table == null ? null : table.withLexicon(Lexicon.shipped()), who.getName()))));
    }

    /** SLA targets per class and the emotion factors of the first response (先处理情感, 后处理事件). */
    @GetMapping("/sla")
    SettingsView<SlaSettings> sla() {
        return SettingsView.of(store.sla().active());
    }

    @PutMapping("/sla")
    SettingsView<SlaSettings> replaceSla(@RequestBody SlaSettings settings, Authentication who) {
        return SettingsView.replaced("Invalid SLA targets", () -> store.sla().replace(settings, who.getName()));
    }

    /** Past versions of a kind of settings ({@code rules}, {@code routing}, {@code sla}), newest first. */
    @GetMapping("/{kind}/versions")
    SettingsView.Versions<?> versions(@PathVariable String kind) {
        return SettingsView.versionsOf(kind(kind));
    }

    /** One version, current or past: what a decision recording it was made with. */
    @GetMapping("/{kind}/versions/{version}")
    SettingsView<?> version(@PathVariable String kind, @PathVariable String version) {
        return SettingsView.versionOf(kind(kind), version);
    }

    @SuppressWarnings("unchecked")
    private VersionedSettings<Record, ?> kind(String kind) {
        VersionedSettings<?, ?> found = switch (kind) {
            case "rules" -> store.rules();
            case "routing" -> store.routing();
            case "sla" -> store.sla();
            default -> throw ProblemException.notFound("Settings", kind);
        };
        return (VersionedSettings<Record, ?>) found;
    }

    /** A rule set as stored, with its version. */
    record RuleSetView(
            String version,
            long revision,
            Instant createdAt,
            String createdBy,
            String source,
            Lexicon.NegationWords negation,
            List<RuleSet.Rule> rules,
            List<String> senses) {

        static RuleSetView of(Revision<RuleSet> r) {
            return new RuleSetView(
                    r.version(),
                    r.revision(),
                    r.createdAt(),
                    r.createdBy(),
                    r.source(),
                    r.body().negation(),
                    r.body().rules(),
                    r.body().senses());
        }
    }

    /** A routing table as stored, with its version. */
    record RoutingView(
            String version,
            long revision,
            Instant createdAt,
            String createdBy,
            String source,
            String defaultQueue,
            String expertQueue,
            List<RoutingTable.Department> departments,
            List<RoutingTable.Person> roster) {

        static RoutingView of(Revision<RoutingTable> r) {
            RoutingTable t = r.body();
            return new RoutingView(
                    r.version(),
                    r.revision(),
                    r.createdAt(),
                    r.createdBy(),
                    r.source(),
                    t.defaultQueue(),
                    t.expertQueue(),
                    t.departments(),
                    t.roster());
        }
    }
}

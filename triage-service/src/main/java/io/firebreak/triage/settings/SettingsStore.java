package io.firebreak.triage.settings;

import com.mongodb.client.MongoDatabase;
import io.firebreak.platform.outbox.ConcurrentChangeException;
import io.firebreak.triage.TriageProperties;
import io.firebreak.triage.check.FieldProblem;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.classification.RuleSet;
import io.firebreak.triage.classification.RuleSetCheck;
import io.firebreak.triage.routing.DepartmentRouter;
import io.firebreak.triage.routing.RoutingTable;
import io.firebreak.triage.routing.RoutingTableCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set and the routing table as versioned data in triage's database. On start an empty database is seeded
 * from {@code triage.yml}; so is a database whose active version is an earlier seed, when the shipped defaults have
 * changed since (a version an administrator made is never overwritten by a deploy). Every decision asks for the
 * active version, so a change takes effect for the next complaint on every instance; the compiled form is kept
 * until the version changes.
 */
@Component
public class SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    private final Kind<RuleSet, Classifier> rules;
    private final Kind<RoutingTable, DepartmentRouter> routing;
    private final Clock clock;

    public SettingsStore(MongoDatabase database, TriageProperties properties, Clock clock) {
        this.clock = clock;
        this.rules = new Kind<>("rule set", new SettingsHistory<>(database, "rulesets", RuleSet.class, "rules"),
                RuleSetCheck::problems, Classifier::new);
        this.routing = new Kind<>("routing table",
                new SettingsHistory<>(database, "routingtables", RoutingTable.class, "routing"),
                RoutingTableCheck::problems, DepartmentRouter::new);
        rules.seed(properties.classification());
        routing.seed(properties.routing());
    }

    /** The settings in force now, compiled. */
    public ActiveSettings current() {
        return new ActiveSettings(rules.compiled(), routing.compiled());
    }

    Revision<RuleSet> activeRules() {
        return rules.active();
    }

    Revision<RoutingTable> activeRouting() {
        return routing.active();
    }

    /**
     * Makes {@code set} the active rule set as a new version.
     *
     * @throws RejectedSettings naming every field that is wrong; nothing is written
     */
    Revision<RuleSet> replaceRules(RuleSet set, String by) {
        return rules.replace(set, by);
    }

    /** As {@link #replaceRules}, for the routing table. */
    Revision<RoutingTable> replaceRouting(RoutingTable table, String by) {
        return routing.replace(table, by);
    }

    /** One kind of settings: its history, its check, how it compiles, and the compiled active version. */
    private final class Kind<T extends Record, C> {

        private final String what;
        private final SettingsHistory<T> history;
        private final Function<T, List<FieldProblem>> check;
        private final BiFunction<String, T, C> compile;
        private volatile Compiled<C> compiled;

        Kind(String what, SettingsHistory<T> history, Function<T, List<FieldProblem>> check,
                BiFunction<String, T, C> compile) {
            this.what = what;
            this.history = history;
            this.check = check;
            this.compile = compile;
        }

        void seed(T shipped) {
            List<FieldProblem> problems = check.apply(shipped);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The shipped " + what + " in triage.yml is not valid: " + problems);
            }
            String fingerprint = fingerprint(shipped);
            Revision<T> active = history.active().orElse(null);
            if (active != null
                    && (!Revision.SHIPPED.equals(active.source()) || active.fingerprint().equals(fingerprint))) {
                return;
            }
            long next = active == null ? 1 : active.revision() + 1;
            // Another instance starting at the same time may write it first: then it is there, as wanted.
            if (history.insert(new Revision<>(history.versionId(next), next, clock.instant(), "triage.yml",
                    Revision.SHIPPED, fingerprint, shipped))) {
                log.info("Seeded the {} {} from triage.yml", what, history.versionId(next));
            }
        }

        Revision<T> active() {
            return history.active().orElseThrow(() -> new IllegalStateException("No " + what + " stored"));
        }

        C compiled() {
            String version = history.activeVersion()
                    .orElseThrow(() -> new IllegalStateException("No " + what + " stored"));
            Compiled<C> current = compiled;
            if (current != null && current.version().equals(version)) return current.value();
            Revision<T> revision = history.find(version).orElseThrow();
            Compiled<C> fresh = new Compiled<>(version, compile.apply(version, revision.body()));
            compiled = fresh;
            return fresh.value();
        }

        Revision<T> replace(T body, String by) {
            List<FieldProblem> problems = check.apply(body);
            if (!problems.isEmpty()) throw new RejectedSettings("The " + what, problems);
            for (int attempt = 0; attempt < 10; attempt++) {
                long next = history.active().map(Revision::revision).orElse(0L) + 1;
                Revision<T> revision = new Revision<>(history.versionId(next), next, clock.instant(), by,
                        Revision.ADMIN, fingerprint(body), body);
                if (history.insert(revision)) {
                    log.info("The {} is now {}, saved by {}", what, revision.version(), by);
                    return revision;
                }
            }
            throw new ConcurrentChangeException("The " + what + " kept changing; try again");
        }
    }

    private record Compiled<C>(String version, C value) {}

    /** Tells the shipped defaults apart from an earlier seed: a digest of the settings' canonical text. */
    static String fingerprint(Record settings) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(settings.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

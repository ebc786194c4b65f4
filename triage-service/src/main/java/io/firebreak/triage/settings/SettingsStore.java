package io.firebreak.triage.settings;

import com.mongodb.client.MongoDatabase;
import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.platform.settings.SettingsHistory;
import io.firebreak.platform.settings.VersionedSettings;
import io.firebreak.triage.TriageProperties;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.classification.RuleSet;
import io.firebreak.triage.classification.RuleSetCheck;
import io.firebreak.triage.routing.DepartmentRouter;
import io.firebreak.triage.routing.RoutingTable;
import io.firebreak.triage.routing.RoutingTableCheck;
import io.firebreak.triage.sla.SlaPolicy;
import io.firebreak.triage.sla.SlaSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rule set, the routing table (with its roster) and the SLA targets as versioned data in triage's database
 * ({@link VersionedSettings}): seeded from {@code triage.yml}, replaced by administrators, every decision made with
 * the active versions and recording them.
 */
@Component
public class SettingsStore {

    private static final String SHIPPED_IN = "triage.yml";

    private final VersionedSettings<RuleSet, Classifier> rules;
    private final VersionedSettings<RoutingTable, DepartmentRouter> routing;
    private final VersionedSettings<SlaSettings, SlaPolicy> sla;

    public SettingsStore(MongoDatabase database, TriageProperties properties, Clock clock) {
        this.rules = new VersionedSettings<>(
                        "rule set",
                        SHIPPED_IN,
                        new SettingsHistory<>(database, "rulesets", RuleSet.class, "rules"),
                        RuleSetCheck::problems,
                        Classifier::new,
                        clock)
                .seed(properties.classification());
        this.routing = new VersionedSettings<>(
                        "routing table",
                        SHIPPED_IN,
                        new SettingsHistory<>(database, "routingtables", RoutingTable.class, "routing"),
                        RoutingTableCheck::problems,
                        DepartmentRouter::new,
                        clock)
                .seed(properties.routing());
        this.sla = new VersionedSettings<>(
                        "SLA targets",
                        SHIPPED_IN,
                        new SettingsHistory<>(database, "slatargets", SlaSettings.class, "sla"),
                        SettingsStore::slaProblems,
                        SlaPolicy::new,
                        clock)
                .seed(properties.sla());
    }

    /** The settings in force now, compiled. */
    public ActiveSettings current() {
        return new ActiveSettings(rules.compiled(), routing.compiled(), sla.compiled());
    }

    VersionedSettings<RuleSet, Classifier> rules() {
        return rules;
    }

    VersionedSettings<RoutingTable, DepartmentRouter> routing() {
        return routing;
    }

    VersionedSettings<SlaSettings, SlaPolicy> sla() {
        return sla;
    }

    /**
     * What is wrong with SLA targets: each class's, both positive, and the emotion factors between 0.05 and 1 (a
     * first response longer than the resolution is allowed: it is due with the resolution, as {@link SlaPolicy}
     * plans it).
     */
    static List<FieldProblem> slaProblems(SlaSettings settings) {
        List<FieldProblem> problems = new ArrayList<>(FieldProblem.constraintsOf(settings));
        if (!problems.isEmpty()) return problems;
        for (String name : List.of("ordinary", "escalated", "major", "difficult")) {
            SlaSettings.Targets t = switch (name) {
                case "ordinary" -> settings.ordinary();
                case "escalated" -> settings.escalated();
                case "major" -> settings.major();
                default -> settings.difficult();
            };
            if (t.firstResponse().isNegative() || t.firstResponse().isZero()) {
                problems.add(new FieldProblem(name + ".firstResponse", "must be a positive duration"));
            }
            if (t.resolution().isNegative() || t.resolution().isZero()) {
                problems.add(new FieldProblem(name + ".resolution", "must be a positive duration"));
            }
        }
        return problems;
    }
}

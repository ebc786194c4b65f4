package io.firebreak.triage;

import io.firebreak.platform.test.ShippedProperties;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.routing.DepartmentRouter;
import io.firebreak.triage.settings.ActiveSettings;
import io.firebreak.triage.sla.SlaPolicy;

/** Triage's settings as shipped in {@code triage.yml}, compiled, for unit tests. */
public final class Shipped {

    public static final String RULES_VERSION = "rules-test";
    public static final String ROUTING_VERSION = "routing-test";
    public static final String SLA_VERSION = "sla-test";

    private static final TriageProperties PROPERTIES =
            ShippedProperties.bind("triage.yml", "firebreak.triage", TriageProperties.class);
    private static final Classifier CLASSIFIER = new Classifier(RULES_VERSION, PROPERTIES.classification());
    private static final DepartmentRouter ROUTER = new DepartmentRouter(ROUTING_VERSION, PROPERTIES.routing());
    private static final SlaPolicy SLA = new SlaPolicy(SLA_VERSION, PROPERTIES.sla());

    private Shipped() {}

    public static TriageProperties properties() {
        return PROPERTIES;
    }

    public static Classifier classifier() {
        return CLASSIFIER;
    }

    public static DepartmentRouter router() {
        return ROUTER;
    }

    public static ActiveSettings settings() {
        return new ActiveSettings(CLASSIFIER, ROUTER, SLA);
    }
}

package io.firebreak.triage.settings;

import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.routing.DepartmentRouter;
import io.firebreak.triage.sla.SlaPolicy;

/** The rule set, routing table and SLA targets in force, compiled, each knowing its version. */
public record ActiveSettings(Classifier classifier, DepartmentRouter router, SlaPolicy sla) {}

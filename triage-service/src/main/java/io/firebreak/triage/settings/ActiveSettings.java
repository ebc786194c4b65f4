package io.firebreak.triage.settings;

import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.routing.DepartmentRouter;

/** The rule set and routing table in force, compiled, each knowing its version. */
public record ActiveSettings(Classifier classifier, DepartmentRouter router) {}

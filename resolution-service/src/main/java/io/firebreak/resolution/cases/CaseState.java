package io.firebreak.resolution.cases;

/**
 * Where a case stands: ASSIGNED → ACKNOWLEDGED → RESOLVED, and after an unhappy follow-up REOPENED →
 * ACKNOWLEDGED → RESOLVED again.
 */
public enum CaseState {
    ASSIGNED,
    ACKNOWLEDGED,
    RESOLVED,
    REOPENED
}

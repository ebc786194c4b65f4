package io.firebreak.events;

/**
 * Where a case stands: ASSIGNED → ACKNOWLEDGED → INVESTIGATING → PROPOSED → RESOLVED (a simple case may be
 * resolved straight from ACKNOWLEDGED); PENDING_CUSTOMER from INVESTIGATING or PROPOSED and back; a rejected
 * proposal returns to INVESTIGATING; after an unhappy follow-up REOPENED → ACKNOWLEDGED again.
 */
public enum CaseState {
    ASSIGNED,
    ACKNOWLEDGED,
    RESOLVED,
    REOPENED,
    INVESTIGATING,
    PENDING_CUSTOMER,
    PROPOSED
}

package io.firebreak.gateway.alerts;

/** What an alert is about: the danger moments a supervisor is told of. */
public enum AlertKind {
    MAJOR,
    ESCALATED,
    SLA_WARNING,
    SLA_BREACH,
    PROPOSAL_REJECTED,
    REOPENED,
    PREVENTION,
    TASK_OVERDUE
}

package io.firebreak.gateway.alerts;

/**
 * What an alert is about: the danger moments a supervisor is told of, and (WEBHOOK_DISABLED) a ticketing system's
 * webhook subscription disabled after failing too long, for ADMIN.
 */
public enum AlertKind {
    MAJOR,
    ESCALATED,
    SLA_WARNING,
    SLA_BREACH,
    PROPOSAL_REJECTED,
    REOPENED,
    PREVENTION,
    WEBHOOK_DISABLED,
    TASK_OVERDUE
}

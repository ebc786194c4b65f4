package io.firebreak.gateway.alerts;

/**
 * What an alert is about: the danger moments a supervisor is told of (a promise to the customer about to be broken
 * is the owner's to act on, a broken one the supervisor's), and (WEBHOOK_DISABLED) a ticketing system's
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
    TASK_OVERDUE,
    PROMISE_WARNING,
    PROMISE_BROKEN,
    /** The customer of a complaint being handled grew angry or furious: feelings first (先处理情感). */
    EMOTION_ROSE
}

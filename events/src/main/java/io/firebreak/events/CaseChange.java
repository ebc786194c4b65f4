package io.firebreak.events;

/**
 * What changed on a case that no other event of the resolution topic tells (see
 * {@link ResolutionEvents.CaseUpdated}).
 */
public enum CaseChange {
    /** The agent started finding out what happened and what would put it right. */
    INVESTIGATING,
    /** The case waits for the customer: the resolution clock pauses ({@code text}: why). */
    WAITING_FOR_CUSTOMER,
    /** The customer is back: the case returns to where it waited from, its resolution due time moved by the pause. */
    RESUMED,
    /** A proposal awaits a supervisor's approval before it goes to the customer. */
    AWAITING_APPROVAL,
    /** The customer accepted the proposal: the case may be resolved. */
    PROPOSAL_ACCEPTED,
    /** A note for the staff ({@code text}); never shown to an integration client. */
    INTERNAL_NOTE,
    /** A message to the customer ({@code text}). */
    CUSTOMER_MESSAGE,
    /** A supervisor handed the case to another owner or department ({@code text}: why). */
    HANDED_OVER,
    /** A later assignment by triage moved the case's department, owner or due times. */
    REASSIGNED,
    /** The customer was not satisfied: the case is open again, its due times those of the round still running. */
    REOPENED
}

package io.firebreak.feedback.followup;

/** What a follow-up did to the complaint. */
public enum Outcome {
    CLOSED,
    REOPENED,
    /** Nobody answered: the calls and the survey went unanswered. */
    NO_RESPONSE
}

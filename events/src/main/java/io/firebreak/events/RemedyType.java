package io.firebreak.events;

/**
 * The kinds of remedy a proposal offers (seed 003: apologise, remedy, improve, compensate). Amounts belong to
 * REFUND and COMPENSATION, never to APOLOGY or EXPLANATION.
 */
public enum RemedyType {
    APOLOGY,
    EXPLANATION,
    REPAIR,
    REPLACEMENT,
    REFUND,
    COMPENSATION,
    GOODWILL_GESTURE
}

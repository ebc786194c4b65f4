package io.firebreak.triage.routing;

/**
 * How senior a handler is, and the escalation ladder (升级投诉): MAJOR and ESCALATED complaints go to a SENIOR,
 * DIFFICULT ones to an EXPERT; above them a department's SUPERVISOR and its HEAD take a complaint only when an
 * escalation reaches them (a breach, a repeat contact, a rejected proposal), never in the normal course.
 */
public enum Seniority {
    AGENT,
    SENIOR,
    EXPERT,
    SUPERVISOR,
    HEAD;

    /** The next level up; the HEAD is the top. */
    public Seniority above() {
        return this == HEAD ? HEAD : values()[ordinal() + 1];
    }

    public boolean atLeast(Seniority other) {
        return other == null || ordinal() >= other.ordinal();
    }

    /** Whether this level takes complaints in the normal course (not only when an escalation reaches it). */
    public boolean handles() {
        return ordinal() <= EXPERT.ordinal();
    }
}

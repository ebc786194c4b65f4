package io.firebreak.triage.routing;

/** How senior a handler is: MAJOR and ESCALATED complaints go to a SENIOR, DIFFICULT ones to an EXPERT. */
public enum Seniority {
    AGENT,
    SENIOR,
    EXPERT;

    /** The next level up; an EXPERT is the top. */
    public Seniority above() {
        return this == EXPERT ? EXPERT : values()[ordinal() + 1];
    }

    public boolean atLeast(Seniority other) {
        return other == null || ordinal() >= other.ordinal();
    }
}

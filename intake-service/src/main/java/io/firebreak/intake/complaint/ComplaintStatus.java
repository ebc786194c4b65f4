package io.firebreak.intake.complaint;

/**
 * Where a complaint stands. The status only moves forward through one handling round; a reopen starts a new
 * round at the level of ASSIGNED, so that a late event of the old round cannot move it back.
 */
public enum ComplaintStatus {
    RECEIVED(0),
    ASSIGNED(1),
    ACKNOWLEDGED(2),
    RESOLVED(3),
    CLOSED(4),
    REOPENED(1);

    private final int rank;

    ComplaintStatus(int rank) {
        this.rank = rank;
    }

    /** The status after an event that would move the complaint to {@code target}. */
    public ComplaintStatus moveTo(ComplaintStatus target) {
        if (target == REOPENED) return this == RESOLVED || this == CLOSED ? REOPENED : this;
        return target.rank > rank ? target : this;
    }
}

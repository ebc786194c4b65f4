package io.firebreak.events;

/**
 * The four classes of complaint (普通 / 重大 / 升级 / 疑难). When several apply, the most severe wins:
 * MAJOR > ESCALATED > DIFFICULT > ORDINARY.
 */
public enum ComplaintClass {
    ORDINARY(0),
    DIFFICULT(1),
    ESCALATED(2),
    MAJOR(3);

    private final int severity;

    ComplaintClass(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }

    public boolean isMoreSevereThan(ComplaintClass other) {
        return other == null || severity > other.severity;
    }

    public static ComplaintClass mostSevere(ComplaintClass a, ComplaintClass b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.severity >= b.severity ? a : b;
    }
}

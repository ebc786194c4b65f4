package io.firebreak.gateway.alerts;

import io.firebreak.events.ComplaintClass;

/** Which alerts a supervisor wants; a null part matches every alert. */
record AlertFilter(AlertKind kind, ComplaintClass complaintClass, String department) {

    boolean matches(Alert alert) {
        return (kind == null || kind == alert.kind())
                && (complaintClass == null || complaintClass == alert.complaintClass())
                && (department == null || department.equals(alert.department()));
    }
}

package io.firebreak.gateway.alerts;

import io.firebreak.events.ComplaintClass;

/** An alert as worded from an event (in English and Chinese), before it has its id and time. */
record AlertDraft(
        AlertKind kind,
        String complaintId,
        ComplaintClass complaintClass,
        String department,
        String summary,
        String summaryZh) {

    String link() {
        return complaintId == null ? null : "/api/v1/complaints/" + complaintId;
    }
}

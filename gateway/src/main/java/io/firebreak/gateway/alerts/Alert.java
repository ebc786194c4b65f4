package io.firebreak.gateway.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.firebreak.events.ComplaintClass;
import java.time.Instant;

/**
 * One alert for supervisors. {@code id} grows with every alert, so it orders them and serves as the SSE event id;
 * {@code eventId} is the event it came from (one alert per event). {@code summary} says what happened and what is
 * due in English, {@code summaryZh} in Chinese.
 */
public record Alert(
        long id,
        AlertKind kind,
        String complaintId,
        @JsonProperty("class") ComplaintClass complaintClass,
        String department,
        String summary,
        String summaryZh,
        String link,
        Instant createdAt,
        String eventId,
        String acknowledgedBy,
        Instant acknowledgedAt) {}

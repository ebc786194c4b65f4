package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/** Events published by the triage service on {@link Topics#TRIAGE}. */
public final class TriageEvents {

    private TriageEvents() {}

    /** One rule that fired, with what made it fire, so a person can see why. */
    public record Reason(String rule, String evidence) {}

    /**
     * The complaint was (re)classified. {@code previousClass} is null on the first classification; a class
     * never silently falls.
     */
    public record ComplaintClassified(
            String complaintId,
            Instant occurredAt,
            ComplaintClass complaintClass,
            ComplaintClass previousClass,
            List<Reason> reasons,
            String ruleSetVersion,
            String trigger)
            implements ComplaintEvent {}

    /** The complaint has an owner (primary department), helpers (secondary) and its SLA due times. */
    public record ResponsibilityAssigned(
            String complaintId,
            Instant occurredAt,
            String primaryDepartment,
            List<String> secondaryDepartments,
            ComplaintClass complaintClass,
            Instant firstResponseDue,
            Instant resolutionDue)
            implements ComplaintEvent {}
}

package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/** Events published by the triage service on {@link Topics#TRIAGE}. */
public final class TriageEvents {

    private TriageEvents() {}

    /**
     * One rule that fired, with what made it fire (the phrase matched, the history fact, the threshold crossed), so a
     * person can see why; {@code en} and {@code zh} say it in a sentence for people, where the rule set has one.
     */
    public record Reason(String rule, String evidence, String en, String zh) {

        public Reason(String rule, String evidence) {
            this(rule, evidence, null, null);
        }

        /**
         * The same reason without the customer's words once their personal data is erased: the evidence, and the
         * evidence where the sentences quote it, become {@code marker}.
         */
        public Reason withoutEvidence(String marker) {
            if (evidence == null || evidence.isEmpty()) return this;
            return new Reason(
                    rule,
                    marker,
                    en == null ? null : en.replace(evidence, marker),
                    zh == null ? null : zh.replace(evidence, marker));
        }
    }

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
            @Dimension String trigger)
            implements ComplaintEvent {}

    /**
     * The complaint has a primary department, secondary ones, an owner (a person or a queue of the primary
     * department) and its SLA due times.
     */
    public record ResponsibilityAssigned(
            String complaintId,
            Instant occurredAt,
            String primaryDepartment,
            List<String> secondaryDepartments,
            ComplaintClass complaintClass,
            Instant firstResponseDue,
            Instant resolutionDue,
            String owner)
            implements ComplaintEvent {

        public ResponsibilityAssigned(
                String complaintId,
                Instant occurredAt,
                String primaryDepartment,
                List<String> secondaryDepartments,
                ComplaintClass complaintClass,
                Instant firstResponseDue,
                Instant resolutionDue) {
            this(
                    complaintId,
                    occurredAt,
                    primaryDepartment,
                    secondaryDepartments,
                    complaintClass,
                    firstResponseDue,
                    resolutionDue,
                    null);
        }
    }
}

package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/** Events published by the feedback service on {@link Topics#FEEDBACK}. */
public final class FeedbackEvents {

    private FeedbackEvents() {}

    /** The follow-up (回访) result: satisfaction score 1–5 and whether the matter was resolved. */
    public record FollowUpRecorded(
            String complaintId, Instant occurredAt, boolean satisfied, int score, String comment, String by)
            implements ComplaintEvent {}

    /**
     * The customer was not satisfied: the complaint is open again. {@code owner}: who resolved it last, to be
     * told along with the supervisors (null when not known).
     */
    public record ComplaintReopened(String complaintId, Instant occurredAt, String reason, String owner)
            implements ComplaintEvent {

        public ComplaintReopened(String complaintId, Instant occurredAt, String reason) {
            this(complaintId, occurredAt, reason, null);
        }
    }

    /** The complaint is finished. */
    public record ComplaintClosed(String complaintId, Instant occurredAt, ClosureOutcome outcome)
            implements ComplaintEvent {}

    /** A resolution's root cause was counted for the closed loop. */
    public record RootCauseRecorded(
            String complaintId, Instant occurredAt, String rootCause, String department, String productRef)
            implements ComplaintEvent {}

    /**
     * A root cause rose above its usual level: a prevention action for the owning department. {@code complaintIds}:
     * the complaints that raised it, at most the first 1,000; {@code complaintCount}: how many there were (null in
     * events published before it was given: the list's size).
     */
    public record PreventionRaised(
            String preventionId,
            Instant occurredAt,
            String rootCause,
            String department,
            List<String> complaintIds,
            Integer complaintCount)
            implements FirebreakEvent {
        @Override
        public String subject() {
            return preventionId;
        }
    }

    /**
     * A satisfaction survey for a resolution's follow-up is ready for the customer: the signed, single-use link
     * (which the channel that reaches the customer passes on) and when it expires.
     */
    public record SurveySent(
            String complaintId, Instant occurredAt, String resolutionId, String link, Instant expiresAt)
            implements ComplaintEvent {}

    /**
     * The complaints grouped under one prevention action (one fix, many customers) are to be resolved together
     * with one message; resolution resolves each case that can be resolved.
     */
    public record PreventionGroupResolved(
            String preventionId,
            Instant occurredAt,
            String rootCause,
            String department,
            List<String> complaintIds,
            String message,
            String by)
            implements FirebreakEvent {
        @Override
        public String subject() {
            return preventionId;
        }
    }
}

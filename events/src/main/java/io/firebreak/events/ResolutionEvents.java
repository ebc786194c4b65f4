package io.firebreak.events;

import java.time.Instant;

/** Events published by the resolution service on {@link Topics#RESOLUTION}. */
public final class ResolutionEvents {

    private ResolutionEvents() {}

    /** A case was opened for an assigned complaint. */
    public record CaseOpened(String complaintId, Instant occurredAt, String department) implements ComplaintEvent {}

    /** The customer had a first response. */
    public record CaseAcknowledged(String complaintId, Instant occurredAt, String by, String message)
            implements ComplaintEvent {}

    /** The case was resolved with a summary and a root cause from the taxonomy. */
    public record CaseResolved(
            String complaintId,
            Instant occurredAt,
            String by,
            String summary,
            String rootCause,
            String department,
            String productRef)
            implements ComplaintEvent {}

    /** An SLA clock passed its warning share. */
    public record SlaWarned(String complaintId, Instant occurredAt, SlaClock clock, Instant dueAt)
            implements ComplaintEvent {}

    /** An SLA clock ran out. */
    public record SlaBreached(String complaintId, Instant occurredAt, SlaClock clock, Instant dueAt)
            implements ComplaintEvent {}
}

package io.firebreak.feedback.rootcause;

import io.firebreak.events.FeedbackEvents.RootCauseRecorded;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import java.time.Instant;

/**
 * One resolution's root cause, kept for the closed loop (收集源头火苗): which cause, which department, which
 * product, when. Public only because the MongoDB record codec cannot reach a package-private record.
 */
public record RootCauseRecord(
        String resolutionId, Instant resolvedAt, String rootCause, String department, String productRef) {

    public static RootCauseRecord of(String resolutionId, CaseResolved resolved) {
        return new RootCauseRecord(
                resolutionId,
                resolved.occurredAt(),
                resolved.rootCause(),
                resolved.department(),
                resolved.productRef());
    }

    /** The event that counts this cause, for whoever watches causes over time. */
    public RootCauseRecorded recorded(String complaintId, Instant now) {
        return new RootCauseRecorded(complaintId, now, rootCause, department, productRef);
    }
}

package io.firebreak.feedback.prevention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A prevention action (a problem record) raised by a spark: the cause × department it is for, why it was raised
 * (the window count against the baseline), the complaints behind it (grouped: one fix, many customers), and its
 * progress: open → in progress → done, with owner, plan and due date. Public only because the MongoDB record codec
 * cannot reach a package-private record.
 *
 * <p>It names at most {@link #MAX_LISTED} complaints and counts them all ({@code grouped}): a cause behind an outage
 * can group tens of thousands, and an action rewritten whole with each one would cost more with every complaint.
 */
public record PreventionAction(
        String id,
        String rootCause,
        String department,
        Status status,
        Instant raisedAt,
        List<String> complaintIds,
        int windowCount,
        double baselineMean,
        double baselineSpread,
        double threshold,
        String owner,
        String plan,
        String dueDate,
        Instant startedAt,
        Instant doneAt,
        Instant groupResolvedAt,
        String groupResolvedBy,
        Integer grouped) {

    /** The most complaints an action names. */
    public static final int MAX_LISTED = 1000;

    /** {@code grouped}: how many complaints it groups; null (stored before it was counted): those it names. */
    public PreventionAction {
        complaintIds = complaintIds == null ? List.of() : List.copyOf(complaintIds);
        grouped = grouped == null ? complaintIds.size() : Math.max(grouped, complaintIds.size());
    }

    /** Where an action stands. */
    public enum Status {
        OPEN,
        IN_PROGRESS,
        DONE
    }

    /**
     * The complaint joins the action: named while it names fewer than {@link #MAX_LISTED}, only counted after that
     * ({@code counted}: false when it may have been counted before, as on a redelivery).
     */
    PreventionAction linking(String complaintId, boolean counted) {
        if (complaintIds.contains(complaintId)) return this;
        boolean named = complaintIds.size() < MAX_LISTED;
        if (!named && !counted) return this;
        List<String> more = new ArrayList<>(complaintIds);
        if (named) more.add(complaintId);
        return new PreventionAction(
                id,
                rootCause,
                department,
                status,
                raisedAt,
                more,
                windowCount,
                baselineMean,
                baselineSpread,
                threshold,
                owner,
                plan,
                dueDate,
                startedAt,
                doneAt,
                groupResolvedAt,
                groupResolvedBy,
                grouped + 1);
    }

    PreventionAction updated(Status newStatus, String newOwner, String newPlan, String newDueDate, Instant now) {
        Instant started = startedAt == null && newStatus != Status.OPEN ? now : startedAt;
        Instant done = newStatus == Status.DONE && doneAt == null ? now : doneAt;
        return new PreventionAction(
                id,
                rootCause,
                department,
                newStatus,
                raisedAt,
                complaintIds,
                windowCount,
                baselineMean,
                baselineSpread,
                threshold,
                newOwner,
                newPlan,
                newDueDate,
                started,
                done,
                groupResolvedAt,
                groupResolvedBy,
                grouped);
    }

    PreventionAction groupResolved(String by, Instant now) {
        return new PreventionAction(
                id,
                rootCause,
                department,
                status,
                raisedAt,
                complaintIds,
                windowCount,
                baselineMean,
                baselineSpread,
                threshold,
                owner,
                plan,
                dueDate,
                startedAt,
                doneAt,
                now,
                by,
                grouped);
    }
}

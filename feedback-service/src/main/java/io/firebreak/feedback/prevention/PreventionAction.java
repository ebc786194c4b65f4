package io.firebreak.feedback.prevention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A prevention action (a problem record) raised by a spark: the cause × department it is for, why it was raised
 * (the window count against the baseline), the complaints behind it (grouped: one fix, many customers), and its
 * progress: open → in progress → done, with owner, plan and due date. Public only because the MongoDB record codec
 * cannot reach a package-private record.
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
        String groupResolvedBy) {

    public PreventionAction {
        complaintIds = complaintIds == null ? List.of() : List.copyOf(complaintIds);
    }

    /** Where an action stands. */
    public enum Status {
        OPEN,
        IN_PROGRESS,
        DONE
    }

    PreventionAction linking(String complaintId) {
        if (complaintIds.contains(complaintId)) return this;
        List<String> more = new ArrayList<>(complaintIds);
        more.add(complaintId);
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
                groupResolvedBy);
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
                groupResolvedBy);
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
                by);
    }
}

package io.firebreak.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Events published by the resolution service on {@link Topics#RESOLUTION}. */
public final class ResolutionEvents {

    private ResolutionEvents() {}

    /**
     * A case was opened for an assigned complaint: its department, owner (null while the department's queue holds
     * it) and due times as resolution plans them (its business calendar may move triage's).
     */
    public record CaseOpened(
            String complaintId,
            Instant occurredAt,
            String department,
            String owner,
            Instant firstResponseDue,
            Instant resolutionDue)
            implements ComplaintEvent {

        /** As published before the owner and the due times were carried. */
        public CaseOpened(String complaintId, Instant occurredAt, String department) {
            this(complaintId, occurredAt, department, null, null, null);
        }
    }

    /**
     * The case changed in a way no other event tells ({@code change}), by {@code by}, with {@code text} where the
     * change has words (a note, a message to the customer, a reason). It carries the case as it now stands (state,
     * owner, department, due times), so that every reader shows what resolution shows.
     */
    public record CaseUpdated(
            String complaintId,
            Instant occurredAt,
            CaseChange change,
            String by,
            String text,
            CaseState state,
            String owner,
            String department,
            Instant firstResponseDue,
            Instant resolutionDue)
            implements ComplaintEvent {}

    /**
     * The customer had a first response: the agent's message, and {@code callbackBy} when the agent promised to
     * come back to the customer by then (a promise, see {@link PromiseMade}).
     */
    public record CaseAcknowledged(
            String complaintId, Instant occurredAt, String by, String message, Instant callbackBy)
            implements ComplaintEvent {

        /** As published before a callback promise was carried. */
        public CaseAcknowledged(String complaintId, Instant occurredAt, String by, String message) {
            this(complaintId, occurredAt, by, message, null);
        }
    }

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

    /** One numbered step of a proposal (不要让我想): what happens, who does it, and by when. */
    public record ProposalStep(int number, String what, String who, Instant by) {}

    /** One remedy of a proposal; amount and currency only where the type carries money. */
    public record Remedy(RemedyType type, BigDecimal amount, String currency) {}

    /** A proposal was put to the customer: the numbered path and the remedies offered. */
    public record ProposalMade(
            String complaintId,
            Instant occurredAt,
            String by,
            List<ProposalStep> steps,
            List<Remedy> remedies,
            String approvedBy)
            implements ComplaintEvent {}

    /** The customer rejected the proposal: a danger moment (服务时刻) that alerts and may re-triage. */
    public record ProposalRejected(String complaintId, Instant occurredAt, String comment) implements ComplaintEvent {}

    /**
     * A task was given to another department on a case (or taken by an agent of it): what it must do, by when, and
     * whether the case waits for it before it can be resolved. {@code owner} is null while the department's queue
     * holds it.
     */
    public record TaskAssigned(
            String complaintId,
            Instant occurredAt,
            String taskId,
            String department,
            String owner,
            String what,
            Instant dueAt,
            boolean required,
            String by)
            implements ComplaintEvent {}

    /** A task's owner reported it done. */
    public record TaskCompleted(
            String complaintId, Instant occurredAt, String taskId, String department, String by, String note)
            implements ComplaintEvent {}

    /** A task's owner declined it, with the reason; it no longer holds up the resolution. */
    public record TaskDeclined(
            String complaintId, Instant occurredAt, String taskId, String department, String by, String reason)
            implements ComplaintEvent {}

    /** An open task passed its due time: the department has not done its part in time. */
    public record TaskOverdue(
            String complaintId,
            Instant occurredAt,
            String taskId,
            String department,
            String owner,
            String what,
            Instant dueAt,
            boolean required)
            implements ComplaintEvent {}

    /**
     * Something was promised to the customer (兑现承诺): a callback by a time (with the acknowledgement), or a step of
     * a proposal by its date. {@code promiseId} (P1, P2… on the case) names it in the events that follow.
     */
    public record PromiseMade(
            String complaintId, Instant occurredAt, String promiseId, String what, Instant dueAt, String by)
            implements ComplaintEvent {}

    /** A promise was kept: by whom, and whether before its due time. */
    public record PromiseKept(
            String complaintId,
            Instant occurredAt,
            String promiseId,
            String what,
            Instant dueAt,
            String by,
            boolean onTime)
            implements ComplaintEvent {}

    /**
     * A promise is about to be broken: its warning share of the time given has passed and it is not kept. The case's
     * owner (null while a queue holds it) is told.
     */
    public record PromiseWarned(
            String complaintId,
            Instant occurredAt,
            String promiseId,
            String what,
            Instant dueAt,
            String owner,
            String department)
            implements ComplaintEvent {}

    /** A promise was broken: its due time passed and it is not kept. A supervisor is told; reports count it. */
    public record PromiseBroken(
            String complaintId,
            Instant occurredAt,
            String promiseId,
            String what,
            Instant dueAt,
            String owner,
            String department)
            implements ComplaintEvent {}
}

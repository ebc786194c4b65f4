package io.firebreak.resolution.cases;

import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.outbox.Change;
import io.firebreak.resolution.cases.ComplaintCase.Acknowledgement;
import io.firebreak.resolution.cases.ComplaintCase.Resolution;
import io.firebreak.resolution.cases.ComplaintCase.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The case state machine, free of storage and messaging: each method returns the new case and the events the
 * change causes, null when nothing changes, or throws {@link IllegalTransitionException}.
 */
final class CaseDecisions {

    static final Set<CaseState> ACKNOWLEDGE_FROM = EnumSet.of(CaseState.ASSIGNED, CaseState.REOPENED);
    static final Set<CaseState> RESOLVE_FROM = EnumSet.of(CaseState.ACKNOWLEDGED);

    private CaseDecisions() {}

    /** A first assignment opens the case in the owner's hands. */
    static Change<ComplaintCase> open(ResponsibilityAssigned assigned, Instant now) {
        ComplaintCase opened = new ComplaintCase(assigned.complaintId(), CaseState.ASSIGNED,
                assigned.primaryDepartment(), assigned.secondaryDepartments(), assigned.complaintClass(),
                assigned.firstResponseDue(), assigned.resolutionDue(), List.of(), null, now, null, null, 0,
                List.of(new Transition(now, null, CaseState.ASSIGNED, EventType.RESPONSIBILITY_ASSIGNED.wireName())))
                .withNextDeadline();
        return Change.of(opened, new CaseOpened(opened.complaintId(), now, opened.department()));
    }

    /**
     * A later assignment (re-triage) changes the owner, class and due times, in whatever state the case is.
     * A clock whose due time moved counts afresh, so a new deadline can be breached again.
     */
    static Change<ComplaintCase> reassign(ComplaintCase current, ResponsibilityAssigned assigned) {
        List<SlaClock> breached = new ArrayList<>(current.breached());
        if (!Objects.equals(current.firstResponseDue(), assigned.firstResponseDue())) {
            breached.remove(SlaClock.FIRST_RESPONSE);
        }
        if (!Objects.equals(current.resolutionDue(), assigned.resolutionDue())) breached.remove(SlaClock.RESOLUTION);
        ComplaintCase next = new ComplaintCase(current.complaintId(), current.state(), assigned.primaryDepartment(),
                assigned.secondaryDepartments(), assigned.complaintClass(), assigned.firstResponseDue(),
                assigned.resolutionDue(), breached, null, current.openedAt(), current.acknowledgement(),
                current.resolution(), current.reopenCount(), current.history())
                .withNextDeadline();
        return next.equals(current) ? null : Change.of(next);
    }

    /** The first response to the customer; stops the first-response clock. */
    static Change<ComplaintCase> acknowledge(ComplaintCase current, String by, String message, Instant now) {
        require(current, "acknowledged", ACKNOWLEDGE_FROM);
        ComplaintCase next = new ComplaintCase(current.complaintId(), CaseState.ACKNOWLEDGED, current.department(),
                current.secondaryDepartments(), current.complaintClass(), current.firstResponseDue(),
                current.resolutionDue(), current.breached(), null, current.openedAt(),
                new Acknowledgement(by, now, message), current.resolution(), current.reopenCount(),
                current.historyWith(new Transition(now, current.state(), CaseState.ACKNOWLEDGED, by)))
                .withNextDeadline();
        return Change.of(next, new CaseAcknowledged(next.complaintId(), now, by, message));
    }

    /** Resolved with a summary and a root cause from the taxonomy; stops the resolution clock. */
    static Change<ComplaintCase> resolve(ComplaintCase current, String by, String summary, String rootCause,
            Instant now) {
        require(current, "resolved", RESOLVE_FROM);
        ComplaintCase next = new ComplaintCase(current.complaintId(), CaseState.RESOLVED, current.department(),
                current.secondaryDepartments(), current.complaintClass(), current.firstResponseDue(),
                current.resolutionDue(), current.breached(), null, current.openedAt(), current.acknowledgement(),
                new Resolution(by, now, summary, rootCause), current.reopenCount(),
                current.historyWith(new Transition(now, current.state(), CaseState.RESOLVED, by)))
                .withNextDeadline();
        return Change.of(next, new CaseResolved(next.complaintId(), now, by, summary, rootCause, next.department(),
                null));
    }

    /**
     * The customer was not satisfied: the case is open again and must be acknowledged and resolved anew. Due
     * times that passed before the reopening belong to the round that ended; triage sends fresh ones. Only a
     * resolved case can be reopened; otherwise nothing changes.
     */
    static Change<ComplaintCase> reopen(ComplaintCase current, ComplaintReopened reopened, Instant now) {
        if (current.state() != CaseState.RESOLVED) return null;
        Instant at = reopened.occurredAt();
        Instant firstResponseDue = current.firstResponseDue() != null && current.firstResponseDue().isAfter(at)
                ? current.firstResponseDue() : null;
        Instant resolutionDue = current.resolutionDue() != null && current.resolutionDue().isAfter(at)
                ? current.resolutionDue() : null;
        ComplaintCase next = new ComplaintCase(current.complaintId(), CaseState.REOPENED, current.department(),
                current.secondaryDepartments(), current.complaintClass(), firstResponseDue, resolutionDue, List.of(),
                null, current.openedAt(), current.acknowledgement(), current.resolution(), current.reopenCount() + 1,
                current.historyWith(new Transition(now, CaseState.RESOLVED, CaseState.REOPENED,
                        EventType.COMPLAINT_REOPENED.wireName())))
                .withNextDeadline();
        return Change.of(next);
    }

    /** Every running clock whose due time has passed is breached once, each with its own event. */
    static Change<ComplaintCase> breach(ComplaintCase current, Instant now) {
        List<SlaClock> breached = new ArrayList<>(current.breached());
        List<FirebreakEvent> events = new ArrayList<>();
        for (SlaClock clock : SlaClock.values()) {
            Instant due = current.due(clock);
            if (due != null && current.running(clock) && !breached.contains(clock) && !due.isAfter(now)) {
                breached.add(clock);
                events.add(new SlaBreached(current.complaintId(), now, clock, due));
            }
        }
        if (events.isEmpty()) return null;
        ComplaintCase next = new ComplaintCase(current.complaintId(), current.state(), current.department(),
                current.secondaryDepartments(), current.complaintClass(), current.firstResponseDue(),
                current.resolutionDue(), breached, null, current.openedAt(), current.acknowledgement(),
                current.resolution(), current.reopenCount(), current.history())
                .withNextDeadline();
        return new Change<>(next, List.copyOf(events));
    }

    private static void require(ComplaintCase current, String action, Set<CaseState> allowedFrom) {
        if (!allowedFrom.contains(current.state())) {
            throw new IllegalTransitionException(current.complaintId(), action, current.state(), allowedFrom);
        }
    }
}

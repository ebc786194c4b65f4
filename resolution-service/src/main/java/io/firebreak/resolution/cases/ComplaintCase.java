package io.firebreak.resolution.cases;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.SlaClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The case of one complaint as stored: its state, owner and SLA due times, the latest acknowledgement and
 * resolution, and every state change. {@code nextDeadline} is the earliest due time of a clock that is running
 * and not yet breached (null when none is), so the SLA scan finds due cases with one indexed query. Public,
 * as are its parts, only because the MongoDB record codec cannot reach a package-private record.
 */
public record ComplaintCase(
        String complaintId,
        CaseState state,
        String department,
        List<String> secondaryDepartments,
        ComplaintClass complaintClass,
        Instant firstResponseDue,
        Instant resolutionDue,
        List<SlaClock> breached,
        Instant nextDeadline,
        Instant openedAt,
        Acknowledgement acknowledgement,
        Resolution resolution,
        int reopenCount,
        List<Transition> history) {

    public ComplaintCase {
        secondaryDepartments = secondaryDepartments == null ? List.of() : List.copyOf(secondaryDepartments);
        breached = breached == null ? List.of() : List.copyOf(breached);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The first response (先回应) an agent gave. */
    public record Acknowledgement(String by, Instant at, String message) {}

    /** How the case was resolved and what caused the complaint. */
    public record Resolution(String by, Instant at, String summary, String rootCause) {}

    /** One state change: when, from what, to what, and by whom (a person, or the event that caused it). */
    public record Transition(Instant at, CaseState from, CaseState to, String by) {}

    /** Whether a clock is counting: the first response until acknowledged, the resolution until resolved. */
    boolean running(SlaClock clock) {
        return switch (clock) {
            case FIRST_RESPONSE -> state == CaseState.ASSIGNED || state == CaseState.REOPENED;
            case RESOLUTION -> state != CaseState.RESOLVED;
        };
    }

    Instant due(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? firstResponseDue : resolutionDue;
    }

    /** This case with {@code nextDeadline} worked out again from its state, due times and breaches. */
    ComplaintCase withNextDeadline() {
        Instant next = null;
        for (SlaClock clock : SlaClock.values()) {
            Instant due = due(clock);
            if (due != null && running(clock) && !breached.contains(clock) && (next == null || due.isBefore(next))) {
                next = due;
            }
        }
        return new ComplaintCase(complaintId, state, department, secondaryDepartments, complaintClass,
                firstResponseDue, resolutionDue, breached, next, openedAt, acknowledgement, resolution, reopenCount,
                history);
    }

    List<Transition> historyWith(Transition transition) {
        List<Transition> more = new ArrayList<>(history);
        more.add(transition);
        return more;
    }
}

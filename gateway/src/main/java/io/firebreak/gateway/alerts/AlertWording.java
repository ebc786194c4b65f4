package io.firebreak.gateway.alerts;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FeedbackEvents.PreventionRaised;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.PromiseWarned;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.ResolutionEvents.SlaWarned;
import io.firebreak.events.ResolutionEvents.TaskOverdue;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Which events alert, and the one line that says what happened and what is due. */
final class AlertWording {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private AlertWording() {}

    /**
     * The alert an event raises, if any; {@code known} gives what was known of its complaint before it, asked for
     * only when the event words an alert.
     */
    static Optional<AlertDraft> draft(FirebreakEvent event, Supplier<AlertStore.ComplaintFacts> known) {
        if (event instanceof ComplaintClassified classified) return classified(classified, known);
        if (event instanceof SlaWarned warned) {
            AlertStore.ComplaintFacts facts = known.get();
            return Optional.of(draft(AlertKind.SLA_WARNING, warned.complaintId(), facts,
                    "SLA warning: " + clock(warned.clock()) + " for " + describe(warned.complaintId(), facts)
                            + " is due " + time(warned.dueAt())));
        }
        if (event instanceof SlaBreached breached) {
            AlertStore.ComplaintFacts facts = known.get();
            return Optional.of(draft(AlertKind.SLA_BREACH, breached.complaintId(), facts,
                    "SLA breached: " + clock(breached.clock()) + " for " + describe(breached.complaintId(), facts)
                            + " was due " + time(breached.dueAt()) + "; act now"));
        }
        if (event instanceof ProposalRejected rejected) {
            AlertStore.ComplaintFacts facts = known.get();
            String comment = blank(rejected.comment()) ? "" : " (\"" + rejected.comment() + "\")";
            return Optional.of(draft(AlertKind.PROPOSAL_REJECTED, rejected.complaintId(), facts,
                    "Proposal rejected by the customer of " + describe(rejected.complaintId(), facts) + comment
                            + "; a new proposal is due" + due(" by ", facts.resolutionDue())));
        }
        if (event instanceof TaskOverdue overdue) {
            AlertStore.ComplaintFacts facts = known.get();
            String who = blank(overdue.owner()) ? "nobody has taken it" : "owner " + overdue.owner();
            return Optional.of(new AlertDraft(AlertKind.TASK_OVERDUE, overdue.complaintId(), facts.complaintClass(),
                    overdue.department(), "Task " + overdue.taskId() + " for " + overdue.department() + " on "
                            + describe(overdue.complaintId(), facts) + " is overdue: \"" + overdue.what()
                            + "\" was due " + time(overdue.dueAt()) + " (" + who + ")"
                            + (overdue.required() ? "; the case cannot be resolved until it is done" : "")));
        }
        if (event instanceof PromiseWarned warned) {
            AlertStore.ComplaintFacts facts = known.get();
            return Optional.of(draft(AlertKind.PROMISE_WARNING, warned.complaintId(), facts,
                    "Promise " + warned.promiseId() + " to the customer of " + describe(warned.complaintId(), facts)
                            + " is due " + time(warned.dueAt()) + ": \"" + warned.what() + "\"; keep it or tell the "
                            + "customer now"));
        }
        if (event instanceof PromiseBroken broken) {
            AlertStore.ComplaintFacts facts = known.get();
            return Optional.of(draft(AlertKind.PROMISE_BROKEN, broken.complaintId(), facts,
                    "Promise " + broken.promiseId() + " to the customer of " + describe(broken.complaintId(), facts)
                            + " was broken: \"" + broken.what() + "\" was due " + time(broken.dueAt())
                            + "; the customer has been told of the delay"));
        }
        if (event instanceof ComplaintReopened reopened) {
            AlertStore.ComplaintFacts facts = known.get();
            String reason = blank(reopened.reason()) ? "" : ": " + reopened.reason();
            return Optional.of(draft(AlertKind.REOPENED, reopened.complaintId(), facts,
                    "Reopened " + describe(reopened.complaintId(), facts) + reason
                            + "; the customer is unhappy after resolution and needs a new contact"
                            + (blank(reopened.owner()) ? "" : "; owner: " + reopened.owner())));
        }
        if (event instanceof PreventionRaised prevention) {
            String complaintId = prevention.complaintIds() == null || prevention.complaintIds().isEmpty()
                    ? null : prevention.complaintIds().get(prevention.complaintIds().size() - 1);
            int count = prevention.complaintIds() == null ? 0 : prevention.complaintIds().size();
            return Optional.of(new AlertDraft(AlertKind.PREVENTION, complaintId, null, prevention.department(),
                    "Prevention action " + prevention.preventionId() + " for " + prevention.department()
                            + ": root cause " + prevention.rootCause() + " rose above its usual level (" + count
                            + " complaints); a prevention plan is due"));
        }
        return Optional.empty();
    }

    /** A complaint that becomes MAJOR or ESCALATED alerts; staying in its class, or another class, does not. */
    private static Optional<AlertDraft> classified(ComplaintClassified event,
            Supplier<AlertStore.ComplaintFacts> known) {
        ComplaintClass now = event.complaintClass();
        if ((now != ComplaintClass.MAJOR && now != ComplaintClass.ESCALATED) || now == event.previousClass()) {
            return Optional.empty();
        }
        AlertStore.ComplaintFacts facts = known.get();
        AlertKind kind = now == ComplaintClass.MAJOR ? AlertKind.MAJOR : AlertKind.ESCALATED;
        String reasons = event.reasons() == null || event.reasons().isEmpty() ? "no reason given"
                : event.reasons().stream().map(AlertWording::reason).collect(Collectors.joining(", "));
        String department = facts.department() == null ? "department to be assigned" : facts.department();
        String from = event.previousClass() == null ? "" : " (was " + event.previousClass() + ")";
        String summary = now + " complaint " + event.complaintId() + from + " for " + department + ": " + reasons
                + "; " + (facts.firstResponseDue() == null ? "first response due at the shortest SLA"
                        : "first response due " + time(facts.firstResponseDue()));
        return Optional.of(new AlertDraft(kind, event.complaintId(), now, facts.department(), summary));
    }

    private static AlertDraft draft(AlertKind kind, String complaintId, AlertStore.ComplaintFacts facts,
            String summary) {
        return new AlertDraft(kind, complaintId, facts.complaintClass(), facts.department(), summary);
    }

    private static String describe(String complaintId, AlertStore.ComplaintFacts facts) {
        String what = (facts.complaintClass() == null ? "" : facts.complaintClass() + " ") + "complaint " + complaintId;
        if (facts.department() == null) return what;
        return what + " (" + facts.department() + (facts.owner() == null ? "" : ", owner " + facts.owner()) + ")";
    }

    private static String reason(Reason reason) {
        return blank(reason.evidence()) ? reason.rule() : reason.rule() + " [" + reason.evidence() + "]";
    }

    private static String clock(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? "first response" : "resolution";
    }

    private static String due(String prefix, Instant at) {
        return at == null ? "" : prefix + time(at);
    }

    private static String time(Instant at) {
        return at == null ? "(no due time)" : TIME.format(at);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

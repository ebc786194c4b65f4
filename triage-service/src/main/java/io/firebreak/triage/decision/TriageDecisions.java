package io.firebreak.triage.decision;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.outbox.Change;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.decision.ComplaintTriage.ClassificationStep;
import io.firebreak.triage.decision.ComplaintTriage.Retriage;
import io.firebreak.triage.routing.DepartmentRouter;
import io.firebreak.triage.routing.SlaPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What triage decides, free of storage and messaging: the first classification of a received complaint, and
 * the re-triage when it is reopened or an SLA is breached. A class only ever rises; every reason is kept.
 */
@Component
class TriageDecisions {

    static final String REOPENED_RULE = "reopened-after-follow-up";
    static final String SLA_BREACHED_RULE = "sla-breached";

    private final Classifier classifier;
    private final DepartmentRouter router;
    private final SlaPolicy sla;
    private final Clock clock;

    TriageDecisions(Classifier classifier, DepartmentRouter router, SlaPolicy sla, Clock clock) {
        this.classifier = classifier;
        this.router = router;
        this.sla = sla;
        this.clock = clock;
    }

    /**
     * Classifies and assigns a received complaint, then applies any re-triage that arrived before it, in the
     * order they happened, as if the events had come in order. Events: (classified, assigned) per step.
     */
    Change<ComplaintTriage> triage(ComplaintReceived received, List<Retriage> waiting) {
        String text = textOf(received);
        Classifier.Result result = classifier.classify(text);
        DepartmentRouter.Responsibility owners = router.route(text);
        SlaPolicy.DueTimes due = sla.dueTimes(result.complaintClass(), received.emotion(), received.occurredAt());
        Instant now = clock.instant();
        String trigger = EventType.COMPLAINT_RECEIVED.wireName();
        ComplaintTriage state = new ComplaintTriage(received.complaintId(), received.occurredAt(), received.emotion(),
                result.complaintClass(), result.reasons(), result.ruleSetVersion(), owners.primaryDepartment(),
                owners.secondaryDepartments(), due.firstResponseDue(), due.resolutionDue(),
                List.of(new ClassificationStep(now, result.complaintClass(), null, result.reasons(), trigger,
                        result.ruleSetVersion())),
                List.of());
        List<FirebreakEvent> events = new ArrayList<>(List.of(
                new ComplaintClassified(state.complaintId(), now, state.complaintClass(), null, state.reasons(),
                        state.ruleSetVersion(), trigger),
                assigned(state, now)));
        List<Retriage> inOrder = waiting.stream().sorted(Comparator.comparing(Retriage::at)).toList();
        for (Retriage retriage : inOrder) {
            Change<ComplaintTriage> next = retriage(state, retriage);
            state = next.value();
            events.addAll(next.events());
        }
        return new Change<>(state, List.copyOf(events));
    }

    /**
     * Raises the class to at least ESCALATED (a MAJOR complaint stays MAJOR), keeps the new reason, and sets
     * fresh due times from when the trigger happened.
     */
    Change<ComplaintTriage> retriage(ComplaintTriage current, Retriage retriage) {
        ComplaintClass raised = ComplaintClass.mostSevere(current.complaintClass(), ComplaintClass.ESCALATED);
        List<Reason> reasons = new ArrayList<>(current.reasons());
        // A new fact makes "no rule fired" untrue: it gives way to the reason that now applies.
        reasons.removeIf(r -> Classifier.NO_RULE_FIRED.equals(r.rule()));
        reasons.add(retriage.reason());
        SlaPolicy.DueTimes due = sla.dueTimes(raised, current.emotion(), retriage.at());
        Instant now = clock.instant();
        List<ClassificationStep> history = new ArrayList<>(current.history());
        history.add(new ClassificationStep(now, raised, current.complaintClass(), List.of(retriage.reason()),
                retriage.trigger(), current.ruleSetVersion()));
        ComplaintTriage next = new ComplaintTriage(current.complaintId(), current.receivedAt(), current.emotion(),
                raised, reasons, current.ruleSetVersion(), current.primaryDepartment(),
                current.secondaryDepartments(), due.firstResponseDue(), due.resolutionDue(), history,
                current.waiting());
        return Change.of(next,
                new ComplaintClassified(next.complaintId(), now, raised, current.complaintClass(), next.reasons(),
                        next.ruleSetVersion(), retriage.trigger()),
                assigned(next, now));
    }

    static Retriage reopened(ComplaintReopened event) {
        String reason = event.reason() == null || event.reason().isBlank() ? "reopened" : event.reason();
        return new Retriage(EventType.COMPLAINT_REOPENED.wireName(), event.occurredAt(),
                new Reason(REOPENED_RULE, reason));
    }

    static Retriage breached(SlaBreached event) {
        return new Retriage(EventType.SLA_BREACHED.wireName(), event.occurredAt(),
                new Reason(SLA_BREACHED_RULE, event.clock() + " was due " + event.dueAt()));
    }

    private static ResponsibilityAssigned assigned(ComplaintTriage state, Instant now) {
        return new ResponsibilityAssigned(state.complaintId(), now, state.primaryDepartment(),
                state.secondaryDepartments(), state.complaintClass(), state.firstResponseDue(), state.resolutionDue());
    }

    /** The customer's own words: what happened and what they want (a threat is often in the remedy sought). */
    private static String textOf(ComplaintReceived received) {
        StringBuilder text = new StringBuilder();
        if (received.description() != null) text.append(received.description());
        if (received.remedySought() != null) text.append('\n').append(received.remedySought());
        return text.toString();
    }
}

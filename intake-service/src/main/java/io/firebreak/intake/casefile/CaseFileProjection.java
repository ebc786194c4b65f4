package io.firebreak.intake.casefile;

import io.firebreak.events.CaseState;
import io.firebreak.events.ComplaintEvent;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FeedbackEvents.FollowUpRecorded;
import io.firebreak.events.IntakeEvents.CustomerNotified;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.PromiseKept;
import io.firebreak.events.ResolutionEvents.PromiseMade;
import io.firebreak.events.ResolutionEvents.PromiseWarned;
import io.firebreak.events.ResolutionEvents.ProposalMade;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.ResolutionEvents.SlaWarned;
import io.firebreak.events.ResolutionEvents.TaskAssigned;
import io.firebreak.events.ResolutionEvents.TaskCompleted;
import io.firebreak.events.ResolutionEvents.TaskDeclined;
import io.firebreak.events.ResolutionEvents.TaskOverdue;
import io.firebreak.events.Topics;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.complaint.CaseFiles;
import io.firebreak.intake.complaint.Complaint;
import io.firebreak.intake.complaint.Complaint.Classification;
import io.firebreak.intake.complaint.Complaint.Outcome;
import io.firebreak.intake.complaint.Complaint.Owner;
import io.firebreak.intake.complaint.Complaint.Sla;
import io.firebreak.intake.complaint.Complaint.TimelineEntry;
import io.firebreak.intake.complaint.ComplaintStatus;
import io.firebreak.intake.complaint.CustomerNotices;
import io.firebreak.intake.emotion.EmotionReader;
import io.firebreak.platform.kafka.EventSubscription;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps each complaint's case file current from every service's events: status, class, owner, due times,
 * outcome, and a timeline entry for every moment, so one GET shows the whole story.
 */
@Configuration(proxyBeanMethods = false)
class CaseFileProjection {

    @Bean
    EventSubscription caseFileSubscription(CaseFiles caseFiles, IntakeProperties properties, EmotionReader reader) {
        CustomerNotices notices = new CustomerNotices(properties.timeZone());
        return EventSubscription.to(
                        List.of(Topics.TRIAGE, Topics.RESOLUTION, Topics.FEEDBACK),
                        event -> apply(caseFiles, notices, reader, event))
                .inBatches(events -> applyAll(caseFiles, notices, reader, events));
    }

    /**
     * The customer's words in a follow-up (their comment, as the follow-up recorded it) read like any others: a
     * point on the emotion trajectory (source {@code follow-up}), so a calming down or a last anger shows. Nothing
     * is read once their personal data is erased.
     */
    static Change<Complaint> heard(Change<Complaint> change, ReceivedEvent event, EmotionReader reader) {
        if (!(event.payload() instanceof FollowUpRecorded e)
                || e.comment() == null
                || e.comment().isBlank()
                || change.value().erased()) {
            return change;
        }
        EmotionReader.Reading reading = reader.read(e.comment().strip());
        Complaint next = change.value()
                .withEmotionPoint(
                        new Complaint.EmotionPoint(e.occurredAt(), reading.level(), "follow-up", reading.signals()));
        return new Change<>(next, change.events());
    }

    /**
     * The case file after an event, and what the customer is told of it (published with the case file's write, and
     * a line of the timeline).
     */
    static Change<Complaint> change(Complaint current, ReceivedEvent event, CustomerNotices notices) {
        Complaint next = next(current, event);
        String id = ((ComplaintEvent) event.payload()).complaintId();
        Optional<CustomerNotified> notice = notices.of(id, next, event.payload(), event.time());
        if (notice.isEmpty()) return Change.of(next);
        return Change.of(next.withTimeline(CustomerNotices.told("told-" + event.id(), notice.get())), notice.get());
    }

    /**
     * As {@link #apply} for every event of a poll: the case files they concern read at once and each written once.
     * The customer's record is not written: their history keeps what was received, and where each complaint stands
     * is read from its case file when the history is shown ({@code CustomerDirectory.asTheyStand}).
     */
    static void applyAll(
            CaseFiles caseFiles, CustomerNotices notices, EmotionReader reader, List<ReceivedEvent> events) {
        List<AggregateStore.Update<Complaint>> updates = new ArrayList<>();
        for (ReceivedEvent event : events) {
            if (!(event.payload() instanceof ComplaintEvent about)) continue;
            updates.add(AggregateStore.Update.of(
                    about.complaintId(),
                    event,
                    current -> heard(change(current.value(), event, notices), event, reader)));
        }
        Map<String, Versioned<Complaint>> updated = caseFiles.store().updateAll(updates);
        for (AggregateStore.Update<Complaint> update : updates) {
            if (!updated.containsKey(update.id())) {
                // One by one, this event is retried and dead-lettered alone (see apply).
                throw new IllegalStateException("No complaint " + update.id() + " for event " + update.eventId());
            }
        }
    }

    static void apply(CaseFiles caseFiles, CustomerNotices notices, EmotionReader reader, ReceivedEvent event) {
        if (!(event.payload() instanceof ComplaintEvent about)) return; // e.g. prevention actions: not one complaint
        Optional<Versioned<Complaint>> updated = caseFiles
                .store()
                .update(
                        about.complaintId(),
                        event.id(),
                        current -> heard(change(current.value(), event, notices), event, reader));
        if (updated.isEmpty()) {
            // Retried, then dead-lettered: an event for a complaint intake never received is worth a look.
            throw new IllegalStateException("No complaint " + about.complaintId() + " for event " + event.id());
        }
    }

    static Complaint next(Complaint complaint, ReceivedEvent event) {
        // Once the customer's personal data is erased, what comes later quotes none of it either.
        boolean erased = complaint.erased();
        TimelineEntry entry = new TimelineEntry(
                event.id(), event.time(), event.type().wireName(), source(event.source()), summary(event));
        Complaint c = complaint.withTimeline(erased ? entry.plainly() : entry);
        Object p = event.payload();
        if (p instanceof ComplaintClassified e) {
            List<Reason> reasons = !erased || e.reasons() == null
                    ? e.reasons()
                    : e.reasons().stream()
                            .map(r -> r.withoutEvidence(Complaint.ERASED))
                            .toList();
            return c.withClassification(new Classification(e.complaintClass(), reasons, e.ruleSetVersion()));
        } else if (p instanceof ResponsibilityAssigned e) {
            if (c.caseState() != null) {
                // The case is open: its owner, department and due times are the case's, which resolution tells
                // (CaseUpdated) when this assignment moves them.
                Owner was = c.owner();
                return c.withOwner(new Owner(was.primaryDepartment(), e.secondaryDepartments(), was.owner()), c.sla())
                        .withStatus(ComplaintStatus.ASSIGNED);
            }
            return c.withOwner(
                            new Owner(e.primaryDepartment(), e.secondaryDepartments(), e.owner()),
                            new Sla(e.firstResponseDue(), e.resolutionDue()))
                    .withStatus(ComplaintStatus.ASSIGNED);
        } else if (p instanceof CaseOpened e) {
            Owner was = c.owner();
            Sla sla = c.sla();
            return c.withCase(
                    CaseState.ASSIGNED,
                    e.owner() != null || was == null ? e.owner() : was.owner(),
                    e.department(),
                    e.firstResponseDue() != null || sla == null ? e.firstResponseDue() : sla.firstResponseDue(),
                    e.resolutionDue() != null || sla == null ? e.resolutionDue() : sla.resolutionDue());
        } else if (p instanceof CaseUpdated e) {
            return c.withCase(e.state(), e.owner(), e.department(), e.firstResponseDue(), e.resolutionDue());
        } else if (p instanceof CaseAcknowledged e) {
            Owner was = c.owner();
            Complaint acknowledged = c.withCaseState(CaseState.ACKNOWLEDGED).withStatus(ComplaintStatus.ACKNOWLEDGED);
            // An unowned case becomes the acknowledging agent's.
            return was == null || was.owner() != null
                    ? acknowledged
                    : acknowledged.withOwner(
                            new Owner(was.primaryDepartment(), was.secondaryDepartments(), e.by()), c.sla());
        } else if (p instanceof ProposalMade) {
            return c.withCaseState(CaseState.PROPOSED);
        } else if (p instanceof ProposalRejected) {
            return c.withCaseState(CaseState.INVESTIGATING);
        } else if (p instanceof CaseResolved e) {
            return c.withOutcome(new Outcome(erased ? Complaint.ERASED : e.summary(), e.rootCause(), null, null))
                    .withCaseState(CaseState.RESOLVED)
                    .withStatus(ComplaintStatus.RESOLVED);
        } else if (p instanceof FollowUpRecorded e) {
            return c.withOutcome(outcome(c).withScore(e.score()));
        } else if (p instanceof ComplaintReopened) {
            return c.withStatus(ComplaintStatus.REOPENED);
        } else if (p instanceof ComplaintClosed e) {
            return c.withOutcome(outcome(c).closedAs(e.outcome().name())).withStatus(ComplaintStatus.CLOSED);
        }
        return c;
    }

    private static OutcomeBuilder outcome(Complaint c) {
        return new OutcomeBuilder(c.outcome() == null ? new Outcome(null, null, null, null) : c.outcome());
    }

    private record OutcomeBuilder(Outcome o) {
        Outcome withScore(int score) {
            return new Outcome(o.resolutionSummary(), o.rootCause(), score, o.closedAs());
        }

        Outcome closedAs(String how) {
            return new Outcome(o.resolutionSummary(), o.rootCause(), o.satisfactionScore(), how);
        }
    }

    /** One line a handler can read at a glance. */
    static String summary(ReceivedEvent event) {
        Object p = event.payload();
        if (p instanceof ComplaintClassified e) {
            String what = e.previousClass() == null
                    ? "Classified " + e.complaintClass()
                    : e.previousClass() == e.complaintClass()
                            ? "Re-triaged, still " + e.complaintClass() + " (" + e.trigger() + ")"
                            : "Re-classified " + e.complaintClass() + " (was " + e.previousClass() + ", " + e.trigger()
                                    + ")";
            return what + reasons(e);
        } else if (p instanceof ResponsibilityAssigned e) {
            return "Assigned to " + e.primaryDepartment() + (e.owner() == null ? "" : " (owner " + e.owner() + ")")
                    + (e.secondaryDepartments() == null
                                    || e.secondaryDepartments().isEmpty()
                            ? ""
                            : " with " + String.join(", ", e.secondaryDepartments()))
                    + "; first response due " + e.firstResponseDue() + ", resolution due " + e.resolutionDue();
        } else if (p instanceof CaseOpened e) {
            return "Case opened in " + e.department();
        } else if (p instanceof CaseAcknowledged e) {
            return "Acknowledged by " + e.by() + (e.message() == null ? "" : ": " + e.message())
                    + (e.callbackBy() == null ? "" : "; callback promised by " + e.callbackBy());
        } else if (p instanceof CaseUpdated e) {
            return updated(e);
        } else if (p instanceof CaseResolved e) {
            return "Resolved by " + e.by() + " (root cause " + e.rootCause() + "): " + e.summary();
        } else if (p instanceof SlaWarned e) {
            return "SLA warning: " + e.clock() + " due " + e.dueAt();
        } else if (p instanceof SlaBreached e) {
            return "SLA breached: " + e.clock() + " was due " + e.dueAt();
        } else if (p instanceof ProposalMade e) {
            return "Proposal by " + e.by() + (e.approvedBy() == null ? "" : " (approved by " + e.approvedBy() + ")")
                    + ": "
                    + e.steps().stream()
                            .map(st -> st.number() + ". " + st.what() + " (" + st.who() + ", by " + st.by() + ")")
                            .collect(Collectors.joining(" "))
                    + "; remedies "
                    + e.remedies().stream()
                            .map(r -> r.amount() == null
                                    ? r.type().name()
                                    : r.type() + " " + r.amount() + " " + r.currency())
                            .collect(Collectors.joining(", "));
        } else if (p instanceof TaskAssigned e) {
            return "Task " + e.taskId() + " for " + e.department()
                    + (e.owner() == null ? " (its queue)" : " (" + e.owner() + ")") + ", due " + e.dueAt()
                    + (e.required() ? ", required" : "") + ": " + e.what();
        } else if (p instanceof TaskCompleted e) {
            return "Task " + e.taskId() + " done by " + e.by() + " (" + e.department() + ")"
                    + (e.note() == null ? "" : ": " + e.note());
        } else if (p instanceof TaskDeclined e) {
            return "Task " + e.taskId() + " declined by " + e.by() + " (" + e.department() + "): " + e.reason();
        } else if (p instanceof TaskOverdue e) {
            return "Task " + e.taskId() + " for " + e.department() + " overdue: was due " + e.dueAt();
        } else if (p instanceof PromiseMade e) {
            return "Promised the customer (" + e.promiseId() + ", by " + e.by() + "): " + e.what() + " by " + e.dueAt();
        } else if (p instanceof PromiseKept e) {
            return "Promise " + e.promiseId() + " kept by " + e.by() + (e.onTime() ? "" : " (late)") + ": " + e.what();
        } else if (p instanceof PromiseWarned e) {
            return "Promise " + e.promiseId() + " about to be broken: " + e.what() + " due " + e.dueAt();
        } else if (p instanceof PromiseBroken e) {
            return "Promise " + e.promiseId() + " broken: " + e.what() + " was due " + e.dueAt();
        } else if (p instanceof ProposalRejected e) {
            return "The customer rejected the proposal" + (e.comment() == null ? "" : ": " + e.comment());
        } else if (p instanceof FollowUpRecorded e) {
            return "Follow-up by " + e.by() + ": score " + e.score() + "/5, "
                    + (e.satisfied() ? "satisfied" : "not satisfied")
                    + (e.comment() == null ? "" : " - " + e.comment());
        } else if (p instanceof ComplaintReopened e) {
            return "Reopened: " + e.reason();
        } else if (p instanceof ComplaintClosed e) {
            return "Closed (" + e.outcome() + ")";
        }
        return event.type().wireName();
    }

    /** A case update as a handler reads it: what changed, by whom, with its words, and the case's due times. */
    private static String updated(CaseUpdated e) {
        String by = e.by() == null ? "" : " by " + e.by();
        String words = e.text() == null || e.text().isBlank() ? "" : ": " + e.text();
        return switch (e.change()) {
            case INVESTIGATING -> "Investigating" + by;
            case WAITING_FOR_CUSTOMER -> "Waiting for the customer" + by + words + " (the resolution clock pauses)";
            case RESUMED -> "Resumed" + by + " as " + e.state() + "; resolution now due " + e.resolutionDue();
            case AWAITING_APPROVAL -> "Proposal" + by + " awaits a supervisor's approval";
            case PROPOSAL_ACCEPTED -> "The customer accepted the proposal" + words;
            case INTERNAL_NOTE -> "Internal note" + by + words;
            case CUSTOMER_MESSAGE -> "Message to the customer" + by + words;
            case HANDED_OVER ->
                "Handed over" + by + " to " + (e.owner() == null ? "the queue" : e.owner()) + " in " + e.department()
                        + words;
            case REASSIGNED ->
                "Case now with " + (e.owner() == null ? "the queue" : e.owner()) + " in "
                        + e.department() + "; first response due " + e.firstResponseDue() + ", resolution due "
                        + e.resolutionDue();
            case REOPENED ->
                "Case reopened" + words + "; first response due " + e.firstResponseDue() + ", resolution due "
                        + e.resolutionDue();
        };
    }

    private static String reasons(ComplaintClassified e) {
        if (e.reasons() == null || e.reasons().isEmpty()) return "";
        return ": "
                + e.reasons().stream()
                        .map(r -> r.rule() + " [" + r.evidence() + "]")
                        .collect(Collectors.joining("; "));
    }

    private static String source(String ceSource) {
        if (ceSource == null) return "unknown";
        int slash = ceSource.lastIndexOf('/');
        return slash < 0 ? ceSource : ceSource.substring(slash + 1);
    }
}

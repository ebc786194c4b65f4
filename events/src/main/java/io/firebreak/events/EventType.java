package io.firebreak.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the lifecycle: its wire name ({@code ce_type}), the one topic it is published on, and
 * its payload record. Wire names are {@code firebreak.<noun>.<past-tense-verb>}, never Java class names.
 */
public enum EventType {
    COMPLAINT_RECEIVED("firebreak.complaint.received", Topics.INTAKE, IntakeEvents.ComplaintReceived.class),
    MESSAGE_ADDED("firebreak.message.added", Topics.INTAKE, IntakeEvents.MessageAdded.class),
    EMOTION_ROSE("firebreak.emotion.rose", Topics.INTAKE, IntakeEvents.EmotionRose.class),
    COMPLAINT_SHARED("firebreak.complaint.shared", Topics.INTAKE, IntakeEvents.ComplaintShared.class),
    ATTACHMENT_ADDED("firebreak.attachment.added", Topics.INTAKE, IntakeEvents.AttachmentAdded.class),
    PROPOSAL_ANSWERED("firebreak.proposal.answered", Topics.INTAKE, IntakeEvents.ProposalAnswered.class),
    PERSONAL_DATA_ERASED("firebreak.personaldata.erased", Topics.INTAKE, IntakeEvents.PersonalDataErased.class),
    CUSTOMER_NOTIFIED("firebreak.customer.notified", Topics.CUSTOMER, IntakeEvents.CustomerNotified.class),

    COMPLAINT_CLASSIFIED("firebreak.complaint.classified", Topics.TRIAGE, TriageEvents.ComplaintClassified.class),
    RESPONSIBILITY_ASSIGNED(
            "firebreak.responsibility.assigned", Topics.TRIAGE, TriageEvents.ResponsibilityAssigned.class),

    CASE_OPENED("firebreak.case.opened", Topics.RESOLUTION, ResolutionEvents.CaseOpened.class),
    CASE_ACKNOWLEDGED("firebreak.case.acknowledged", Topics.RESOLUTION, ResolutionEvents.CaseAcknowledged.class),
    CASE_UPDATED("firebreak.case.updated", Topics.RESOLUTION, ResolutionEvents.CaseUpdated.class),
    CASE_RESOLVED("firebreak.case.resolved", Topics.RESOLUTION, ResolutionEvents.CaseResolved.class),
    SLA_WARNED("firebreak.sla.warned", Topics.RESOLUTION, ResolutionEvents.SlaWarned.class),
    SLA_BREACHED("firebreak.sla.breached", Topics.RESOLUTION, ResolutionEvents.SlaBreached.class),
    PROPOSAL_MADE("firebreak.proposal.made", Topics.RESOLUTION, ResolutionEvents.ProposalMade.class),
    PROPOSAL_REJECTED("firebreak.proposal.rejected", Topics.RESOLUTION, ResolutionEvents.ProposalRejected.class),
    TASK_ASSIGNED("firebreak.task.assigned", Topics.RESOLUTION, ResolutionEvents.TaskAssigned.class),
    TASK_COMPLETED("firebreak.task.completed", Topics.RESOLUTION, ResolutionEvents.TaskCompleted.class),
    TASK_DECLINED("firebreak.task.declined", Topics.RESOLUTION, ResolutionEvents.TaskDeclined.class),
    TASK_OVERDUE("firebreak.task.overdue", Topics.RESOLUTION, ResolutionEvents.TaskOverdue.class),
    PROMISE_MADE("firebreak.promise.made", Topics.RESOLUTION, ResolutionEvents.PromiseMade.class),
    PROMISE_KEPT("firebreak.promise.kept", Topics.RESOLUTION, ResolutionEvents.PromiseKept.class),
    PROMISE_WARNED("firebreak.promise.warned", Topics.RESOLUTION, ResolutionEvents.PromiseWarned.class),
    PROMISE_BROKEN("firebreak.promise.broken", Topics.RESOLUTION, ResolutionEvents.PromiseBroken.class),

    FOLLOWUP_RECORDED("firebreak.followup.recorded", Topics.FEEDBACK, FeedbackEvents.FollowUpRecorded.class),
    COMPLAINT_REOPENED("firebreak.complaint.reopened", Topics.FEEDBACK, FeedbackEvents.ComplaintReopened.class),
    COMPLAINT_CLOSED("firebreak.complaint.closed", Topics.FEEDBACK, FeedbackEvents.ComplaintClosed.class),
    ROOTCAUSE_RECORDED("firebreak.rootcause.recorded", Topics.FEEDBACK, FeedbackEvents.RootCauseRecorded.class),
    PREVENTION_RAISED("firebreak.prevention.raised", Topics.FEEDBACK, FeedbackEvents.PreventionRaised.class),
    SURVEY_SENT("firebreak.survey.sent", Topics.FEEDBACK, FeedbackEvents.SurveySent.class),
    GROUP_RESOLVED("firebreak.group.resolved", Topics.FEEDBACK, FeedbackEvents.PreventionGroupResolved.class);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String wireName;
    private final String topic;
    private final Class<? extends FirebreakEvent> payloadType;

    EventType(String wireName, String topic, Class<? extends FirebreakEvent> payloadType) {
        this.wireName = wireName;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends FirebreakEvent> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    public static EventType of(FirebreakEvent event) {
        EventType type = BY_PAYLOAD.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(
                    "No event type for " + event.getClass().getName());
        }
        return type;
    }
}

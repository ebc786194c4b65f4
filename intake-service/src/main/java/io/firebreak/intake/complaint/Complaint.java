package io.firebreak.intake.complaint;

import io.firebreak.events.CaseState;
import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.intake.customer.Customer;
import io.firebreak.platform.security.ClientVisibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The case file of one complaint: what the customer said (first and since), how they feel, and everything every
 * service did with it, so that whoever handles it sees the whole story (don't make me repeat myself). Contact data
 * is not here: it stays with the customer record. {@code idempotencyKey} and {@code idempotencyFingerprint}: the
 * {@code Idempotency-Key} of the submission that opened it and a digest of that submission ({@link SubmissionKey}).
 */
public record Complaint(
        String customerId,
        String maskedContact,
        Channel channel,
        String description,
        String productRef,
        String orderRef,
        String remedySought,
        Instant happenedAt,
        EmotionLevel emotion,
        List<String> emotionSignals,
        CustomerStage stage,
        List<String> earlierComplaintIds,
        List<Message> messages,
        Instant receivedAt,
        ComplaintStatus status,
        Classification classification,
        Owner owner,
        Sla sla,
        Outcome outcome,
        List<TimelineEntry> timeline,
        Instant updatedAt,
        String submittedBy,
        ExternalRef externalRef,
        String externalKey,
        List<String> mergedExternalKeys,
        List<String> sharedWith,
        List<Attachment> attachments,
        CaseState caseState,
        List<EmotionPoint> trajectory,
        String idempotencyKey,
        String idempotencyFingerprint) {

    /** A case file as it was before it knew its submitter, external reference, shares and attachments. */
    public Complaint(
            String customerId,
            String maskedContact,
            Channel channel,
            String description,
            String productRef,
            String orderRef,
            String remedySought,
            Instant happenedAt,
            EmotionLevel emotion,
            List<String> emotionSignals,
            CustomerStage stage,
            List<String> earlierComplaintIds,
            List<Message> messages,
            Instant receivedAt,
            ComplaintStatus status,
            Classification classification,
            Owner owner,
            Sla sla,
            Outcome outcome,
            List<TimelineEntry> timeline,
            Instant updatedAt) {
        this(
                customerId,
                maskedContact,
                channel,
                description,
                productRef,
                orderRef,
                remedySought,
                happenedAt,
                emotion,
                emotionSignals,
                stage,
                earlierComplaintIds,
                messages,
                receivedAt,
                status,
                classification,
                owner,
                sla,
                outcome,
                timeline,
                updatedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public Complaint {
        // Case files stored before a component existed read it as null.
        emotionSignals = emotionSignals == null ? List.of() : List.copyOf(emotionSignals);
        earlierComplaintIds = earlierComplaintIds == null ? List.of() : List.copyOf(earlierComplaintIds);
        messages = messages == null ? List.of() : List.copyOf(messages);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        mergedExternalKeys = mergedExternalKeys == null ? List.of() : List.copyOf(mergedExternalKeys);
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        trajectory = trajectory == null ? List.of() : List.copyOf(trajectory);
    }

    /**
     * The customer's emotion at one moment they spoke (情绪轨迹): every text of theirs is read, so the trajectory
     * shows a rise and a calming down alike, where the headline {@code emotion} keeps the highest so far. {@code source}:
     * received, message, duplicate (a merged submission), proposal-answer, follow-up.
     */
    public record EmotionPoint(Instant at, EmotionLevel level, String source, List<String> signals) {}

    /** With the customer's emotion read at one more moment. */
    public Complaint withEmotionPoint(EmotionPoint point) {
        Copy c = new Copy(this);
        c.trajectory = appended(trajectory, point);
        if (emotion == null || point.level().compareTo(emotion) > 0) {
            c.emotion = point.level();
            c.emotionSignals = point.signals();
        }
        return c.build();
    }

    /** The emotion the customer spoke with last (the trajectory's end), else the headline. */
    public EmotionLevel emotionNow() {
        return trajectory.isEmpty()
                ? emotion
                : trajectory.get(trajectory.size() - 1).level();
    }

    /** The complaint's ticket in the submitting client's ticketing system. */
    public record ExternalRef(String system, String id) {}

    /** An attachment's metadata, as a ticketing system recorded it; the file stays there, at {@code url}. */
    public record Attachment(
            String id,
            Instant at,
            String name,
            String mediaType,
            long size,
            String checksum,
            String url,
            String addedBy) {}

    /**
     * The unique key of an external reference: the submitting client, the system and the ticket id. Scoped by
     * client, since two clients' systems may share a name and ticket numbers, and no client may reach another's
     * complaint by guessing references.
     */
    public static String externalKey(String client, String system, String id) {
        return client + '\n' + system + '\n' + id;
    }

    /**
     * Whether {@code client} (null: staff) may see this complaint: it submitted it, or it was shared with it.
     * {@code submittedBy} names a client only, never a staff member.
     */
    public boolean visibleTo(String client) {
        return ClientVisibility.visibleTo(client, submittedBy, sharedWith);
    }

    /** With the client among those the complaint is shared with. */
    Complaint sharedWith(String client) {
        Copy c = new Copy(this);
        c.sharedWith = appended(sharedWith, client);
        return c.build();
    }

    /** With a merged submission's external reference remembered, so that its retry finds this complaint. */
    Complaint withMergedExternalKey(String key) {
        Copy c = new Copy(this);
        c.mergedExternalKeys = appended(mergedExternalKeys, key);
        return c.build();
    }

    Complaint withAttachment(Attachment attachment) {
        Copy c = new Copy(this);
        c.attachments = appended(attachments, attachment);
        return c.build();
    }

    /** The class triage gave, with every rule that fired. */
    public record Classification(ComplaintClass complaintClass, List<Reason> reasons, String ruleSetVersion) {}

    /** Who owns the complaint (primary) and who contributes (secondary). */
    public record Owner(String primaryDepartment, List<String> secondaryDepartments, String owner) {}

    /** When the customer must have a first response, and a resolution. */
    public record Sla(Instant firstResponseDue, Instant resolutionDue) {}

    /** How the last round ended: the resolution, and the customer's verdict on it. */
    public record Outcome(String resolutionSummary, String rootCause, Integer satisfactionScore, String closedAs) {}

    /** One moment in the complaint's life, from any service. */
    public record TimelineEntry(String eventId, Instant at, String type, String source, String summary) {

        /** The same moment, saying only what happened ({@code firebreak.case.acknowledged}: "Case acknowledged"). */
        public TimelineEntry plainly() {
            String what = type.startsWith("firebreak.") ? type.substring("firebreak.".length()) : type;
            what = what.replace('.', ' ');
            return new TimelineEntry(
                    eventId,
                    at,
                    type,
                    source,
                    what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1));
        }
    }

    /** What stands where erased personal data was. */
    public static final String ERASED = Customer.ERASED;

    /** Whether the customer's personal data was erased from this case file. */
    public boolean erased() {
        return ERASED.equals(description);
    }

    /**
     * With everything that came from the customer or names them replaced by {@link #ERASED}: the description, the
     * remedy sought, messages, attachments' names and addresses, the evidence quoted in the reasons, the resolution's
     * summary, and every timeline line (each then says only what happened); the contact is dropped. What stays is the record: times,
     * channel, references, class, departments, due times, outcome and scores.
     */
    Complaint erasing() {
        Copy c = new Copy(this);
        c.maskedContact = null;
        c.description = ERASED;
        c.remedySought = remedySought == null ? null : ERASED;
        c.messages = messages.stream()
                .map(m ->
                        new Message(m.id(), m.at(), m.channel(), ERASED, m.mergedDuplicate(), m.emotion(), m.signals()))
                .toList();
        c.attachments = attachments.stream()
                .map(a -> new Attachment(a.id(), a.at(), ERASED, a.mediaType(), a.size(), null, ERASED, a.addedBy()))
                .toList();
        c.timeline = timeline.stream().map(TimelineEntry::plainly).toList();
        if (outcome != null && outcome.resolutionSummary() != null) {
            c.outcome = new Outcome(ERASED, outcome.rootCause(), outcome.satisfactionScore(), outcome.closedAs());
        }
        if (classification != null) {
            c.classification = new Classification(
                    classification.complaintClass(),
                    classification.reasons().stream()
                            .map(r -> r.withoutEvidence(ERASED))
                            .toList(),
                    classification.ruleSetVersion());
        }
        return c.build();
    }

    /** What the customer said later, or a duplicate submission merged in, read like the first. */
    public record Message(
            String id,
            Instant at,
            Channel channel,
            String text,
            boolean mergedDuplicate,
            EmotionLevel emotion,
            List<String> signals) {}

    /** Whether the complaint is still being handled (anything but closed). */
    public boolean isOpen() {
        return status != ComplaintStatus.CLOSED;
    }

    /**
     * How often the customer came back about this matter: earlier complaints, and duplicate submissions that came at
     * least {@code sameContactWithin} after the contact before them (sooner, it is one contact on two channels).
     */
    public int contactsBefore(Duration sameContactWithin) {
        int chased = 0;
        Instant previous = receivedAt;
        for (Message m : messages) {
            if (!m.mergedDuplicate()) continue;
            if (previous == null || !m.at().isBefore(previous.plus(sameContactWithin))) chased++;
            previous = m.at();
        }
        return earlierComplaintIds.size() + chased;
    }

    /** Whether a duplicate submitted {@code at} is the customer coming back rather than the same contact again. */
    public boolean comesBack(Instant at, Duration sameContactWithin) {
        Instant last = messages.stream()
                .filter(Message::mergedDuplicate)
                .map(Message::at)
                .reduce((a, b) -> b)
                .orElse(receivedAt);
        return last == null || !at.isBefore(last.plus(sameContactWithin));
    }

    /** This complaint as its customer's history shows it. */
    public Customer.PastComplaint pastComplaint(String id) {
        return new Customer.PastComplaint(
                id,
                receivedAt,
                subject(description),
                orderRef,
                productRef,
                classification == null ? null : classification.complaintClass(),
                status.name(),
                outcome == null ? null : outcome.closedAs(),
                outcome == null ? null : outcome.satisfactionScore());
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }

    private static String subject(String text) {
        if (text == null) return null;
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    /**
     * The most lines a timeline keeps: its first (the receipt) and the newest after it. A case file stays bounded
     * however long a complaint lives (reopened again and again, clocks warning and breaching).
     */
    public static final int MAX_TIMELINE = 1000;

    public Complaint withTimeline(TimelineEntry entry) {
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.add(entry);
        entries.sort(Comparator.comparing(TimelineEntry::at));
        if (entries.size() > MAX_TIMELINE) {
            List<TimelineEntry> kept = new ArrayList<>(MAX_TIMELINE);
            kept.add(entries.get(0));
            kept.addAll(entries.subList(entries.size() - (MAX_TIMELINE - 1), entries.size()));
            entries = kept;
        }
        Copy c = new Copy(this);
        c.timeline = entries;
        c.updatedAt = entry.at();
        return c.build();
    }

    /**
     * The case as resolution tells it: its state, and from the case's opening on, its owner, department and due
     * times (what triage chose first, then what the case says: a pause, a hand-over, a re-planned clock).
     */
    public Complaint withCase(
            CaseState state, String owner, String department, Instant firstResponseDue, Instant resolutionDue) {
        Copy c = new Copy(this);
        c.caseState = state;
        Owner was = owner();
        c.owner = new Owner(
                department != null ? department : was == null ? null : was.primaryDepartment(),
                was == null ? List.of() : was.secondaryDepartments(),
                owner);
        c.sla = new Sla(firstResponseDue, resolutionDue);
        return c.build();
    }

    /** The case's state as resolution tells it, nothing else changed. */
    public Complaint withCaseState(CaseState state) {
        Copy c = new Copy(this);
        c.caseState = state;
        return c.build();
    }

    public Complaint withStatus(ComplaintStatus target) {
        Copy c = new Copy(this);
        c.status = status.moveTo(target);
        return c.build();
    }

    public Complaint withClassification(Classification value) {
        Copy c = new Copy(this);
        c.classification = value;
        return c.build();
    }

    public Complaint withOwner(Owner value, Sla due) {
        Copy c = new Copy(this);
        c.owner = value;
        c.sla = due;
        return c.build();
    }

    public Complaint withOutcome(Outcome value) {
        Copy c = new Copy(this);
        c.outcome = value;
        return c.build();
    }

    /**
     * With a message added, on the trajectory; the headline emotion rises with it, never falls, unless
     * {@code headline} is false (a message beyond the contacts agreed: its tone is kept, not acted on).
     */
    Complaint withMessage(Message message, CustomerStage stageNow, boolean headline) {
        Copy c = new Copy(this);
        c.messages = appended(messages, message);
        c.trajectory = appended(
                trajectory,
                new EmotionPoint(
                        message.at(),
                        message.emotion(),
                        message.mergedDuplicate() ? "duplicate" : "message",
                        message.signals()));
        if (headline && (emotion == null || message.emotion().compareTo(emotion) > 0)) {
            c.emotion = message.emotion();
            c.emotionSignals = message.signals();
        }
        c.stage = stageNow;
        return c.build();
    }

    /** With the references a merged duplicate gave where this complaint had none. */
    Complaint withBlanksFilled(String newProductRef, String newOrderRef, String newRemedy, Instant newHappenedAt) {
        Copy c = new Copy(this);
        if (c.productRef == null) c.productRef = newProductRef;
        if (c.orderRef == null) c.orderRef = newOrderRef;
        if (c.remedySought == null) c.remedySought = newRemedy;
        if (c.happenedAt == null) c.happenedAt = newHappenedAt;
        return c.build();
    }

    /** A mutable copy, so each change names only what it changes. */
    private static final class Copy {
        String customerId;
        String maskedContact;
        Channel channel;
        String description;
        String productRef;
        String orderRef;
        String remedySought;
        Instant happenedAt;
        EmotionLevel emotion;
        List<String> emotionSignals;
        CustomerStage stage;
        List<String> earlierComplaintIds;
        List<Message> messages;
        Instant receivedAt;
        ComplaintStatus status;
        Classification classification;
        Owner owner;
        Sla sla;
        Outcome outcome;
        List<TimelineEntry> timeline;
        Instant updatedAt;
        String submittedBy;
        ExternalRef externalRef;
        String externalKey;
        List<String> mergedExternalKeys;
        List<String> sharedWith;
        List<Attachment> attachments;
        CaseState caseState;
        List<EmotionPoint> trajectory;
        String idempotencyKey;
        String idempotencyFingerprint;

        Copy(Complaint c) {
            customerId = c.customerId;
            maskedContact = c.maskedContact;
            channel = c.channel;
            description = c.description;
            productRef = c.productRef;
            orderRef = c.orderRef;
            remedySought = c.remedySought;
            happenedAt = c.happenedAt;
            emotion = c.emotion;
            emotionSignals = c.emotionSignals;
            stage = c.stage;
            earlierComplaintIds = c.earlierComplaintIds;
            messages = c.messages;
            receivedAt = c.receivedAt;
            status = c.status;
            classification = c.classification;
            owner = c.owner;
            sla = c.sla;
            outcome = c.outcome;
            timeline = c.timeline;
            updatedAt = c.updatedAt;
            submittedBy = c.submittedBy;
            externalRef = c.externalRef;
            externalKey = c.externalKey;
            mergedExternalKeys = c.mergedExternalKeys;
            sharedWith = c.sharedWith;
            attachments = c.attachments;
            caseState = c.caseState;
            trajectory = c.trajectory;
            idempotencyKey = c.idempotencyKey;
            idempotencyFingerprint = c.idempotencyFingerprint;
        }

        Complaint build() {
            return new Complaint(
                    customerId,
                    maskedContact,
                    channel,
                    description,
                    productRef,
                    orderRef,
                    remedySought,
                    happenedAt,
                    emotion,
                    emotionSignals,
                    stage,
                    earlierComplaintIds,
                    messages,
                    receivedAt,
                    status,
                    classification,
                    owner,
                    sla,
                    outcome,
                    timeline,
                    updatedAt,
                    submittedBy,
                    externalRef,
                    externalKey,
                    mergedExternalKeys,
                    sharedWith,
                    attachments,
                    caseState,
                    trajectory,
                    idempotencyKey,
                    idempotencyFingerprint);
        }
    }
}

package io.firebreak.intake.complaint;

import io.firebreak.events.Channel;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.AttachmentAdded;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.ComplaintShared;
import io.firebreak.events.IntakeEvents.CustomerHandling;
import io.firebreak.events.IntakeEvents.CustomerNotified;
import io.firebreak.events.IntakeEvents.EmotionRose;
import io.firebreak.events.IntakeEvents.ExternalRef;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.events.IntakeEvents.ProposalAnswered;
import io.firebreak.events.Owners;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.customer.Customer;
import io.firebreak.intake.emotion.CustomerStages;
import io.firebreak.intake.emotion.EmotionReader;
import io.firebreak.intake.emotion.EmotionReader.Reading;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What intake decides, free of storage and messaging: the case file and announcement of a new complaint (the
 * customer's emotion and stage read, a repeat contact named), which earlier complaints are on the same matter, a
 * duplicate submission merged into the open complaint, a later message read (and a rise in emotion announced), a
 * complaint shared, a proposal's answer forwarded, an attachment recorded. Each decision is the case file's next
 * state with the events it causes, null when nothing changes, or a refusal ({@link ProblemException}: 404 for a
 * complaint the caller may not see, 409 closed or full).
 */
@Component
class IntakeDecisions {

    private static final int SUMMARY_TEXT = 200;

    private final EmotionReader emotions;
    private final IntakeProperties.Duplicates duplicates;
    private final IntakeProperties.Caps caps;
    private final CustomerNotices notices;

    IntakeDecisions(EmotionReader emotions, IntakeProperties properties) {
        this.emotions = emotions;
        this.notices = new CustomerNotices(properties.timeZone());
        this.duplicates = properties.duplicates();
        this.caps = properties.caps();
    }

    /** The parts of a submission intake keeps, normalised. */
    record Incoming(
            Channel channel,
            String text,
            String productRef,
            String orderRef,
            String remedySought,
            Instant happenedAt) {}

    /**
     * Who complains, as the case file names them: their id and the masked contact, and how they are to be handled
     * when a supervisor set it (null for most).
     */
    record Complainant(String id, String maskedContact, CustomerHandling handling) {

        Complainant(String id, String maskedContact) {
            this(id, maskedContact, null);
        }
    }

    /**
     * The case file of a new complaint and its announcement: the customer's words read for emotion and stage (a
     * repeat contact reads higher), {@code earlier} the complaints on the same matter it repeats, the ticket it is
     * in the caller's system if any, the submission's {@code Idempotency-Key} if it came with one.
     */
    Change<Complaint> received(
            String id,
            Complainant customer,
            Incoming in,
            List<String> earlier,
            Caller caller,
            Complaint.ExternalRef externalRef,
            String externalKey,
            SubmissionKey submissionKey,
            Instant now) {
        String client = caller.client();
        Reading reading = emotions.read(in.text(), earlier.size(), in.remedySought() != null);
        String repeat = earlier.isEmpty() ? "" : "; repeat contact after " + String.join(", ", earlier);
        Complaint complaint = new Complaint(
                customer.id(),
                customer.maskedContact(),
                in.channel(),
                in.text(),
                in.productRef(),
                in.orderRef(),
                in.remedySought(),
                in.happenedAt(),
                reading.level(),
                reading.signals(),
                reading.stage(),
                earlier,
                List.of(),
                now,
                ComplaintStatus.RECEIVED,
                null,
                null,
                null,
                null,
                List.of(new Complaint.TimelineEntry(
                        "received-" + id,
                        now,
                        "firebreak.complaint.received",
                        "intake",
                        "Received by " + in.channel() + (client == null ? " (taken by " + caller.name() + ")" : "")
                                + "; the customer reads " + describe(reading) + repeat
                                + (externalRef == null
                                        ? ""
                                        : "; ticket " + externalRef.system() + " " + externalRef.id()))),
                now,
                client,
                externalRef,
                externalKey,
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(new Complaint.EmotionPoint(now, reading.level(), "received", reading.signals())),
                submissionKey == null ? null : submissionKey.key(),
                submissionKey == null ? null : submissionKey.fingerprint());
        ComplaintReceived received = new ComplaintReceived(
                id,
                now,
                in.channel(),
                customer.id(),
                customer.maskedContact(),
                in.text(),
                in.productRef(),
                in.orderRef(),
                in.remedySought(),
                reading.level(),
                reading.signals(),
                reading.stage(),
                in.happenedAt(),
                earlier,
                client,
                externalRef == null ? null : new ExternalRef(externalRef.system(), externalRef.id()),
                customer.handling());
        CustomerNotified receipt = notices.receipt(id, complaint, now);
        return new Change<>(
                complaint.withTimeline(CustomerNotices.told("receipt-" + id, receipt)), List.of(received, receipt));
    }

    /**
     * How triage is told to handle the customer (null for most): the supervisor's terms, and, for one point of
     * contact, the person who has their latest complaint ({@code recent}: their complaints, newest first).
     */
    static CustomerHandling handling(Customer customer, List<Versioned<Complaint>> recent) {
        if (customer == null || customer.handling() == null) return null;
        Customer.Handling h = customer.handling();
        String pointOfContact = null;
        if (h.onePointOfContact()) {
            pointOfContact = recent.stream()
                    .map(c ->
                            c.value().owner() == null ? null : c.value().owner().owner())
                    .filter(o -> o != null && !Owners.isQueue(o))
                    .findFirst()
                    .orElse(null);
        }
        return new CustomerHandling(
                h.reason(), h.seniorOwner(), h.onePointOfContact(), h.contactsPerDay(), pointOfContact);
    }

    /**
     * Of the customer's recent complaints ({@code candidates}), those on the same matter as the submission (same
     * order, same product, or much the same words) whose last activity lies within the duplicate window, in the
     * order given.
     */
    List<Versioned<Complaint>> sameMatter(List<Versioned<Complaint>> candidates, Incoming in, Instant now) {
        Instant since = now.minus(duplicates.window());
        return candidates.stream()
                .filter(c -> !lastActivity(c.value()).isBefore(since))
                .filter(c ->
                        Matters.same(c.value(), in.orderRef(), in.productRef(), in.text(), duplicates.similarity()))
                .toList();
    }

    private static Instant lastActivity(Complaint c) {
        return c.updatedAt() != null && c.updatedAt().isAfter(c.receivedAt()) ? c.updatedAt() : c.receivedAt();
    }

    /**
     * The submission added to the open complaint {@code id} as message {@code messageId}, its blanks filled from it,
     * its external key and {@code Idempotency-Key} remembered so that a retry finds the complaint rather than merging
     * twice; null if the complaint closed or is full meanwhile, or already holds that external key or that
     * {@code Idempotency-Key}.
     */
    Change<Complaint> merged(
            String id,
            Complaint c,
            Incoming in,
            String externalKey,
            SubmissionKey submissionKey,
            String messageId,
            Instant now) {
        if (!c.isOpen() || c.messages().size() >= caps.messages()) return null;
        if (externalKey != null
                && (externalKey.equals(c.externalKey())
                        || c.mergedExternalKeys().contains(externalKey))) {
            return null;
        }
        if (submissionKey != null && submissionKey.in(c) != SubmissionKey.Held.NOT) return null;
        int contacts = c.contactsBefore(duplicates.sameContactWithin())
                + (c.comesBack(now, duplicates.sameContactWithin()) ? 1 : 0);
        Reading reading = emotions.read(in.text(), contacts, in.remedySought() != null);
        Complaint filled = c.withBlanksFilled(in.productRef(), in.orderRef(), in.remedySought(), in.happenedAt());
        if (externalKey != null) filled = filled.withMergedExternalKey(externalKey);
        if (submissionKey != null) filled = filled.withMergedExternalKey(submissionKey.asMerged());
        return withMessage(id, filled, messageId, in.channel(), in.text(), true, reading, null, now)
                .change();
    }

    /**
     * A later message as decided: the case file's change, whether the emotion rose with it, and where the customer
     * stands against the contacts a day agreed with them (null: none agreed).
     */
    record Message(Change<Complaint> change, boolean emotionRose, ContactPlan plan) {}

    /**
     * The contacts a day agreed with a customer who needs care, and the contacts they made in the last 24 hours, this
     * one included: their complaints received and their messages on this complaint.
     */
    record ContactPlan(int agreedPerDay, int inLastDay) {

        /** Past what was agreed: the message is kept and read, but its tone alone moves nothing. */
        boolean beyondAgreed() {
            return inLastDay > agreedPerDay;
        }

        /**
         * The plan for a message at {@code now}: null when none was agreed; otherwise the complaints received in the
         * 24 hours before it and this complaint's messages in them (merged duplicates are not contacts), plus this one.
         */
        static ContactPlan at(Instant now, Integer agreedPerDay, List<Instant> complaintsReceived, Complaint c) {
            if (agreedPerDay == null) return null;
            Instant since = now.minus(Duration.ofDays(1));
            long complaints = complaintsReceived.stream()
                    .filter(at -> at != null && at.isAfter(since))
                    .count();
            long messages = c.messages().stream()
                    .filter(m -> !m.mergedDuplicate() && m.at() != null && m.at().isAfter(since))
                    .count();
            return new ContactPlan(agreedPerDay, (int) (complaints + messages + 1));
        }
    }

    /**
     * The customer's later message on complaint {@code id}, read for emotion (the contacts before it count), on
     * the timeline and announced, with a rise in emotion if it reads higher. {@code channel} null: the complaint's.
     * Beyond the contacts a day agreed with the customer ({@code plan}, null: none), the message is kept, read and
     * announced as any other (its words still escalate: a hazard, a lawyer, a manager asked for), but its tone alone
     * raises neither the complaint's emotion nor its stage, so it shortens no clock and alerts no one: the agreed
     * plan protects the people answering (客服人员自我保护) without losing a word.
     */
    Message message(
            String id,
            Complaint c,
            String visibleTo,
            String messageId,
            String text,
            Channel channel,
            ContactPlan plan,
            Instant now) {
        if (!c.visibleTo(visibleTo)) throw ProblemException.notFound("Complaint", id);
        if (!c.isOpen()) {
            throw ProblemException.conflict("Complaint " + id + " is closed; a new matter is a new complaint.")
                    .with("id", id);
        }
        requireRoom(id, "messages", c.messages().size(), caps.messages());
        String words = text.strip();
        // How fast they write (听语速): the customer's messages in the last minutes, this one included.
        int burst = 1
                + (int) c.messages().stream()
                        .filter(m -> !m.mergedDuplicate())
                        .filter(m -> m.at() != null && m.at().isAfter(now.minus(EmotionReader.BURST_WINDOW)))
                        .count();
        Reading reading = emotions.read(words, c.contactsBefore(duplicates.sameContactWithin()), false, burst);
        return withMessage(id, c, messageId, channel != null ? channel : c.channel(), words, false, reading, plan, now);
    }

    /** The complaint with the message on its timeline, its emotion and stage risen if the message reads higher. */
    private static Message withMessage(
            String id,
            Complaint c,
            String messageId,
            Channel channel,
            String text,
            boolean merged,
            Reading reading,
            ContactPlan plan,
            Instant now) {
        EmotionLevel before = c.emotion() == null ? EmotionLevel.CALM : c.emotion();
        boolean held = plan != null && plan.beyondAgreed();
        boolean rose = !held && reading.level().compareTo(before) > 0;
        CustomerStage stage = held ? c.stage() : CustomerStages.higher(c.stage(), reading.stage());
        Complaint.Message message =
                new Complaint.Message(messageId, now, channel, text, merged, reading.level(), reading.signals());
        Complaint next = c.withMessage(message, stage, !held)
                .withTimeline(new Complaint.TimelineEntry(
                        messageId,
                        now,
                        "firebreak.message.added",
                        "intake",
                        (merged ? "Duplicate submission merged" : "Customer wrote") + " (" + channel + "): "
                                + clip(text) + " - reads " + describe(reading)
                                + (held
                                        ? " - contact " + plan.inLastDay() + " in 24 hours, beyond the "
                                                + plan.agreedPerDay()
                                                + " a day agreed: kept for the next agreed contact, its tone moves"
                                                + " no clock"
                                        : "")));
        List<FirebreakEvent> events = new ArrayList<>();
        events.add(new MessageAdded(id, now, channel, text, merged, reading.level(), reading.signals(), stage));
        if (rose) {
            events.add(new EmotionRose(id, now, before, reading.level(), reading.signals(), stage));
            next = next.withTimeline(new Complaint.TimelineEntry(
                    messageId + "-rose",
                    now,
                    "firebreak.emotion.rose",
                    "intake",
                    "Emotion rose from " + before + " to " + reading.level() + ", stage " + stage));
        }
        return new Message(new Change<>(next, List.copyOf(events)), rose, plan);
    }

    /** Complaint {@code id} shared with an integration client by {@code by}; null if the client sees it already. */
    Change<Complaint> shared(String id, Complaint c, String client, String by, Instant now) {
        if (c.visibleTo(client)) return null;
        requireRoom(id, "shares", c.sharedWith().size(), caps.shares());
        Complaint next = c.sharedWith(client)
                .withTimeline(new Complaint.TimelineEntry(
                        "shared-" + client,
                        now,
                        "firebreak.complaint.shared",
                        "intake",
                        "Shared with " + client + " by " + by));
        return new Change<>(next, List.of(new ComplaintShared(id, now, client, by)));
    }

    /**
     * The customer's answer to the proposal, as {@code by} reports it, on the timeline and forwarded to resolution
     * (which owns the case) by an event: intake checks only what it alone can, whether the caller may act on it.
     */
    Change<Complaint> answered(
            String id,
            Complaint c,
            String visibleTo,
            String entryId,
            boolean accepted,
            String comment,
            String by,
            Instant now) {
        if (!c.visibleTo(visibleTo)) throw ProblemException.notFound("Complaint", id);
        if (!c.isOpen()) {
            throw ProblemException.conflict("Complaint " + id + " is closed; there is no proposal to answer.")
                    .with("id", id);
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        Complaint next = c.withTimeline(new Complaint.TimelineEntry(
                entryId,
                now,
                "firebreak.proposal.answered",
                "intake",
                "The customer " + (accepted ? "accepted" : "rejected") + " the proposal (reported by " + by + ")"
                        + (text == null ? "" : ": " + clip(text))));
        List<FirebreakEvent> events = new ArrayList<>(List.of(new ProposalAnswered(id, now, accepted, text, by)));
        if (text != null) {
            // Their words about the proposal are read like any others: a rise is told, a calming down shown.
            Reading reading = emotions.read(text, c.contactsBefore(duplicates.sameContactWithin()), false);
            EmotionLevel before = c.emotion() == null ? EmotionLevel.CALM : c.emotion();
            next = next.withEmotionPoint(
                    new Complaint.EmotionPoint(now, reading.level(), "proposal-answer", reading.signals()));
            if (reading.level().compareTo(before) > 0) {
                CustomerStage stage = CustomerStages.higher(c.stage(), reading.stage());
                events.add(new EmotionRose(id, now, before, reading.level(), reading.signals(), stage));
                next = next.withTimeline(new Complaint.TimelineEntry(
                        entryId + "-rose",
                        now,
                        "firebreak.emotion.rose",
                        "intake",
                        "Emotion rose from " + before + " to " + reading.level() + " at the proposal, stage " + stage));
            }
        }
        return new Change<>(next, List.copyOf(events));
    }

    /** An attachment's metadata recorded on complaint {@code id} and announced. */
    Change<Complaint> attached(String id, Complaint c, String visibleTo, Complaint.Attachment attachment, Instant now) {
        if (!c.visibleTo(visibleTo)) throw ProblemException.notFound("Complaint", id);
        if (!c.isOpen()) {
            throw ProblemException.conflict("Complaint " + id + " is closed; it takes no more attachments.")
                    .with("id", id);
        }
        requireRoom(id, "attachments", c.attachments().size(), caps.attachments());
        Complaint next = c.withAttachment(attachment)
                .withTimeline(new Complaint.TimelineEntry(
                        attachment.id(),
                        now,
                        "firebreak.attachment.added",
                        "intake",
                        "Attachment " + attachment.name() + " (" + attachment.mediaType() + ", " + attachment.size()
                                + " bytes) at " + attachment.url()));
        return new Change<>(
                next,
                List.of(new AttachmentAdded(
                        id,
                        now,
                        attachment.id(),
                        attachment.name(),
                        attachment.mediaType(),
                        attachment.size(),
                        attachment.checksum(),
                        attachment.url(),
                        attachment.addedBy())));
    }

    /** 409 once the complaint holds {@code cap} of {@code what}: a bounded case file, whoever keeps sending. */
    private static void requireRoom(String id, String what, int held, int cap) {
        if (held >= cap) {
            throw ProblemException.conflict(
                            "Complaint " + id + " holds " + held + " " + what + ", the most it may" + " hold.")
                    .with("id", id)
                    .with("cap", cap);
        }
    }

    private static String describe(Reading reading) {
        return reading.level() + (reading.signals().isEmpty() ? "" : " (" + String.join(", ", reading.signals()) + ")")
                + ", stage " + reading.stage();
    }

    private static String clip(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= SUMMARY_TEXT ? one : one.substring(0, SUMMARY_TEXT - 1) + "…";
    }
}

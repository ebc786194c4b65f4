package io.firebreak.events;

import java.time.Instant;
import java.util.List;

/** Events published by the intake service on {@link Topics#INTAKE}. */
public final class IntakeEvents {

    private IntakeEvents() {}

    /**
     * A new complaint was accepted. Contact data is masked: the customer's phone, email and name live only
     * in intake. {@code happenedAt} is when the matter itself happened, if the customer said;
     * {@code earlierComplaintIds} are the customer's earlier complaints on the same matter (a repeat contact).
     * {@code submittedBy} is the client that submitted it (the token subject: an agent or a ticketing system) and
     * {@code externalRef} the ticket it came from, if any (both added later: absent on older events).
     */
    public record ComplaintReceived(
            String complaintId,
            Instant occurredAt,
            Channel channel,
            String customerId,
            String maskedContact,
            String description,
            String productRef,
            String orderRef,
            String remedySought,
            EmotionLevel emotion,
            List<String> emotionSignals,
            CustomerStage stage,
            Instant happenedAt,
            List<String> earlierComplaintIds,
            String submittedBy,
            ExternalRef externalRef,
            CustomerHandling handling)
            implements ComplaintEvent {

        /** As published before the customer's handling was carried. */
        public ComplaintReceived(
                String complaintId,
                Instant occurredAt,
                Channel channel,
                String customerId,
                String maskedContact,
                String description,
                String productRef,
                String orderRef,
                String remedySought,
                EmotionLevel emotion,
                List<String> emotionSignals,
                CustomerStage stage,
                Instant happenedAt,
                List<String> earlierComplaintIds,
                String submittedBy,
                ExternalRef externalRef) {
            this(
                    complaintId,
                    occurredAt,
                    channel,
                    customerId,
                    maskedContact,
                    description,
                    productRef,
                    orderRef,
                    remedySought,
                    emotion,
                    emotionSignals,
                    stage,
                    happenedAt,
                    earlierComplaintIds,
                    submittedBy,
                    externalRef,
                    null);
        }

        /** As published before the submitting client and the external reference were carried. */
        public ComplaintReceived(
                String complaintId,
                Instant occurredAt,
                Channel channel,
                String customerId,
                String maskedContact,
                String description,
                String productRef,
                String orderRef,
                String remedySought,
                EmotionLevel emotion,
                List<String> emotionSignals,
                CustomerStage stage,
                Instant happenedAt,
                List<String> earlierComplaintIds) {
            this(
                    complaintId,
                    occurredAt,
                    channel,
                    customerId,
                    maskedContact,
                    description,
                    productRef,
                    orderRef,
                    remedySought,
                    emotion,
                    emotionSignals,
                    stage,
                    happenedAt,
                    earlierComplaintIds,
                    null,
                    null,
                    null);
        }
    }

    /** A complaint's reference in a ticketing system: which system, and the ticket's id there. */
    public record ExternalRef(String system, String id) {}

    /**
     * How a customer who needs care is handled (难缠客户的处理), as a supervisor set it: why, whether their complaints
     * go to a senior handler, whether one person (the {@code pointOfContact}, who had their last complaint) keeps
     * them, and how many contacts a day were agreed with them. Absent for most customers.
     */
    public record CustomerHandling(
            String reason,
            boolean seniorOwner,
            boolean onePointOfContact,
            Integer contactsPerDay,
            String pointOfContact) {}

    /**
     * The complaint was shared with an integration client (a ticketing system), which may now read it, act on it
     * and receive its events by webhook, as the client that submitted it may.
     */
    public record ComplaintShared(String complaintId, Instant occurredAt, String client, String sharedBy)
            implements ComplaintEvent {}

    /**
     * A ticketing system reported the customer's answer to the case's proposal (the ticket is where the customer
     * answered). Intake checked the system may act on the complaint; resolution records the answer on the case if
     * its proposal still awaits one, and ignores it otherwise.
     */
    public record ProposalAnswered(
            String complaintId, Instant occurredAt, boolean accepted, String comment, String answeredBy)
            implements ComplaintEvent {}

    /**
     * The customer's personal data was erased on request (PIPL, GDPR): every service anonymises what it holds of this
     * complaint that came from the customer or names them (texts, contact data, comments, the evidence quoted from
     * them); the complaint's record (times, class, departments, outcome, scores) stays for reports and regulators.
     */
    public record PersonalDataErased(String complaintId, Instant occurredAt, String erasedBy)
            implements ComplaintEvent {

        /** What every service puts where the customer's erased words or data were. */
        public static final String MARKER = "[erased]";
    }

    /**
     * A ticketing system recorded an attachment's metadata on the complaint; the file itself stays in that system,
     * at {@code url}.
     */
    public record AttachmentAdded(
            String complaintId,
            Instant occurredAt,
            String attachmentId,
            String name,
            String mediaType,
            long size,
            String checksum,
            String url,
            String addedBy)
            implements ComplaintEvent {}

    /**
     * The customer said more about an open complaint (a later message, or a duplicate submission merged in), read
     * like the first: its emotion and the signals that set it, and the customer's stage after it (coming back about
     * the same matter is an escalation even when the words are calm).
     */
    public record MessageAdded(
            String complaintId,
            Instant occurredAt,
            Channel channel,
            String text,
            boolean mergedDuplicate,
            EmotionLevel emotion,
            List<String> emotionSignals,
            CustomerStage stage)
            implements ComplaintEvent {

        public MessageAdded(
                String complaintId,
                Instant occurredAt,
                Channel channel,
                String text,
                boolean mergedDuplicate,
                EmotionLevel emotion,
                List<String> emotionSignals) {
            this(complaintId, occurredAt, channel, text, mergedDuplicate, emotion, emotionSignals, null);
        }
    }

    /** A later message reads angrier than before; triage re-reads the complaint. */
    public record EmotionRose(
            String complaintId,
            Instant occurredAt,
            EmotionLevel previous,
            EmotionLevel current,
            List<String> signals,
            CustomerStage stage)
            implements ComplaintEvent {}

    /**
     * A message to the customer is ready to go out (关键节点主动通报): {@code notice} says which moment, {@code channel}
     * where the complaint came in (a channel adapter or a ticketing system delivers it there), {@code language} the
     * customer's ({@code zh} or {@code en}) and {@code text} the words, in it. {@code maskedContact} tells a reader
     * whom without the contact itself; the adapter looks the contact up through the API.
     */
    public record CustomerNotified(
            String complaintId,
            Instant occurredAt,
            CustomerNotice notice,
            Channel channel,
            String language,
            String text,
            String maskedContact)
            implements ComplaintEvent {}
}

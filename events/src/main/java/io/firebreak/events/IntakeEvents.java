package io.firebreak.events;

import java.time.Instant;

/** Events published by the intake service on {@link Topics#INTAKE}. */
public final class IntakeEvents {

    private IntakeEvents() {}

    /**
     * A new complaint was accepted. Contact data is masked: the customer's phone, email and name live only
     * in intake.
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
            EmotionLevel emotion)
            implements ComplaintEvent {}

    /** The customer said more about an open complaint (a later message, or a duplicate submission merged in). */
    public record MessageAdded(
            String complaintId, Instant occurredAt, Channel channel, String text, boolean mergedDuplicate)
            implements ComplaintEvent {}

    /** A later message reads angrier than before; triage re-reads the complaint. */
    public record EmotionRose(
            String complaintId,
            Instant occurredAt,
            EmotionLevel previous,
            EmotionLevel current,
            java.util.List<String> signals)
            implements ComplaintEvent {}
}

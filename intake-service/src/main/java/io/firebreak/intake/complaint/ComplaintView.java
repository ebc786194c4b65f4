package io.firebreak.intake.complaint;

import io.firebreak.events.Channel;
import io.firebreak.events.EmotionLevel;
import io.firebreak.platform.outbox.Versioned;
import java.time.Instant;
import java.util.List;

/** The case file as the API shows it. */
record ComplaintView(
        String id,
        ComplaintStatus status,
        Channel channel,
        CustomerView customer,
        String description,
        String productRef,
        String orderRef,
        String remedySought,
        EmotionLevel emotion,
        Complaint.Classification classification,
        Complaint.Owner owner,
        Complaint.Sla sla,
        Complaint.Outcome outcome,
        List<Complaint.TimelineEntry> timeline,
        Instant receivedAt,
        Instant updatedAt) {

    record CustomerView(String id, String contact) {}

    static ComplaintView of(Versioned<Complaint> stored) {
        Complaint c = stored.value();
        return new ComplaintView(stored.id(), c.status(), c.channel(), new CustomerView(c.customerId(), c.maskedContact()),
                c.description(), c.productRef(), c.orderRef(), c.remedySought(), c.emotion(), c.classification(),
                c.owner(), c.sla(), c.outcome(), c.timeline(), c.receivedAt(), c.updatedAt());
    }
}

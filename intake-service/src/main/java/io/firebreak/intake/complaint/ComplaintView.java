package io.firebreak.intake.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.intake.customer.Customer;
import io.firebreak.platform.outbox.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * The case file as the API shows it: what the customer said, how they feel (emotion, the signals that set it,
 * their stage), their earlier complaints, and the whole timeline. {@code merged} and {@code notice} appear on the
 * answer to a submission; {@code earlierComplaints} on a single case file, not in lists.
 */
record ComplaintView(
        String id,
        ComplaintStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean merged,
        @JsonInclude(JsonInclude.Include.NON_NULL) String notice,
        Channel channel,
        CustomerView customer,
        String description,
        String productRef,
        String orderRef,
        String remedySought,
        Instant happenedAt,
        EmotionLevel emotion,
        List<String> emotionSignals,
        CustomerStage stage,
        List<String> earlierComplaintIds,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<EarlierComplaint> earlierComplaints,
        List<Complaint.Message> messages,
        Complaint.Classification classification,
        Complaint.Owner owner,
        Complaint.Sla sla,
        Complaint.Outcome outcome,
        List<Complaint.TimelineEntry> timeline,
        Instant receivedAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String submittedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Complaint.ExternalRef externalRef,
        List<String> sharedWith,
        List<Complaint.Attachment> attachments) {

    /** Who complains, as far as the case file shows: their id and masked contact. */
    record CustomerView(String id, String contact) {}

    /** One of the customer's earlier complaints; {@code sameMatter} when this one is a repeat contact about it. */
    record EarlierComplaint(String id, Instant receivedAt, String subject, ComplaintClass complaintClass,
            String status, String outcome, Integer satisfactionScore, boolean sameMatter) {}

    static ComplaintView of(Versioned<Complaint> stored) {
        return of(stored, null, null, null);
    }

    static ComplaintView of(Versioned<Complaint> stored, List<Customer.PastComplaint> earlier, Boolean merged,
            String notice) {
        Complaint c = stored.value();
        List<EarlierComplaint> earlierViews = earlier == null ? null : earlier.stream()
                .map(p -> new EarlierComplaint(p.complaintId(), p.receivedAt(), p.subject(), p.complaintClass(),
                        p.status(), p.outcome(), p.satisfactionScore(),
                        c.earlierComplaintIds().contains(p.complaintId())))
                .toList();
        return new ComplaintView(stored.id(), c.status(), merged, notice, c.channel(),
                new CustomerView(c.customerId(), c.maskedContact()), c.description(), c.productRef(), c.orderRef(),
                c.remedySought(), c.happenedAt(), c.emotion(), c.emotionSignals(), c.stage(), c.earlierComplaintIds(),
                earlierViews, c.messages(), c.classification(), c.owner(), c.sla(), c.outcome(), c.timeline(),
                c.receivedAt(), c.updatedAt(), c.submittedBy(), c.externalRef(), c.sharedWith(), c.attachments());
    }
}

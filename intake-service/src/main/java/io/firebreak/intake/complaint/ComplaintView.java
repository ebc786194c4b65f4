package io.firebreak.intake.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.firebreak.events.CaseState;
import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.intake.customer.Customer;
import io.firebreak.intake.customer.CustomerDirectory;
import io.firebreak.intake.emotion.EmotionReader;
import io.firebreak.platform.outbox.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case file as the API shows it: what the customer said, how they feel (emotion, the signals that set it,
 * their stage), their earlier complaints, and the whole timeline. {@code merged} and {@code notice} appear on the
 * answer to a submission; {@code earlierComplaints} on a single case file, not in lists.
 */
record ComplaintView(
        String id,
        ComplaintStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) CaseState caseState,
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
        List<Complaint.Attachment> attachments,
        EmotionLevel emotionNow,
        List<Complaint.EmotionPoint> trajectory) {

    /**
     * Who complains, as far as the case file shows: their id and masked contact, and, to staff, how they are to be
     * handled when a supervisor set it.
     */
    record CustomerView(
            @JsonInclude(JsonInclude.Include.NON_NULL) String id,
            String contact,
            @JsonInclude(JsonInclude.Include.NON_NULL) Customer.Handling handling) {}

    /** This case file with how its customer is to be handled (staff's view; null: as anyone). */
    ComplaintView withHandling(Customer.Handling handling) {
        if (handling == null) return this;
        return new ComplaintView(
                id,
                status,
                caseState,
                merged,
                notice,
                channel,
                new CustomerView(customer.id(), customer.contact(), handling),
                description,
                productRef,
                orderRef,
                remedySought,
                happenedAt,
                emotion,
                emotionSignals,
                stage,
                earlierComplaintIds,
                earlierComplaints,
                messages,
                classification,
                owner,
                sla,
                outcome,
                timeline,
                receivedAt,
                updatedAt,
                submittedBy,
                externalRef,
                sharedWith,
                attachments,
                emotionNow,
                trajectory);
    }

    /** One of the customer's earlier complaints; {@code sameMatter} when this one is a repeat contact about it. */
    record EarlierComplaint(
            String id,
            Instant receivedAt,
            String subject,
            ComplaintClass complaintClass,
            String status,
            String outcome,
            Integer satisfactionScore,
            boolean sameMatter) {}

    static ComplaintView of(Versioned<Complaint> stored) {
        return of(stored, null, null, null);
    }

    /**
     * The case file as {@code client} (a ticketing system; null for staff, who see it all) may see it: what is its
     * own or meant for it. Another client's name, ticket and attachments, staff names and the customer's id (unless
     * the client named that customer itself) are left out; timeline lines that would name staff or other clients
     * say only what happened; of the earlier complaints, only those it may see ({@code earlier}, already
     * filtered; without it, none).
     */
    static ComplaintView of(
            Versioned<Complaint> stored,
            List<Customer.PastComplaint> earlier,
            Boolean merged,
            String notice,
            String client) {
        ComplaintView all = of(stored, earlier, merged, notice);
        return client == null ? all : all.seenBy(client);
    }

    /** Timeline lines a client reads as they are: the customer's words, the class and its reasons, clocks. */
    private static final Set<String> SAID_AS_IS = Set.of(
            "firebreak.message.added",
            "firebreak.emotion.rose",
            "firebreak.complaint.classified",
            "firebreak.sla.warned",
            "firebreak.sla.breached",
            "firebreak.proposal.rejected",
            "firebreak.complaint.reopened",
            "firebreak.complaint.closed");

    private ComplaintView seenBy(String client) {
        boolean own = client.equals(submittedBy);
        Set<String> ownAttachments = attachments.stream()
                .filter(a -> client.equals(a.addedBy()))
                .map(Complaint.Attachment::id)
                .collect(Collectors.toSet());
        Set<String> visibleEarlier = earlierComplaints == null
                ? Set.of()
                : earlierComplaints.stream().map(EarlierComplaint::id).collect(Collectors.toSet());
        List<Complaint.TimelineEntry> lines = timeline.stream()
                .filter(e -> !e.type().equals("firebreak.complaint.shared"))
                .filter(e -> !e.type().equals("firebreak.attachment.added") || ownAttachments.contains(e.eventId()))
                .map(e -> SAID_AS_IS.contains(e.type()) ? e : e.plainly())
                .toList();
        return new ComplaintView(
                id,
                status,
                caseState,
                merged,
                notice,
                channel,
                new CustomerView(
                        CustomerDirectory.isOwnId(client, customer.id()) ? customer.id() : null,
                        customer.contact(),
                        null),
                description,
                productRef,
                orderRef,
                remedySought,
                happenedAt,
                emotion,
                // A repeat contact about complaints the client cannot see tells it they exist: not shown.
                visibleEarlier.isEmpty()
                        ? emotionSignals.stream()
                                .filter(sig -> !EmotionReader.isRepeatContact(sig))
                                .toList()
                        : emotionSignals,
                stage,
                earlierComplaintIds.stream().filter(visibleEarlier::contains).toList(),
                earlierComplaints,
                visibleEarlier.isEmpty()
                        ? messages.stream()
                                .map(m -> new Complaint.Message(
                                        m.id(),
                                        m.at(),
                                        m.channel(),
                                        m.text(),
                                        m.mergedDuplicate(),
                                        m.emotion(),
                                        m.signals() == null
                                                ? List.of()
                                                : m.signals().stream()
                                                        .filter(sig -> !EmotionReader.isRepeatContact(sig))
                                                        .toList()))
                                .toList()
                        : messages,
                classification,
                owner == null
                        ? null
                        : new Complaint.Owner(owner.primaryDepartment(), owner.secondaryDepartments(), null),
                sla,
                outcome,
                lines,
                receivedAt,
                updatedAt,
                own ? submittedBy : null,
                own ? externalRef : null,
                sharedWith.contains(client) ? List.of(client) : List.of(),
                attachments.stream()
                        .filter(a -> ownAttachments.contains(a.id()))
                        .toList(),
                emotionNow,
                visibleEarlier.isEmpty()
                        ? trajectory.stream()
                                .map(p -> new Complaint.EmotionPoint(
                                        p.at(),
                                        p.level(),
                                        p.source(),
                                        p.signals().stream()
                                                .filter(sig -> !EmotionReader.isRepeatContact(sig))
                                                .toList()))
                                .toList()
                        : trajectory);
    }

    static ComplaintView of(
            Versioned<Complaint> stored, List<Customer.PastComplaint> earlier, Boolean merged, String notice) {
        Complaint c = stored.value();
        List<EarlierComplaint> earlierViews = earlier == null
                ? null
                : earlier.stream()
                        .map(p -> new EarlierComplaint(
                                p.complaintId(),
                                p.receivedAt(),
                                p.subject(),
                                p.complaintClass(),
                                p.status(),
                                p.outcome(),
                                p.satisfactionScore(),
                                c.earlierComplaintIds().contains(p.complaintId())))
                        .toList();
        return new ComplaintView(
                stored.id(),
                c.status(),
                c.caseState(),
                merged,
                notice,
                c.channel(),
                new CustomerView(c.customerId(), c.maskedContact(), null),
                c.description(),
                c.productRef(),
                c.orderRef(),
                c.remedySought(),
                c.happenedAt(),
                c.emotion(),
                c.emotionSignals(),
                c.stage(),
                c.earlierComplaintIds(),
                earlierViews,
                c.messages(),
                c.classification(),
                c.owner(),
                c.sla(),
                c.outcome(),
                c.timeline(),
                c.receivedAt(),
                c.updatedAt(),
                c.submittedBy(),
                c.externalRef(),
                c.sharedWith(),
                c.attachments(),
                c.emotionNow(),
                c.trajectory());
    }
}

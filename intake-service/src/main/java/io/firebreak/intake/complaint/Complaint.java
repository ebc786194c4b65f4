package io.firebreak.intake.complaint;

import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.TriageEvents.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The case file of one complaint: what the customer said, and everything every service did with it since,
 * so that whoever handles it sees the whole story (don't make me repeat myself). Contact data is not here:
 * it stays with the customer record.
 */
public record Complaint(
        String customerId,
        String maskedContact,
        Channel channel,
        String description,
        String productRef,
        String orderRef,
        String remedySought,
        EmotionLevel emotion,
        Instant receivedAt,
        ComplaintStatus status,
        Classification classification,
        Owner owner,
        Sla sla,
        Outcome outcome,
        List<TimelineEntry> timeline,
        Instant updatedAt) {

    /** The class triage gave, with every rule that fired. */
    public record Classification(ComplaintClass complaintClass, List<Reason> reasons, String ruleSetVersion) {}

    /** Who owns the complaint (primary) and who contributes (secondary). */
    public record Owner(String primaryDepartment, List<String> secondaryDepartments) {}

    /** When the customer must have a first response, and a resolution. */
    public record Sla(Instant firstResponseDue, Instant resolutionDue) {}

    /** How the last round ended: the resolution, and the customer's verdict on it. */
    public record Outcome(String resolutionSummary, String rootCause, Integer satisfactionScore, String closedAs) {}

    /** One moment in the complaint's life, from any service. */
    public record TimelineEntry(String eventId, Instant at, String type, String source, String summary) {}

    public Complaint withTimeline(TimelineEntry entry) {
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.add(entry);
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return new Complaint(customerId, maskedContact, channel, description, productRef, orderRef, remedySought,
                emotion, receivedAt, status, classification, owner, sla, outcome, List.copyOf(entries), entry.at());
    }

    public Complaint withStatus(ComplaintStatus target) {
        return new Complaint(customerId, maskedContact, channel, description, productRef, orderRef, remedySought,
                emotion, receivedAt, status.moveTo(target), classification, owner, sla, outcome, timeline, updatedAt);
    }

    public Complaint withClassification(Classification value) {
        return new Complaint(customerId, maskedContact, channel, description, productRef, orderRef, remedySought,
                emotion, receivedAt, status, value, owner, sla, outcome, timeline, updatedAt);
    }

    public Complaint withOwner(Owner value, Sla due) {
        return new Complaint(customerId, maskedContact, channel, description, productRef, orderRef, remedySought,
                emotion, receivedAt, status, classification, value, due, outcome, timeline, updatedAt);
    }

    public Complaint withOutcome(Outcome value) {
        return new Complaint(customerId, maskedContact, channel, description, productRef, orderRef, remedySought,
                emotion, receivedAt, status, classification, owner, sla, value, timeline, updatedAt);
    }
}

package io.firebreak.intake.customer;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A customer as intake knows them: the only place contact data is kept, and the history of their complaints
 * (newest first) as each was received, so a handler never has to ask again; where each stands now (class, status,
 * outcome, score) is its case file's, read when the history is shown ({@link CustomerDirectory#asTheyStand}).
 */
public record Customer(
        String name,
        String phone,
        String email,
        Instant firstSeen,
        List<PastComplaint> complaints,
        Instant erasedAt,
        Handling handling) {

    /** A customer whose personal data was never erased. */
    public Customer(String name, String phone, String email, Instant firstSeen, List<PastComplaint> complaints) {
        this(name, phone, email, firstSeen, complaints, null, null);
    }

    /**
     * How this customer is handled, when they need care (难缠客户: abuse, endless contacts, demands no one can meet):
     * why, whether their complaints go to a senior handler, whether one person keeps them, and the contacts a day
     * agreed with them; who set it and when. Every handler sees it on the customer and on each case file, and triage
     * acts on it when it chooses an owner.
     */
    public record Handling(
            String reason,
            boolean seniorOwner,
            boolean onePointOfContact,
            Integer contactsPerDay,
            String by,
            Instant at) {}

    /** With this handling (null: none). */
    Customer withHandling(Handling newHandling) {
        return new Customer(name, phone, email, firstSeen, complaints, erasedAt, newHandling);
    }

    /** What stands where erased personal data was. */
    public static final String ERASED = PersonalDataErased.MARKER;

    /** At most this many complaints are remembered per customer, the newest. */
    static final int MAX_HISTORY = 200;

    public Customer {
        complaints = complaints == null ? List.of() : List.copyOf(complaints);
    }

    /**
     * One of the customer's complaints: what it was received as, and (as shown) its class, status, outcome and
     * satisfaction score; as stored, those are as they were when it was received.
     */
    public record PastComplaint(
            String complaintId,
            Instant receivedAt,
            String subject,
            String orderRef,
            String productRef,
            ComplaintClass complaintClass,
            String status,
            String outcome,
            Integer satisfactionScore) {}

    Customer fillBlanks(String newName, String newPhone, String newEmail) {
        return new Customer(
                name != null ? name : newName,
                phone != null ? phone : newPhone,
                email != null ? email : newEmail,
                firstSeen,
                complaints,
                erasedAt,
                handling);
    }

    /**
     * Name, phone and e-mail gone, each complaint's subject erased, the reason for their handling too (it may tell of
     * them); the history's record and the handling's terms stay.
     */
    Customer erased(Instant at) {
        return new Customer(
                null,
                null,
                null,
                firstSeen,
                complaints.stream()
                        .map(p -> new PastComplaint(
                                p.complaintId(),
                                p.receivedAt(),
                                ERASED,
                                p.orderRef(),
                                p.productRef(),
                                p.complaintClass(),
                                p.status(),
                                p.outcome(),
                                p.satisfactionScore()))
                        .toList(),
                at,
                handling == null
                        ? null
                        : new Handling(
                                ERASED,
                                handling.seniorOwner(),
                                handling.onePointOfContact(),
                                handling.contactsPerDay(),
                                handling.by(),
                                handling.at()));
    }

    /** With this complaint's entry added or brought up to date; the same customer if nothing changed. */
    Customer remember(PastComplaint entry) {
        List<PastComplaint> next = new ArrayList<>(complaints);
        next.removeIf(c -> c.complaintId().equals(entry.complaintId()));
        next.add(entry);
        next.sort(Comparator.comparing(PastComplaint::receivedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(PastComplaint::complaintId, Comparator.reverseOrder()));
        if (next.size() > MAX_HISTORY) next = next.subList(0, MAX_HISTORY);
        return next.equals(complaints) ? this : new Customer(name, phone, email, firstSeen, next, erasedAt, handling);
    }
}

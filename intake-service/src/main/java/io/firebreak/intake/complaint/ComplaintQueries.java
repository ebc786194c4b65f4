package io.firebreak.intake.complaint;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.firebreak.events.ComplaintClass;
import io.firebreak.intake.customer.Customer;
import io.firebreak.intake.customer.CustomerDirectory;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.security.ClientVisibility;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.PageCursor;
import io.firebreak.platform.web.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Every read of the case files in one place, each served by an index (see {@link CaseFiles}): a case file by id, the
 * one received under an external key, a customer's recent complaints, their earlier complaints as a client may see
 * them, and the list.
 */
@Component
class ComplaintQueries {

    private static final int CANDIDATES = 200;
    private static final int EARLIER_SHOWN = 20;

    /**
     * Which complaints to list; null means any. {@code visibleTo} limits the list to what an integration client may
     * see; the external reference is the client's own when {@code visibleTo} is set, anyone's otherwise.
     */
    record Filter(
            ComplaintStatus status,
            ComplaintClass complaintClass,
            String department,
            String visibleTo,
            String externalSystem,
            String externalId) {

        Filter(ComplaintStatus status, ComplaintClass complaintClass, String department) {
            this(status, complaintClass, department, null, null, null);
        }
    }

    /** The list's order: newest first, by receipt (then id). */
    private static final AggregateStore.SortKey<Complaint> NEWEST =
            AggregateStore.SortKey.time("receivedAt", true, Complaint::receivedAt);

    private final AggregateStore<Complaint> complaints;
    private final CaseFiles caseFiles;
    private final CustomerDirectory customers;

    ComplaintQueries(CaseFiles caseFiles, CustomerDirectory customers) {
        this.complaints = caseFiles.store();
        this.caseFiles = caseFiles;
        this.customers = customers;
    }

    Versioned<Complaint> get(String id) {
        return complaints.find(id).orElseThrow(() -> ProblemException.notFound("Complaint", id));
    }

    /** The complaint, if {@code visibleTo} (an integration client; null for anyone) may see it; else 404. */
    Versioned<Complaint> get(String id, String visibleTo) {
        Versioned<Complaint> complaint = get(id);
        if (!complaint.value().visibleTo(visibleTo)) {
            throw ProblemException.notFound("Complaint", id);
        }
        return complaint;
    }

    /** The complaint received (or merged into) under this external key, if any. */
    Optional<Versioned<Complaint>> byExternalKey(String key) {
        // Two lookups the store serves by index (the unique externalKey, the merged keys by _id) rather than one
        // $or over both fields; the earlier received wins, as the single query sorted by receivedAt gave.
        Optional<Versioned<Complaint>> received =
                complaints.findAll(eq("externalKey", key), Sorts.ascending("receivedAt"), 1).stream()
                        .findFirst();
        Optional<Versioned<Complaint>> merged = caseFiles
                .mergedInto(key)
                .flatMap(complaints::find)
                .filter(c -> c.value().mergedExternalKeys().contains(key));
        if (received.isEmpty()) return merged;
        if (merged.isEmpty()) return received;
        return merged.get().value().receivedAt().isBefore(received.get().value().receivedAt()) ? merged : received;
    }

    /** The complaint a submission with this {@code Idempotency-Key} opened ({@link SubmissionKey#key()}). */
    Optional<Versioned<Complaint>> byIdempotencyKey(String key) {
        return complaints.findAll(eq("idempotencyKey", key), Sorts.ascending("receivedAt"), 1).stream()
                .findFirst();
    }

    /**
     * The complaints of a customer's {@code history} (their newest, as their record keeps them), newest first: read
     * by _id, which every store serves by index, not by a query on customerId over all complaints.
     */
    List<Versioned<Complaint>> recent(List<Customer.PastComplaint> history) {
        List<String> ids =
                history.stream().map(Customer.PastComplaint::complaintId).toList();
        if (ids.isEmpty()) return List.of();
        return complaints.findAll(Filters.in("_id", ids), Sorts.descending("receivedAt"), CANDIDATES);
    }

    /**
     * The customer's other complaints received before this one that {@code visibleTo} (an integration client; null
     * for anyone) may see, newest first.
     */
    List<Customer.PastComplaint> earlierOf(Versioned<Complaint> complaint, String visibleTo) {
        return earlierOf(complaint, visibleTo, null);
    }

    /** As {@link #earlierOf(Versioned, String)}, from the customer's {@code history} when the caller has it. */
    List<Customer.PastComplaint> earlierOf(
            Versioned<Complaint> complaint, String visibleTo, List<Customer.PastComplaint> history) {
        List<Customer.PastComplaint> all = history != null
                ? earlier(complaint, history)
                : customers
                        .find(complaint.value().customerId())
                        .map(customer -> earlier(complaint, customer.value().complaints()))
                        .orElse(List.of());
        // Where each stands now is its case file's; a client sees only those it may.
        return customers.asTheyStand(all, visibleTo);
    }

    private static List<Customer.PastComplaint> earlier(
            Versioned<Complaint> complaint, List<Customer.PastComplaint> history) {
        Instant received = complaint.value().receivedAt();
        return history.stream()
                .filter(p -> !p.complaintId().equals(complaint.id()))
                .filter(p -> p.receivedAt() != null && !p.receivedAt().isAfter(received))
                .limit(EARLIER_SHOWN)
                .toList();
    }

    /** Newest first (by receipt, then id), so that a page boundary stays put when new complaints arrive. */
    Page<Versioned<Complaint>> list(Filter filter, int limit, PageCursor after) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.status() != null) conditions.add(eq("status", filter.status().name()));
        if (filter.complaintClass() != null) {
            conditions.add(
                    eq("classification.complaintClass", filter.complaintClass().name()));
        }
        if (filter.department() != null) {
            String exactly = "^" + filter.department() + "$";
            conditions.add(or(
                    Filters.regex("owner.primaryDepartment", exactly, "i"),
                    Filters.regex("owner.secondaryDepartments", exactly, "i")));
        }
        if (filter.visibleTo() != null) {
            conditions.add(ClientVisibility.filter(filter.visibleTo()));
        }
        if (filter.externalSystem() != null && filter.externalId() != null) {
            if (filter.visibleTo() != null) {
                String key = Complaint.externalKey(filter.visibleTo(), filter.externalSystem(), filter.externalId());
                conditions.add(or(eq("externalKey", key), eq("mergedExternalKeys", key)));
            } else {
                conditions.add(and(
                        eq("externalRef.system", filter.externalSystem()), eq("externalRef.id", filter.externalId())));
            }
        }
        return complaints.page(conditions.isEmpty() ? null : and(conditions), NEWEST, after, limit);
    }
}

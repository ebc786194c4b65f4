package io.firebreak.intake.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.security.ClientVisibility;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding a customer (by phone, e-mail or name), their profile and their complaint history, so whoever takes their
 * next call knows it (don't make me repeat myself). An integration client sees only the complaints it may see
 * (submitted or shared), nothing of a customer's name or contact, and no customer with none of them.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final CustomerDirectory customers;
    private final Clock clock;

    CustomerController(CustomerDirectory customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    private static final int MAX_SEARCH = 50;
    private static final int RECENT = 5;

    /** A customer as a search or a profile shows them: who, and where their complaints stand. */
    record Profile(
            String customerId,
            String name,
            String contact,
            Instant firstSeen,
            int complaints,
            int open,
            Instant lastComplaintAt,
            List<Customer.PastComplaint> recent,
            @JsonInclude(JsonInclude.Include.NON_NULL) Customer.Handling handling) {}

    /** How a customer who needs care is to be handled: why, and the terms (see {@link Customer.Handling}). */
    record HandlingRequest(
            @NotBlank @Size(max = 500) String reason,
            boolean seniorOwner,
            boolean onePointOfContact,
            @Min(1) @Max(24) Integer contactsPerDay) {}

    /**
     * A supervisor sets how the customer is handled (难缠客户): every handler then sees it on the customer and on each
     * of their case files, and triage gives their next complaints a senior owner, or the one person who had their
     * last complaint, as set.
     */
    @PutMapping("/{id}/handling")
    Profile handle(@PathVariable String id, @RequestBody @Valid HandlingRequest request, Authentication caller) {
        Customer.Handling handling = new Customer.Handling(
                request.reason().strip(),
                request.seniorOwner(),
                request.onePointOfContact(),
                request.contactsPerDay(),
                caller.getName(),
                clock.instant());
        return profile(
                customers.handle(id, handling).orElseThrow(() -> ProblemException.notFound("Customer", id)), null);
    }

    /** The customer is handled like anyone again. */
    @DeleteMapping("/{id}/handling")
    Profile unhandle(@PathVariable String id) {
        return profile(customers.handle(id, null).orElseThrow(() -> ProblemException.notFound("Customer", id)), null);
    }

    /**
     * Customers by {@code phone} or {@code email} (exact, normalised as on submission) or {@code name} (from its
     * start); at least one, several all holding. Newest complaints first in each profile.
     */
    @GetMapping
    Page<Profile> search(
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String limit,
            Authentication caller) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (blank(phone) && blank(email) && blank(name)) {
            problems.add(Map.of("field", "phone", "reason", "give at least one of phone, email or name"));
        }
        if (!blank(phone) && !Contact.isPhone(phone))
            problems.add(Map.of("field", "phone", "reason", "is not a phone number"));
        if (!blank(email) && !Contact.isEmail(email))
            problems.add(Map.of("field", "email", "reason", "is not an email address"));
        if (!blank(name) && name.strip().length() > 100)
            problems.add(Map.of("field", "name", "reason", "must be at most 100 characters"));
        int size = 20;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_SEARCH)
                problems.add(Map.of("field", "limit", "reason", "must be a number between 1 and " + MAX_SEARCH));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(
                            HttpStatus.BAD_REQUEST,
                            "Invalid request",
                            problems.stream()
                                    .map(p -> p.get("field") + ": " + p.get("reason"))
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElseThrow())
                    .with("errors", problems);
        }
        String client = ClientVisibility.clientOf(caller);
        List<Profile> found = new ArrayList<>();
        for (Versioned<Customer> c :
                customers.search(blankToNull(phone), blankToNull(email), blankToNull(name), size)) {
            Profile profile = profile(c, client);
            if (profile != null) found.add(profile);
        }
        return Page.of(found);
    }

    /** The customer's profile: who they are and where their complaints stand; 404 unknown (or none visible). */
    @GetMapping("/{id}")
    Profile profile(@PathVariable String id, Authentication caller) {
        Versioned<Customer> customer = customers.find(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
        Profile profile = profile(customer, ClientVisibility.clientOf(caller));
        if (profile == null) throw ProblemException.notFound("Customer", id);
        return profile;
    }

    /** A customer's profile as {@code client} may see it (null: staff); null when a client may see none of it. */
    private Profile profile(Versioned<Customer> customer, String client) {
        Customer c = customer.value();
        List<Customer.PastComplaint> items = visible(c.complaints(), client);
        if (client != null && items.isEmpty()) return null;
        int open = (int) items.stream()
                .filter(p -> !"CLOSED".equals(p.status()) && !"RESOLVED".equals(p.status()))
                .count();
        Instant last = items.stream()
                .map(Customer.PastComplaint::receivedAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        return new Profile(
                customer.id(),
                client == null ? c.name() : null,
                client == null ? Contact.mask(c.phone(), c.email()) : null,
                c.firstSeen(),
                items.size(),
                open,
                last,
                items.stream().limit(RECENT).toList(),
                client == null ? c.handling() : null);
    }

    /** The complaints of a history {@code client} may see (all for staff), as they stand now. */
    private List<Customer.PastComplaint> visible(List<Customer.PastComplaint> items, String client) {
        return customers.asTheyStand(items, client);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    /** The history as the API shows it: the customer, their masked contact, their complaints newest first. */
    record History(String customerId, String contact, List<Customer.PastComplaint> items) {}

    @GetMapping("/{id}/complaints")
    History complaints(@PathVariable String id, Authentication caller) {
        Versioned<Customer> customer = customers.find(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
        Customer c = customer.value();
        String client = ClientVisibility.clientOf(caller);
        List<Customer.PastComplaint> items = visible(c.complaints(), client);
        if (client != null) {
            if (items.isEmpty()) throw ProblemException.notFound("Customer", id);
            // A client learns nothing of the customer beyond its own complaints: not their contact data.
            return new History(customer.id(), null, items);
        }
        return new History(customer.id(), Contact.mask(c.phone(), c.email()), items);
    }
}

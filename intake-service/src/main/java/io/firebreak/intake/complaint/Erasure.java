package io.firebreak.intake.complaint;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Sorts;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.intake.customer.Customer;
import io.firebreak.intake.customer.CustomerDirectory;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A customer's right to have their personal data erased (PIPL art. 47, GDPR art. 17): their record loses name,
 * phone and e-mail, each of their case files what came from them or names them, and every service hears of it
 * ({@code firebreak.personaldata.erased}, one per complaint) and anonymises its own copies. The complaints stay, as
 * records (times, class, departments, outcome, scores) for reports and regulators.
 */
@Service
class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    /** What was erased: the customer and each of their complaints. */
    record Erased(String customerId, Instant erasedAt, List<String> complaintIds) {}

    private final CustomerDirectory customers;
    private final AggregateStore<Complaint> complaints;
    private final Clock clock;

    Erasure(CustomerDirectory customers, CaseFiles caseFiles, Clock clock) {
        this.customers = customers;
        this.complaints = caseFiles.store();
        this.clock = clock;
    }

    /** Erases the customer's personal data and their complaints'; again, it erases what came since. 404 unknown. */
    Erased erase(String customerId, String by) {
        Instant now = clock.instant();
        Versioned<Customer> customer = customers
                .erase(customerId, now)
                .or(() -> customers.find(customerId))
                .orElseThrow(() -> ProblemException.notFound("Customer", customerId));
        // Every complaint of the customer, also those older than the history keeps (served by the customerId index).
        List<String> ids = new ArrayList<>();
        complaints
                .findAll(eq("customerId", customerId), Sorts.ascending("_id"), 0)
                .forEach(c -> ids.add(c.id()));
        for (String id : ids) {
            Optional<Versioned<Complaint>> done = complaints.update(
                    id,
                    current -> current.value().erased()
                            ? null
                            : new Change<>(current.value().erasing(), List.of(new PersonalDataErased(id, now, by))));
            if (done.isEmpty()) log.warn("Complaint {} of customer {} vanished while being erased", id, customerId);
        }
        log.info("Personal data of customer {} erased on request by {}: {} complaints", customerId, by, ids.size());
        return new Erased(customer.id(), customer.value().erasedAt(), ids);
    }
}

package io.firebreak.intake.customer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.firebreak.platform.security.ClientVisibility;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.springframework.security.core.Authentication;

import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.web.ProblemException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's complaint history, so whoever takes their next call knows it (don't make me repeat myself). An
 * integration client sees only the complaints it may see (submitted or shared), and 404 for a customer with none.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final CustomerDirectory customers;
    private final MongoCollection<Document> complaints;

    CustomerController(CustomerDirectory customers, MongoDatabase database) {
        this.customers = customers;
        // Read here only for who may see which complaint (fields submittedBy and sharedWith of the case files).
        this.complaints = database.getCollection("complaints");
    }

    /** The history as the API shows it: the customer, their masked contact, their complaints newest first. */
    record History(String customerId, String contact, List<Customer.PastComplaint> items) {}

    @GetMapping("/{id}/complaints")
    History complaints(@PathVariable String id, Authentication caller) {
        Versioned<Customer> customer = customers.find(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
        Customer c = customer.value();
        List<Customer.PastComplaint> items = c.complaints();
        String client = ClientVisibility.clientOf(caller);
        if (client != null) {
            Set<String> visible = new HashSet<>();
            complaints.find(Filters.and(Filters.in("_id", items.stream().map(Customer.PastComplaint::complaintId)
                                    .toList()), ClientVisibility.filter(client)))
                    .projection(Projections.include("_id")).forEach(d -> visible.add(d.getString("_id")));
            items = items.stream().filter(p -> visible.contains(p.complaintId())).toList();
            if (items.isEmpty()) throw ProblemException.notFound("Customer", id);
            // A client learns nothing of the customer beyond its own complaints: not their contact data.
            return new History(customer.id(), null, items);
        }
        return new History(customer.id(), Contact.mask(c.phone(), c.email()), items);
    }
}

package io.firebreak.intake.customer;

import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.web.ProblemException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's complaint history, so whoever takes their next call knows it (don't make me repeat myself). */
@RestController
@RequestMapping("/api/v1/customers")
@PreAuthorize("hasAnyRole('AGENT', 'INTEGRATION')")
class CustomerController {

    private final CustomerDirectory customers;

    CustomerController(CustomerDirectory customers) {
        this.customers = customers;
    }

    /** The history as the API shows it: the customer, their masked contact, their complaints newest first. */
    record History(String customerId, String contact, List<Customer.PastComplaint> items) {}

    @GetMapping("/{id}/complaints")
    History complaints(@PathVariable String id) {
        Versioned<Customer> customer = customers.find(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
        Customer c = customer.value();
        return new History(customer.id(), Contact.mask(c.phone(), c.email()), c.complaints());
    }
}

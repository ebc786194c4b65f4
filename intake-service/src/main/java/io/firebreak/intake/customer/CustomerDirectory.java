package io.firebreak.intake.customer;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Indexes;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import io.firebreak.platform.outbox.Change;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Identifies the customer behind a complaint: by their id, else by phone, else by email; a new customer
 * otherwise. Phone and email are compared normalised.
 */
@Component
public class CustomerDirectory {

    private final AggregateStore<Customer> customers;
    private final Clock clock;

    CustomerDirectory(AggregateStores stores, Clock clock) {
        this.customers = stores.create("customers", Customer.class);
        this.customers.collection().createIndex(Indexes.ascending("phone"));
        this.customers.collection().createIndex(Indexes.ascending("email"));
        this.clock = clock;
    }

    /** Who the customer is: their id and masked contact. */
    public record Identified(String customerId, String maskedContact) {}

    public Identified identify(String customerId, String name, String rawPhone, String rawEmail) {
        String phone = Contact.normalisePhone(rawPhone);
        String email = Contact.normaliseEmail(rawEmail);
        String id = Optional.ofNullable(customerId)
                .or(() -> findBy("phone", phone))
                .or(() -> findBy("email", email))
                .orElseGet(() -> newId(phone != null ? phone : email));
        Customer fresh = new Customer(name, phone, email, clock.instant());
        if (!customers.insert(id, fresh, List.of(), null)) {
            customers.update(id, current -> {
                Customer filled = current.value().fillBlanks(name, phone, email);
                return filled.equals(current.value()) ? null : Change.of(filled);
            });
        }
        Customer stored = customers.find(id).orElseThrow().value();
        return new Identified(id, Contact.mask(stored.phone(), stored.email()));
    }

    private Optional<String> findBy(String field, String value) {
        if (value == null) return Optional.empty();
        return Optional.ofNullable(customers.collection().find(eq(field, value)).first()).map(d -> d.getString("_id"));
    }

    /** The same contact always gives the same id, so two simultaneous first complaints make one customer. */
    private static String newId(String contact) {
        if (contact == null) return "CUS-" + java.util.UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(contact.getBytes(StandardCharsets.UTF_8));
            return "CUS-" + HexFormat.of().formatHex(hash, 0, 6).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

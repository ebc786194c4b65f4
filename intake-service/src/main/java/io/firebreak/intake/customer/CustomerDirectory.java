package io.firebreak.intake.customer;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Indexes;
import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Identifies the customer behind a complaint: by their id, else by phone, else by email; a new customer
 * otherwise. Phone and email are compared normalised. Also keeps each customer's complaint history.
 */
@Component
public class CustomerDirectory {

    private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);

    private final AggregateStore<Customer> customers;
    private final Clock clock;
    private final byte[] idKey;

    CustomerDirectory(AggregateStores stores, Clock clock, PlatformProperties platform) {
        this.customers = stores.create("customers", Customer.class);
        this.customers.collection().createIndex(Indexes.ascending("phone"));
        this.customers.collection().createIndex(Indexes.ascending("email"));
        this.clock = clock;
        String secret = platform.security().jwtSecret();
        this.idKey = ("firebreak-customer-id:" + (secret == null ? "" : secret)).getBytes(StandardCharsets.UTF_8);
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
        Customer fresh = new Customer(name, phone, email, clock.instant(), List.of());
        if (!customers.insert(id, fresh, List.of(), null)) {
            customers.update(id, current -> {
                Customer filled = current.value().fillBlanks(name, phone, email);
                return filled.equals(current.value()) ? null : Change.of(filled);
            });
        }
        Customer stored = customers.find(id).orElseThrow().value();
        return new Identified(id, Contact.mask(stored.phone(), stored.email()));
    }

    /** The customer with this id, if there is one. */
    public Optional<Versioned<Customer>> find(String customerId) {
        return customers.find(customerId);
    }

    /** Adds the complaint to the customer's history, or brings its entry up to date. */
    public void remember(String customerId, Customer.PastComplaint entry) {
        boolean known = customers.update(customerId, current -> {
            Customer next = current.value().remember(entry);
            return next == current.value() ? null : Change.of(next);
        }).isPresent();
        if (!known) log.warn("No customer {} for complaint {}: its history misses it", customerId, entry.complaintId());
    }

    private Optional<String> findBy(String field, String value) {
        if (value == null) return Optional.empty();
        return Optional.ofNullable(customers.collection().find(eq(field, value)).first()).map(d -> d.getString("_id"));
    }

    /**
     * The same contact always gives the same id, so two simultaneous first complaints make one customer. The id is
     * keyed with the service's secret: phone numbers are few enough that a plain hash of one could be reversed, and
     * the id travels on every event.
     */
    private String newId(String contact) {
        if (contact == null) return "CUS-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(idKey, "HmacSHA256"));
            byte[] hash = mac.doFinal(contact.getBytes(StandardCharsets.UTF_8));
            return "CUS-" + HexFormat.of().formatHex(hash, 0, 6).toUpperCase();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.firebreak.intake.customer;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.security.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Identifies the customer behind a complaint: by their id, else by phone, else by email; a new customer
 * otherwise. Phone and email are compared normalised. Also keeps each customer's complaint history.
 *
 * <p>Who has a phone or email is looked up in {@code contacts}, one document per normalised contact keyed by it
 * ({@code phone:...}, {@code email:...}), naming the first customer who gave it: a lookup by {@code _id}, which every
 * store serves by index, where a query on the customers' fields would read all customers in the embedded store.
 */
@Component
public class CustomerDirectory {

    private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);

    private static final String PHONE = "phone:";
    private static final String EMAIL = "email:";
    private static final String CUSTOMER = "customerId";

    private final AggregateStore<Customer> customers;
    private final MongoCollection<Document> contacts;
    private final Clock clock;
    private final byte[] idKey;

    CustomerDirectory(AggregateStores stores, MongoDatabase database, Clock clock, IntakeProperties properties) {
        this.customers = stores.create("customers", Customer.class);
        this.customers.collection().createIndex(Indexes.ascending("phone"));
        this.customers.collection().createIndex(Indexes.ascending("email"));
        this.contacts = database.getCollection("contacts");
        // A database from before contacts were kept: register every customer's once.
        if (contacts.estimatedDocumentCount() == 0) registerKnownContacts();
        this.clock = clock;
        // A key of its own: whoever holds the token secret must not be able to test phone numbers against ids.
        this.idKey = Secrets.required(properties.customerIdKey(), "firebreak.intake.customer-id-key",
                "FIREBREAK_INTAKE_CUSTOMER_ID_KEY", 32, "keys the customer ids derived from phone numbers")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Who the customer is: their id, and the masked contact this submission gave (else the record's). */
    public record Identified(String customerId, String maskedContact) {}

    /**
     * Identifies the customer of a submission by staff ({@code client} null) or by a ticketing system (its client
     * name). A client's own customer ids are its own: {@code CRM-1} of client {@code zendesk} is the customer
     * {@code zendesk:CRM-1}, never another client's or one staff named. A client writes contact data only into its
     * own customers or a customer new with this submission, and the contacts it gives with its own ids do not name
     * those customers for anyone else: no client can bind someone else's phone or e-mail to a record it chose.
     */
    public Identified identify(String customerId, String name, String rawPhone, String rawEmail, String client) {
        String phone = Contact.normalisePhone(rawPhone);
        String email = Contact.normaliseEmail(rawEmail);
        String chosen = customerId == null ? null : client == null ? customerId : ownId(client, customerId);
        Optional<String> byPhone = owner(PHONE, phone);
        Optional<String> byEmail = owner(EMAIL, email);
        Optional<String> known = Optional.ofNullable(chosen).or(() -> byPhone).or(() -> byEmail);
        String id = known.orElseGet(() -> newId(phone != null ? phone : email));
        boolean mayWrite = client == null || chosen != null;
        Function<Versioned<Customer>, Change<Customer>> fill = current -> {
            if (!mayWrite || current.value().erasedAt() != null) return null;
            Customer filled = current.value().fillBlanks(name, phone, email);
            return filled.equals(current.value()) ? null : Change.of(filled);
        };
        // A customer named by id or contact is nearly always on file: fill in their blanks; else a new record (or,
        // if one was made at the same moment, that one's blanks).
        Optional<Versioned<Customer>> record = known.isPresent() ? customers.update(id, fill) : Optional.empty();
        if (record.isEmpty()) {
            record = customers.create(id, new Customer(name, phone, email, clock.instant(), List.of()), List.of(),
                    null);
        }
        Customer stored = record.or(() -> customers.update(id, fill)).orElseThrow().value();
        String customer = id;
        if (stored.erasedAt() != null) {
            // Erased on request: nothing new is tied to that record; the person starts afresh under a new id.
            customer = newId(null);
            stored = customers.create(customer, new Customer(name, phone, email, clock.instant(), List.of()),
                    List.of(), null).orElseThrow().value();
        }
        // The customer's contacts as now stored, unless they were found naming someone already, or a client gave
        // them with an id of its own.
        if (client == null || chosen == null) {
            if (stored.phone() != null && !(stored.phone().equals(phone) && byPhone.isPresent())) {
                register(PHONE, stored.phone(), customer);
            }
            if (stored.email() != null && !(stored.email().equals(email) && byEmail.isPresent())) {
                register(EMAIL, stored.email(), customer);
            }
        }
        String given = Contact.mask(phone, email);
        return new Identified(customer, given != null ? given : Contact.mask(stored.phone(), stored.email()));
    }

    /** A client's own customer id: its name, a colon, its id ({@code zendesk:CRM-1}). */
    public static String ownId(String client, String customerId) {
        return client + ':' + customerId;
    }

    /** Whether the customer id is one of the client's own ({@link #ownId}). */
    public static boolean isOwnId(String client, String customerId) {
        return customerId != null && customerId.startsWith(client + ':')
                && customerId.indexOf(':', client.length() + 1) < 0;
    }

    /**
     * Erases the customer's personal data (PIPL, GDPR): name, phone and e-mail gone, their contacts no longer name
     * them, each complaint's subject in their history erased. Empty if there is no such customer; erasing again
     * changes nothing.
     */
    public Optional<Versioned<Customer>> erase(String customerId, Instant at) {
        Optional<Versioned<Customer>> erased = customers.update(customerId, current ->
                current.value().erasedAt() != null ? null : Change.of(current.value().erased(at)));
        if (erased.isPresent()) contacts.deleteMany(eq(CUSTOMER, customerId));
        return erased;
    }

    /** The customer with this id, if there is one. */
    public Optional<Versioned<Customer>> find(String customerId) {
        return customers.find(customerId);
    }

    /** Adds the complaint to the customer's history, or brings its entry up to date. */
    public void remember(String customerId, Customer.PastComplaint entry) {
        boolean known = customers.update(customerId, current -> remembering(current, entry)).isPresent();
        if (!known) log.warn("No customer {} for complaint {}: its history misses it", customerId, entry.complaintId());
    }

    /**
     * As {@link #remember(String, Customer.PastComplaint)} for several lines (customer id, line), with one read and
     * one write of the customers they name.
     */
    public void rememberAll(List<Map.Entry<String, Customer.PastComplaint>> lines) {
        if (lines.isEmpty()) return;
        Map<String, Versioned<Customer>> known = customers.updateAll(lines.stream()
                .map(line -> new AggregateStore.Update<Customer>(line.getKey(), null,
                        current -> remembering(current, line.getValue())))
                .toList());
        lines.stream().filter(line -> !known.containsKey(line.getKey())).forEach(line -> log.warn(
                "No customer {} for complaint {}: its history misses it", line.getKey(), line.getValue().complaintId()));
    }

    /**
     * As {@link #remember(String, Customer.PastComplaint)}, starting from the record as the caller read it (read
     * again only if it changed since); returns the record as it now stands.
     */
    public Versioned<Customer> remember(Versioned<Customer> customer, Customer.PastComplaint entry) {
        return customers.update(customer, current -> remembering(current, entry)).orElseThrow();
    }

    private static Change<Customer> remembering(Versioned<Customer> current, Customer.PastComplaint entry) {
        Customer next = current.value().remember(entry);
        return next == current.value() ? null : Change.of(next);
    }

    /** The customer named by this contact, if any. */
    private Optional<String> owner(String kind, String value) {
        if (value == null) return Optional.empty();
        return Optional.ofNullable(contacts.find(eq("_id", kind + value)).first()).map(d -> d.getString(CUSTOMER));
    }

    /** Names the customer for this contact unless someone is named already (the first to give it keeps it). */
    private void register(String kind, String value, String customerId) {
        try {
            contacts.insertOne(new Document("_id", kind + value).append(CUSTOMER, customerId));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
        }
    }

    /** Registers the contacts of every customer stored, the earliest seen first. */
    private void registerKnownContacts() {
        customers.collection().find().projection(Projections.include("phone", "email", "firstSeen"))
                .sort(Sorts.ascending("firstSeen", "_id")).forEach(d -> {
                    if (d.getString("phone") != null) register(PHONE, d.getString("phone"), d.getString("_id"));
                    if (d.getString("email") != null) register(EMAIL, d.getString("email"), d.getString("_id"));
                });
    }

    /**
     * The same contact always gives the same id, so two simultaneous first complaints make one customer. The id is
     * keyed with a secret of its own (not the token secret): phone numbers are few enough that a plain hash of one
     * could be reversed, and the id travels on every event.
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

package io.firebreak.intake.customer;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.firebreak.events.ComplaintClass;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.security.ClientVisibility;
import io.firebreak.platform.security.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.conversions.Bson;
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

    private static final String PHONE = "phone:";
    private static final String EMAIL = "email:";
    private static final String CUSTOMER = "customerId";

    private final AggregateStore<Customer> customers;
    private final MongoCollection<Document> contacts;
    // The case files, read for where a customer's complaints stand (asTheyStand); intake's own collection.
    private final MongoCollection<Document> caseFiles;
    private final Clock clock;
    private final byte[] idKey;

    CustomerDirectory(AggregateStores stores, MongoDatabase database, Clock clock, IntakeProperties properties) {
        this.customers = stores.create("customers", Customer.class);
        this.customers.collection().createIndex(Indexes.ascending("phone"));
        this.customers.collection().createIndex(Indexes.ascending("email"));
        this.customers.collection().createIndex(Indexes.ascending("name"));
        this.contacts = database.getCollection("contacts");
        this.caseFiles = database.getCollection("complaints");
        // A customer's contacts, found by the customer when their personal data is erased.
        contacts.createIndex(Indexes.ascending(CUSTOMER));
        // A database from before contacts were kept: register every customer's once.
        if (contacts.estimatedDocumentCount() == 0) registerKnownContacts();
        this.clock = clock;
        // A key of its own: whoever holds the token secret must not be able to test phone numbers against ids.
        this.idKey = Secrets.required(
                        properties.customerIdKey(),
                        "firebreak.intake.customer-id-key",
                        "FIREBREAK_INTAKE_CUSTOMER_ID_KEY",
                        32,
                        "keys the customer ids derived from phone numbers")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whom a submission names, as the contacts tell before anything is written: the customer's id (the caller's own,
     * else the one their phone or e-mail names, else a new one), what the submission gives of them normalised, and
     * what it may write. See {@link #identify}.
     */
    public record Lookup(
            String customerId,
            String name,
            String phone,
            String email,
            boolean mayWrite,
            boolean registers,
            boolean phoneNamesSomeone,
            boolean emailNamesSomeone) {}

    /**
     * The customer of a submission as on file (read under the caller's lock): {@code record} null for one not on
     * file yet. An erased record is not reused: the person starts afresh under a new id.
     */
    public record OnFile(Lookup given, String customerId, Versioned<Customer> record) {

        /** Their complaints, newest first, as the record holds them. */
        public List<Customer.PastComplaint> history() {
            return record == null ? List.of() : record.value().complaints();
        }

        /** The contact the submission gave, masked, else the record's. */
        public String maskedContact() {
            String masked = Contact.mask(given.phone(), given.email());
            return masked != null || record == null
                    ? masked
                    : Contact.mask(record.value().phone(), record.value().email());
        }
    }

    /**
     * Tells whom a submission by staff ({@code client} null) or by a ticketing system (its client name) names, with
     * one read and no write ({@link #onFile} and {@link #settle} follow). A client's own customer ids are its own:
     * {@code CRM-1} of client {@code zendesk} is the customer {@code zendesk:CRM-1}, never another client's or one
     * staff named. A client writes contact data only into its own customers or a customer new with this
     * submission, and the contacts it gives with its own ids do not name those customers for anyone else: no client
     * can bind someone else's phone or e-mail to a record it chose.
     */
    public Lookup identify(String customerId, String name, String rawPhone, String rawEmail, String client) {
        String phone = Contact.normalisePhone(rawPhone);
        String email = Contact.normaliseEmail(rawEmail);
        String chosen = customerId == null ? null : client == null ? customerId : ownId(client, customerId);
        Map<String, String> named = owners(phone == null ? null : PHONE + phone, email == null ? null : EMAIL + email);
        Optional<String> byPhone = Optional.ofNullable(phone == null ? null : named.get(PHONE + phone));
        Optional<String> byEmail = Optional.ofNullable(email == null ? null : named.get(EMAIL + email));
        String id = Optional.ofNullable(chosen)
                .or(() -> byPhone)
                .or(() -> byEmail)
                .orElseGet(() -> newId(phone != null ? phone : email));
        return new Lookup(
                id,
                name,
                phone,
                email,
                client == null || chosen != null,
                client == null || chosen == null,
                byPhone.isPresent(),
                byEmail.isPresent());
    }

    /** The customer {@code given} names as now on file: one read. */
    public OnFile onFile(Lookup given) {
        Optional<Versioned<Customer>> found = customers.find(given.customerId());
        if (found.isPresent() && found.get().value().erasedAt() != null) {
            // Erased on request: nothing new is tied to that record.
            return new OnFile(given, newId(null), null);
        }
        return new OnFile(given, given.customerId(), found.orElse(null));
    }

    /**
     * Writes what a submission tells of its customer with one write: a new record, or the blanks of the one on file
     * filled (where the caller may write them); with {@code entry}, the complaint added to their history. Then the
     * contacts the record now holds that name nobody yet are registered to them. Returns the record as stored.
     */
    public Versioned<Customer> settle(OnFile customer, Customer.PastComplaint entry) {
        Lookup given = customer.given();
        Function<Versioned<Customer>, Change<Customer>> apply = current -> {
            Customer next = current.value();
            if (given.mayWrite() && next.erasedAt() == null) {
                next = next.fillBlanks(given.name(), given.phone(), given.email());
            }
            if (entry != null) next = next.remember(entry);
            return next.equals(current.value()) ? null : Change.of(next);
        };
        Versioned<Customer> stored;
        if (customer.record() != null) {
            stored = customers.update(customer.record(), apply).orElseThrow();
        } else {
            Customer fresh = new Customer(
                    given.name(),
                    given.phone(),
                    given.email(),
                    clock.instant(),
                    entry == null ? List.of() : List.of(entry));
            // Made at the same moment by another instance: fill that one's blanks instead.
            stored = customers
                    .create(customer.customerId(), fresh, List.of(), null)
                    .or(() -> customers.update(customer.customerId(), apply))
                    .orElseThrow();
        }
        if (given.registers()) {
            List<String> contacts = new ArrayList<>(2);
            Customer c = stored.value();
            if (c.phone() != null && c.phone().equals(given.phone()) && !given.phoneNamesSomeone()) {
                contacts.add(PHONE + c.phone());
            }
            if (c.email() != null && c.email().equals(given.email()) && !given.emailNamesSomeone()) {
                contacts.add(EMAIL + c.email());
            }
            register(contacts, stored.id());
        }
        return stored;
    }

    /** A client's own customer id: its name, a colon, its id ({@code zendesk:CRM-1}). */
    public static String ownId(String client, String customerId) {
        return client + ':' + customerId;
    }

    /** Whether the customer id is one of the client's own ({@link #ownId}). */
    public static boolean isOwnId(String client, String customerId) {
        return customerId != null
                && customerId.startsWith(client + ':')
                && customerId.indexOf(':', client.length() + 1) < 0;
    }

    /**
     * Erases the customer's personal data (PIPL, GDPR): name, phone and e-mail gone, their contacts no longer name
     * them, each complaint's subject in their history erased. Empty if there is no such customer; erasing again
     * changes nothing.
     */
    public Optional<Versioned<Customer>> erase(String customerId, Instant at) {
        Optional<Versioned<Customer>> erased = customers.update(
                customerId,
                current -> current.value().erasedAt() != null
                        ? null
                        : Change.of(current.value().erased(at)));
        if (erased.isPresent()) contacts.deleteMany(eq(CUSTOMER, customerId));
        return erased;
    }

    /** Sets (or, null, clears) how the customer is handled; empty if there is no such customer. */
    public Optional<Versioned<Customer>> handle(String customerId, Customer.Handling handling) {
        return customers.update(
                customerId,
                current -> java.util.Objects.equals(current.value().handling(), handling)
                        ? null
                        : Change.of(current.value().withHandling(handling)));
    }

    /**
     * Customers by a phone or e-mail (normalised as on submission, exact) or a name (from its start), each search
     * served by an index; several given must all hold. Erased customers are not found. At most {@code limit}, by
     * name for a name search.
     */
    public List<Versioned<Customer>> search(String rawPhone, String rawEmail, String name, int limit) {
        List<Bson> filters = new ArrayList<>();
        String phone = Contact.normalisePhone(rawPhone);
        String email = Contact.normaliseEmail(rawEmail);
        if (phone != null) filters.add(eq("phone", phone));
        if (email != null) filters.add(eq("email", email));
        if (name != null) {
            filters.add(Filters.gte("name", name));
            filters.add(Filters.lt("name", name + Character.MAX_VALUE));
        }
        filters.add(Filters.eq("erasedAt", null));
        Bson sort = phone == null && email == null ? Sorts.ascending("name") : Sorts.ascending("_id");
        return customers.findAll(Filters.and(filters), sort, limit);
    }

    /** The customer with this id, if there is one. */
    public Optional<Versioned<Customer>> find(String customerId) {
        return customers.find(customerId);
    }

    /**
     * The lines of a customer's history as their complaints stand now: each line's class, status, outcome and score
     * from its case file, in one read of the case files (the history keeps what was received; the case files, where
     * each complaint stands, so no event rewrites the customer). With {@code visibleTo} (an integration client), only
     * the complaints it may see; a line whose case file is not found stays as it was (staff).
     */
    public List<Customer.PastComplaint> asTheyStand(List<Customer.PastComplaint> lines, String visibleTo) {
        if (lines.isEmpty()) return lines;
        Bson ids = in(
                "_id", lines.stream().map(Customer.PastComplaint::complaintId).toList());
        Map<String, Document> standing = new HashMap<>();
        caseFiles
                .find(visibleTo == null ? ids : Filters.and(ids, ClientVisibility.filter(visibleTo)))
                .projection(Projections.include(
                        "status", "classification.complaintClass", "outcome.closedAs", "outcome.satisfactionScore"))
                .forEach(d -> standing.put(d.getString("_id"), d));
        List<Customer.PastComplaint> now = new ArrayList<>(lines.size());
        for (Customer.PastComplaint line : lines) {
            Document d = standing.get(line.complaintId());
            if (d == null) {
                if (visibleTo == null) now.add(line);
                continue;
            }
            Document classification = d.get("classification", Document.class);
            Document outcome = d.get("outcome", Document.class);
            String complaintClass = classification == null ? null : classification.getString("complaintClass");
            now.add(new Customer.PastComplaint(
                    line.complaintId(),
                    line.receivedAt(),
                    line.subject(),
                    line.orderRef(),
                    line.productRef(),
                    complaintClass == null ? null : ComplaintClass.valueOf(complaintClass),
                    d.getString("status"),
                    outcome == null ? null : outcome.getString("closedAs"),
                    outcome == null ? null : outcome.getInteger("satisfactionScore")));
        }
        return now;
    }

    /** The customers the contacts name (contact key to customer id): one read, whichever of them are given. */
    private Map<String, String> owners(String phoneKey, String emailKey) {
        List<String> keys = new ArrayList<>(2);
        if (phoneKey != null) keys.add(phoneKey);
        if (emailKey != null) keys.add(emailKey);
        Map<String, String> named = new HashMap<>();
        if (keys.isEmpty()) return named;
        contacts.find(keys.size() == 1 ? eq("_id", keys.get(0)) : in("_id", keys))
                .forEach(d -> named.put(d.getString("_id"), d.getString(CUSTOMER)));
        return named;
    }

    /**
     * Names the customer for these contacts (kind and value) unless someone is named already (the first to give one
     * keeps it): one write.
     */
    private void register(List<String> contactKeys, String customerId) {
        if (contactKeys.isEmpty()) return;
        try {
            contacts.insertMany(
                    contactKeys.stream()
                            .map(key -> new Document("_id", key).append(CUSTOMER, customerId))
                            .toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyTaken = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyTaken) throw e;
        }
    }

    /** Registers the contacts of every customer stored, the earliest seen first. */
    private void registerKnownContacts() {
        customers
                .collection()
                .find()
                .projection(Projections.include("phone", "email", "firstSeen"))
                .sort(Sorts.ascending("firstSeen", "_id"))
                .forEach(d -> {
                    List<String> keys = new ArrayList<>(2);
                    if (d.getString("phone") != null) keys.add(PHONE + d.getString("phone"));
                    if (d.getString("email") != null) keys.add(EMAIL + d.getString("email"));
                    register(keys, d.getString("_id"));
                });
    }

    /**
     * The same contact always gives the same id, so two simultaneous first complaints make one customer. The id is
     * keyed with a secret of its own (not the token secret): phone numbers are few enough that a plain hash of one
     * could be reversed, and the id travels on every event.
     */
    private String newId(String contact) {
        if (contact == null)
            return "CUS-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
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

package io.firebreak.intake.customer;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
 * <p>Who has a phone or email is told by a key per normalised contact, kept beside the customers in their collection
 * ({@code phone 138...}, {@code email a@b.cn}: a space, which no customer id holds), naming the first customer who gave
 * it. So a submission's customer is found with one read by {@code _id}: the keys of the contacts it gives and the
 * customers it could be (the one it names, or the ones its phone and e-mail would make), read together; a new
 * customer is written with their keys in one command.
 */
@Component
public class CustomerDirectory {

    private static final String PHONE = "phone";
    private static final String EMAIL = "email";
    private static final String CUSTOMER = "customerId";

    private final AggregateStore<Customer> customers;
    // The case files, read for where a customer's complaints stand (asTheyStand); intake's own collection.
    private final MongoCollection<Document> caseFiles;
    private final Clock clock;
    private final byte[] idKey;

    CustomerDirectory(AggregateStores stores, MongoDatabase database, Clock clock, IntakeProperties properties) {
        this.customers = stores.create("customers", Customer.class);
        this.customers.collection().createIndex(Indexes.ascending("phone"));
        this.customers.collection().createIndex(Indexes.ascending("email"));
        this.customers.collection().createIndex(Indexes.ascending("name"));
        // A customer's contact keys, found by the customer when their personal data is erased.
        this.customers.collection().createIndex(Indexes.ascending(CUSTOMER), new IndexOptions().sparse(true));
        this.caseFiles = database.getCollection("complaints");
        this.clock = clock;
        // A key of its own: whoever holds the token secret must not be able to test phone numbers against ids.
        this.idKey = Secrets.required(
                        properties.customerIdKey(),
                        "firebreak.intake.customer-id-key",
                        "FIREBREAK_INTAKE_CUSTOMER_ID_KEY",
                        32,
                        "keys the customer ids derived from phone numbers")
                .getBytes(StandardCharsets.UTF_8);
        MongoCollection<Document> kept = database.getCollection("contacts");
        if (kept.estimatedDocumentCount() > 0) {
            // A database from when the keys had a collection of their own: moved beside the customers.
            moveKeys(kept);
        } else if (customers.collection().find(Filters.exists(CUSTOMER)).first() == null) {
            // A database from before contacts were kept: register every customer's once.
            registerKnownContacts();
        }
    }

    /**
     * Whom a submission by staff ({@code client} null) or by a ticketing system (its client name) names, before
     * anything is read: the id it chooses ({@code chosen}, a client's as {@link #ownId}), its phone and e-mail
     * normalised, and the customers it could be, whose locks guard it ({@link #candidates}).
     */
    public record Given(
            String chosen, String name, String phone, String email, String client, List<String> candidates) {}

    /**
     * Whom a submission names, as the contacts tell: the customer's id (the caller's own, else the one their phone or
     * e-mail names, else a new one), what the submission gives of them normalised, and what it may write. A
     * client's own customer ids are its own: {@code CRM-1} of client {@code zendesk} is the customer
     * {@code zendesk:CRM-1}, never another client's or one staff named. A client writes contact data only into its
     * own customers or a customer new with this submission, and the contacts it gives with its own ids do not name
     * those customers for anyone else: no client can bind someone else's phone or e-mail to a record it chose.
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
     * file yet. An erased record is not reused: the person starts afresh under a new id. {@code unread}: the id of the
     * customer the contacts name, when it was not among the ids read (and locked) — read again with it.
     */
    public record OnFile(Lookup given, String customerId, Versioned<Customer> record, String unread) {

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

    /** What a submission gives of its customer, normalised, with no read ({@link #onFile} follows). */
    public Given given(String customerId, String name, String rawPhone, String rawEmail, String client) {
        String phone = Contact.normalisePhone(rawPhone);
        String email = Contact.normaliseEmail(rawEmail);
        String chosen = customerId == null ? null : client == null ? customerId : ownId(client, customerId);
        List<String> candidates = new ArrayList<>(2);
        if (chosen != null) candidates.add(chosen);
        else {
            if (phone != null) candidates.add(newId(phone));
            if (email != null) candidates.add(newId(email));
        }
        return new Given(chosen, name, phone, email, client, List.copyOf(candidates));
    }

    /**
     * The customer {@code given} names as now on file, with one read of the contacts' keys and of the customers
     * {@code read} (the submission's candidates and any other id whose lock the caller holds). When the contacts name
     * a customer not among them, {@link OnFile#unread} says whom: the caller locks that one too and asks again.
     */
    public OnFile onFile(Given given, List<String> read) {
        String phoneKey = given.phone() == null ? null : key(PHONE, given.phone());
        String emailKey = given.email() == null ? null : key(EMAIL, given.email());
        List<String> ids = new ArrayList<>(read.size() + 2);
        for (String id : read) if (!isKey(id)) ids.add(id);
        if (phoneKey != null) ids.add(phoneKey);
        if (emailKey != null) ids.add(emailKey);
        Map<String, String> named = new HashMap<>();
        Map<String, Versioned<Customer>> found =
                customers.findWithKeys(ids, key -> named.put(key.getString("_id"), key.getString(CUSTOMER)));
        Optional<String> byPhone = Optional.ofNullable(phoneKey == null ? null : named.get(phoneKey));
        Optional<String> byEmail = Optional.ofNullable(emailKey == null ? null : named.get(emailKey));
        String id = Optional.ofNullable(given.chosen())
                .or(() -> byPhone)
                .or(() -> byEmail)
                .orElseGet(() -> newId(given.phone() != null ? given.phone() : given.email()));
        Lookup lookup = new Lookup(
                id,
                given.name(),
                given.phone(),
                given.email(),
                given.client() == null || given.chosen() != null,
                given.client() == null || given.chosen() == null,
                byPhone.isPresent(),
                byEmail.isPresent());
        if (!read.contains(id)) return new OnFile(lookup, id, null, id);
        Versioned<Customer> record = found.get(id);
        if (record != null && record.value().erasedAt() != null) {
            // Erased on request: nothing new is tied to that record.
            return new OnFile(lookup, newId(null), null, null);
        }
        return new OnFile(lookup, id, record, null);
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
            // Written with the keys of its contacts that name nobody yet, in one command.
            Optional<Versioned<Customer>> created = customers.createWith(
                    customer.customerId(), fresh, List.of(), keysToRegister(given, fresh, customer.customerId()));
            if (created.isPresent()) return created.get();
            // Made at the same moment by another instance: fill that one's blanks instead.
            stored = customers.update(customer.customerId(), apply).orElseThrow();
        }
        customers.insertKeys(keysToRegister(given, stored.value(), stored.id()));
        return stored;
    }

    /**
     * The keys to write for the contacts the record holds as the submission gave them and that named nobody when
     * read; none when the caller may not register contacts.
     */
    private static List<Document> keysToRegister(Lookup given, Customer c, String customerId) {
        List<Document> keys = new ArrayList<>(2);
        if (!given.registers()) return keys;
        if (c.phone() != null && c.phone().equals(given.phone()) && !given.phoneNamesSomeone()) {
            keys.add(keyDocument(key(PHONE, c.phone()), customerId));
        }
        if (c.email() != null && c.email().equals(given.email()) && !given.emailNamesSomeone()) {
            keys.add(keyDocument(key(EMAIL, c.email()), customerId));
        }
        return keys;
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
        if (isKey(customerId)) return Optional.empty();
        Optional<Versioned<Customer>> erased = customers.update(
                customerId,
                current -> current.value().erasedAt() != null
                        ? null
                        : Change.of(current.value().erased(at)));
        if (erased.isPresent()) customers.collection().deleteMany(eq(CUSTOMER, customerId));
        return erased;
    }

    /** Sets (or, null, clears) how the customer is handled; empty if there is no such customer. */
    public Optional<Versioned<Customer>> handle(String customerId, Customer.Handling handling) {
        if (isKey(customerId)) return Optional.empty();
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
        return isKey(customerId) ? Optional.empty() : customers.find(customerId);
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

    /**
     * The key of a contact ({@code phone 13800001111}, {@code email a@b.cn}): a space no customer id holds, and no
     * colon (escaped in an e-mail), which every client's own id holds ({@link #ownId}).
     */
    static String key(String kind, String value) {
        return kind + ' ' + value.replace("%", "%25").replace(":", "%3A");
    }

    /**
     * Whether an id is a contact's key, not a customer's: its kind and a space, and no colon (a client's own id, which
     * holds one, is a customer's whatever its client is called).
     */
    private static boolean isKey(String id) {
        return id == null || (id.startsWith(PHONE + ' ') || id.startsWith(EMAIL + ' ')) && id.indexOf(':') < 0;
    }

    private static Document keyDocument(String key, String customerId) {
        return new Document("_id", key).append(CUSTOMER, customerId);
    }

    /** The keys kept in their own collection ({@code phone:...}, {@code email:...}) moved beside the customers. */
    private void moveKeys(MongoCollection<Document> kept) {
        List<Document> keys = new ArrayList<>();
        kept.find().forEach(d -> {
            String old = d.getString("_id");
            int colon = old.indexOf(':');
            if (colon > 0)
                keys.add(keyDocument(key(old.substring(0, colon), old.substring(colon + 1)), d.getString(CUSTOMER)));
            if (keys.size() == 1_000) {
                customers.insertKeys(keys);
                keys.clear();
            }
        });
        customers.insertKeys(keys);
        kept.drop();
    }

    /** Registers the contacts of every customer stored, the earliest seen first. */
    private void registerKnownContacts() {
        customers
                .collection()
                .find()
                .projection(Projections.include("phone", "email", "firstSeen"))
                .sort(Sorts.ascending("firstSeen", "_id"))
                .forEach(d -> {
                    List<Document> keys = new ArrayList<>(2);
                    if (d.getString("phone") != null)
                        keys.add(keyDocument(key(PHONE, d.getString("phone")), d.getString("_id")));
                    if (d.getString("email") != null)
                        keys.add(keyDocument(key(EMAIL, d.getString("email")), d.getString("_id")));
                    customers.insertKeys(keys);
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

package io.firebreak.intake.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.intake.IntakeProperties;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.kafka.EventPublisher;
import io.firebreak.platform.mongo.MongoConfiguration;
import io.firebreak.platform.outbox.AggregateStores;
import io.firebreak.platform.outbox.OutboxRelay;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.test.CountedStore;
import io.firebreak.platform.test.ShippedProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who a submission's customer is, in as few round trips as the store allows: one read of the contacts' keys and the
 * customers the submission could be, one write of a new customer with their keys.
 */
class CustomerDirectoryTest {

    private static final String PHONE = "13800001111";
    private static final String EMAIL = "lin@example.com";

    private CountedStore counted;
    private CustomerDirectory directory;

    @BeforeEach
    void directory() {
        counted = new CountedStore(MongoConfiguration.codecRegistry());
        directory = open();
        counted.forget();
    }

    @AfterEach
    void close() {
        counted.close();
    }

    private CustomerDirectory open() {
        IntakeProperties shipped = ShippedProperties.bind("intake.yml", "firebreak.intake", IntakeProperties.class);
        IntakeProperties properties = new IntakeProperties(
                shipped.maxListSize(),
                shipped.timeZone(),
                shipped.duplicates(),
                shipped.emotion(),
                shipped.caps(),
                "a-key-of-the-test-of-thirty-two-characters-or-more");
        OutboxRelay relay =
                new OutboxRelay(new EventPublisher(null, "test"), Duration.ofHours(1), 200, Duration.ofHours(1));
        return new CustomerDirectory(
                new AggregateStores(counted.database("intake"), new EventCodec(), relay),
                counted.database("intake"),
                Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC),
                properties);
    }

    /** A staff submission's customer as on file, read as intake reads it (again with the id the contacts name). */
    private CustomerDirectory.OnFile onFile(String id, String phone, String email) {
        CustomerDirectory.Given given = directory.given(id, "Lin", phone, email, null);
        CustomerDirectory.OnFile found = directory.onFile(given, given.candidates());
        if (found.unread() == null) return found;
        return directory.onFile(
                given,
                java.util.stream.Stream.concat(given.candidates().stream(), java.util.stream.Stream.of(found.unread()))
                        .toList());
    }

    private Versioned<Customer> submit(String id, String phone, String email, String complaintId) {
        return directory.settle(
                onFile(id, phone, email),
                new Customer.PastComplaint(
                        complaintId,
                        Instant.parse("2026-12-06T08:00:00Z"),
                        "subject",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void aNewCustomerIsReadOnceAndWrittenWithTheKeysOfTheirContactsInOneCommand() {
        CustomerDirectory.OnFile first = onFile(null, PHONE, EMAIL);
        assertThat(first.record()).isNull();
        assertThat(first.unread()).isNull();
        Versioned<Customer> stored = directory.settle(first, null);

        assertThat(counted.commands()).containsExactly("find", "insert");
        assertThat(stored.value().phone()).isEqualTo(PHONE);
        assertThat(stored.id()).isEqualTo(first.customerId());
    }

    @Test
    void aReturningCustomerIsFoundWithOneReadByTheContactTheirIdWasMadeFromAndTwoByAnother() {
        String id = submit(null, "+86 138-0000-1111", EMAIL, "C1").id();
        counted.forget();

        CustomerDirectory.OnFile byPhone = onFile(null, PHONE, null);
        assertThat(counted.commands()).containsExactly("find");
        CustomerDirectory.OnFile byBoth = onFile(null, PHONE, EMAIL);
        assertThat(counted.commands()).containsExactly("find", "find");
        counted.forget();
        // Their id was made from the phone: the e-mail's key names it, and it is read next.
        CustomerDirectory.OnFile byEmail = onFile(null, null, " LIN@example.com ");
        assertThat(counted.commands()).containsExactly("find", "find");

        assertThat(List.of(byPhone, byBoth, byEmail))
                .extracting(CustomerDirectory.OnFile::customerId)
                .containsOnly(id);
        assertThat(byEmail.history())
                .extracting(Customer.PastComplaint::complaintId)
                .containsExactly("C1");
        assertThat(byEmail.given().emailNamesSomeone()).isTrue();
        assertThat(byBoth.given().phoneNamesSomeone()).isTrue();
    }

    @Test
    void aPhoneGivenLaterNamesTheCustomerFirstKnownByEmailAndIsReadAgainUnderTheirId() {
        String id = submit(null, null, EMAIL, "C1").id();
        submit(null, PHONE, EMAIL, "C2");
        counted.forget();

        CustomerDirectory.Given given = directory.given(null, null, PHONE, null, null);
        CustomerDirectory.OnFile first = directory.onFile(given, given.candidates());
        // The phone's own id is not the customer's: the caller locks theirs and reads again.
        assertThat(first.unread()).isEqualTo(id);
        CustomerDirectory.OnFile again =
                directory.onFile(given, List.of(given.candidates().get(0), id));

        assertThat(again.unread()).isNull();
        assertThat(again.customerId()).isEqualTo(id);
        assertThat(again.history())
                .extracting(Customer.PastComplaint::complaintId)
                .containsExactly("C2", "C1");
    }

    @Test
    void theFirstCustomerToGiveAContactKeepsItAndAStaffChosenIdIsKeptWithoutTakingIt() {
        String first = submit(null, PHONE, null, "C1").id();
        Versioned<Customer> chosen = submit("VIP-7", PHONE, EMAIL, "C2");

        assertThat(chosen.id()).isEqualTo("VIP-7");
        assertThat(onFile(null, PHONE, null).customerId()).isEqualTo(first);
        // The e-mail named nobody: it names the customer who gave it.
        assertThat(onFile(null, null, EMAIL).customerId()).isEqualTo("VIP-7");
    }

    @Test
    void aContactsKeyIsNeverTakenForACustomer() {
        submit(null, PHONE, EMAIL, "C1");
        String key = CustomerDirectory.key("phone", PHONE);

        assertThat(directory.find(key)).isEmpty();
        assertThat(directory.handle(key, null)).isEmpty();
        assertThat(directory.erase(key, Instant.parse("2026-12-06T09:00:00Z"))).isEmpty();
        assertThat(directory.search(PHONE, null, null, 10)).hasSize(1);
        assertThat(directory.search(null, null, "L", 10)).hasSize(1);
        // A client's own id always holds a colon; an e-mail's key holds none, however the address is written.
        assertThat(CustomerDirectory.key("email", "a:b@c.cn")).isEqualTo("email a%3Ab@c.cn");
        // So a client whose name holds a space still has its customers: "phone book:CRM-1" is one of them.
        CustomerDirectory.Given client = directory.given("CRM-1", "Lin", PHONE, null, "phone book");
        Versioned<Customer> own = directory.settle(directory.onFile(client, client.candidates()), null);
        assertThat(own.id()).isEqualTo("phone book:CRM-1");
        assertThat(directory.find("phone book:CRM-1")).isPresent();
        assertThat(directory.onFile(client, client.candidates()).record()).isNotNull();
    }

    @Test
    void anErasedCustomersContactsNameNobodyAndTheirNextComplaintStartsAfresh() {
        String id = submit(null, PHONE, EMAIL, "C1").id();
        directory.erase(id, Instant.parse("2026-12-06T09:00:00Z"));

        CustomerDirectory.OnFile again = onFile(null, PHONE, EMAIL);

        assertThat(again.given().phoneNamesSomeone()).isFalse();
        assertThat(again.given().emailNamesSomeone()).isFalse();
        assertThat(again.customerId()).isNotEqualTo(id);
        assertThat(again.record()).isNull();
    }

    /** Takes the contacts' keys out of the customers' collection, as a database of an earlier version has none. */
    private void dropKeys() {
        counted.database("intake")
                .getCollection("customers")
                .deleteMany(com.mongodb.client.model.Filters.exists("customerId"));
    }

    @Test
    void contactsKeptInTheirOwnCollectionAreMovedBesideTheCustomersAtStart() {
        String id = submit(null, PHONE, EMAIL, "C1").id();
        // A database as an earlier version left it: the keys in a collection of their own.
        dropKeys();
        counted.database("intake")
                .getCollection("contacts")
                .insertMany(List.of(
                        new Document("_id", "phone:" + PHONE).append("customerId", id),
                        new Document("_id", "email:" + EMAIL).append("customerId", id)));

        directory = open();

        assertThat(counted.database("intake").getCollection("contacts").countDocuments())
                .isZero();
        assertThat(onFile(null, PHONE, null).customerId()).isEqualTo(id);
        assertThat(onFile(null, null, EMAIL).customerId()).isEqualTo(id);
    }

    @Test
    void aDatabaseFromBeforeContactsWereKeptHasEveryCustomersRegisteredAtStart() {
        String id = submit(null, PHONE, EMAIL, "C1").id();
        dropKeys();

        directory = open();

        assertThat(onFile(null, PHONE, null).customerId()).isEqualTo(id);
        assertThat(onFile(null, null, EMAIL).given().emailNamesSomeone()).isTrue();
    }
}

package io.firebreak.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.kafka.EventPublisher;
import io.firebreak.platform.mongo.MongoConfiguration;
import io.firebreak.platform.test.CountedStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AggregateStore#updateAll}: one read and one write for many updates, and nothing lost or applied twice. */
class AggregateStoreBatchTest {

    record Tally(List<String> marks) {
        Tally with(String mark) {
            List<String> next = new ArrayList<>(marks);
            next.add(mark);
            return new Tally(next);
        }
    }

    private CountedStore counted;
    private AggregateStore<Tally> store;

    @BeforeEach
    void store() {
        counted = new CountedStore(MongoConfiguration.codecRegistry());
        EventPublisher never = TestPublisher.neverAnswering();
        OutboxRelay relay = new OutboxRelay(never, Duration.ofHours(1), 200, Duration.ofHours(1));
        store = new AggregateStore<>(
                counted.database("batch").getCollection("tallies", BsonDocument.class),
                Tally.class,
                new EventCodec(),
                relay);
        store.insert("A", new Tally(List.of()), List.of(), null);
        store.insert("B", new Tally(List.of()), List.of(), null);
        counted.forget();
    }

    @AfterEach
    void close() {
        counted.close();
    }

    record Clashing(String name, long version) {}

    @Test
    void aRecordWithAFieldNamedLikeOneOfTheStoresOwnIsRefused() {
        assertThatThrownBy(() -> new AggregateStore<>(
                        counted.database("batch").getCollection("clashing", BsonDocument.class),
                        Clashing.class,
                        new EventCodec(),
                        new OutboxRelay(TestPublisher.neverAnswering(), Duration.ofHours(1), 200, Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Clashing.version");
    }

    @Test
    void anAggregateIsWrittenWithItsFieldsThenTheStoresAndReadBackFromADocumentInEitherOrder() {
        BsonDocument written = counted.database("batch")
                .getCollection("tallies", BsonDocument.class)
                .find(new BsonDocument("_id", new BsonString("A")))
                .first();
        assertThat(written.keySet()).containsExactly("marks", "_id", "version", "outbox", "applied");

        // As earlier versions wrote it: the id first, the record's fields after the store's.
        counted.database("batch")
                .getCollection("tallies", BsonDocument.class)
                .insertOne(BsonDocument.parse(
                        "{_id: 'C', version: {$numberLong: '3'}, outbox: [], applied: ['e9'], marks: ['x']}"));
        Versioned<Tally> read = store.find("C").orElseThrow();

        assertThat(read.value()).isEqualTo(new Tally(List.of("x")));
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.appliedEventIds()).containsExactly("e9");
    }

    @Test
    void theTagIsOfTheValueAsStoredTheSameWrittenAndReadBackAndAnotherForAnotherValue() {
        Versioned<Tally> written = store.update(
                        "A", current -> Change.of(current.value().with("m1")))
                .orElseThrow();
        Versioned<Tally> read = store.find("A").orElseThrow();

        assertThat(store.tag(read.value()))
                .matches("[0-9a-f]{16}")
                .isEqualTo(store.tag(written.value()))
                .isEqualTo(store.tag(new Tally(List.of("m1"))))
                .isNotEqualTo(store.tag(new Tally(List.of("m2"))))
                .isNotEqualTo(store.tag(new Tally(List.of())));
    }

    private static AggregateStore.Update<Tally> mark(String id, String eventId) {
        return new AggregateStore.Update<>(
                id,
                eventId,
                current -> Change.of(
                        current.value().with(eventId),
                        new CaseOpened(id, Instant.parse("2026-12-02T08:00:00Z"), eventId)));
    }

    @Test
    void updatesOfSeveralAggregatesAreReadOnceAndWrittenOnceEachInOrderWithTheirEvents() {
        Map<String, Versioned<Tally>> after =
                store.updateAll(List.of(mark("A", "e1"), mark("B", "e2"), mark("A", "e3"), mark("A", "e4")));

        assertThat(counted.commands()).containsExactly("find", "update");
        assertThat(after.get("A").value().marks()).containsExactly("e1", "e3", "e4");
        assertThat(after.get("B").value().marks()).containsExactly("e2");
        Versioned<Tally> a = store.find("A").orElseThrow();
        assertThat(a.value().marks()).containsExactly("e1", "e3", "e4");
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.appliedEventIds()).containsExactly("e1", "e3", "e4");
        assertThat(store.collection()
                        .find(com.mongodb.client.model.Filters.eq("_id", "A"))
                        .first()
                        .getList(AggregateStore.OUTBOX, org.bson.Document.class))
                .hasSize(3);
    }

    @Test
    void anEventAlreadyAppliedIsSkippedAndAnAggregateThatIsMissingIsLeftOut() {
        store.updateAll(List.of(mark("A", "e1")));

        Map<String, Versioned<Tally>> after =
                store.updateAll(List.of(mark("A", "e1"), mark("Z", "e2"), mark("A", "e3")));

        assertThat(after).doesNotContainKey("Z");
        assertThat(store.find("A").orElseThrow().value().marks()).containsExactly("e1", "e3");
        assertThat(store.find("Z")).isEmpty();
    }

    @Test
    void anAggregateChangedBetweenTheReadAndTheWriteGetsEveryUpdateOnceOnTopOfThatChange() {
        boolean[] interfered = new boolean[1];
        AggregateStore.Update<Tally> meddled = new AggregateStore.Update<>("A", "e1", current -> {
            if (!interfered[0]) {
                interfered[0] = true;
                store.update("A", c -> Change.of(c.value().with("meanwhile")));
            }
            return Change.of(current.value().with("e1"));
        });

        Map<String, Versioned<Tally>> after = store.updateAll(List.of(meddled, mark("B", "e2"), mark("A", "e3")));

        Versioned<Tally> a = store.find("A").orElseThrow();
        assertThat(a.value().marks()).containsExactly("meanwhile", "e1", "e3");
        assertThat(after.get("A").value().marks()).containsExactly("meanwhile", "e1", "e3");
        assertThat(store.find("B").orElseThrow().value().marks()).containsExactly("e2");
        assertThat(a.appliedEventIds()).containsExactly("e1", "e3");
    }

    @Test
    void newAggregatesAreInsertedWithOneWriteAndOnesWhoseIdIsTakenAreSaidSoAndLeftAsTheyAre() {
        List<Boolean> inserted = store.insertAll(List.of(
                new AggregateStore.New<>("C", new Tally(List.of("c")), List.of(opened("C")), null),
                new AggregateStore.New<>("A", new Tally(List.of("not-a")), List.of(opened("A")), null),
                new AggregateStore.New<>("D", new Tally(List.of("d")), List.of(), null),
                new AggregateStore.New<>("C", new Tally(List.of("c-again")), List.of(), null)));

        assertThat(counted.commands()).containsExactly("insert");
        assertThat(inserted).containsExactly(true, false, true, false);
        assertThat(store.find("C").orElseThrow().value().marks()).containsExactly("c");
        assertThat(store.find("A").orElseThrow().value().marks()).isEmpty();
        assertThat(store.find("D").orElseThrow().version()).isZero();
        assertThat(store.collection()
                        .find(com.mongodb.client.model.Filters.eq("_id", "C"))
                        .first()
                        .getList(AggregateStore.OUTBOX, org.bson.Document.class))
                .hasSize(1);
    }

    private static org.bson.Document key(String key, String names) {
        return new org.bson.Document("_id", key).append("names", names);
    }

    @Test
    void anAggregateIsWrittenWithItsKeysInOneCommandAndAKeySomeoneHoldsStaysTheirs() {
        store.insertKeys(List.of(key("k 2", "A")));
        counted.forget();

        Versioned<Tally> created = store.createWith(
                        "C",
                        new Tally(List.of("c")),
                        List.of(),
                        List.of(key("k 1", "C"), key("k 2", "C"), key("k 3", "C")))
                .orElseThrow();

        assertThat(created.version()).isZero();
        // One command when no key is held; here the one held stopped the ordered write, and the key after it followed.
        assertThat(counted.commands()).containsExactly("insert", "insert");
        Map<String, String> named = new java.util.HashMap<>();
        Map<String, Versioned<Tally>> found = store.findWithKeys(
                List.of("C", "k 1", "k 2", "k 3", "nobody"), k -> named.put(k.getString("_id"), k.getString("names")));
        assertThat(found).containsOnlyKeys("C");
        assertThat(found.get("C").value().marks()).containsExactly("c");
        assertThat(named).containsExactlyInAnyOrderEntriesOf(Map.of("k 1", "C", "k 2", "A", "k 3", "C"));

        counted.forget();
        store.createWith("D", new Tally(List.of("d")), List.of(), List.of(key("k 4", "D")));
        assertThat(counted.commands()).containsExactly("insert");
    }

    @Test
    void anAggregateWhoseIdIsTakenIsNotWrittenAndNeitherAreItsKeys() {
        assertThat(store.createWith("A", new Tally(List.of("again")), List.of(), List.of(key("k 5", "A"))))
                .isEmpty();

        assertThat(store.find("A").orElseThrow().value().marks()).isEmpty();
        assertThat(store.findWithKeys(List.of("k 5"), k -> {})).isEmpty();
        assertThat(store.collection().countDocuments(com.mongodb.client.model.Filters.eq("_id", "k 5")))
                .isZero();
    }

    @Test
    void whatAWriteThatDidNotTakeWouldHavePublishedIsNeverPublished() {
        // A started relay with a publisher that records: each event written is published once, none twice, and none
        // of a bulk write that lost its compare-and-set to someone else's write.
        TestPublisher recording = new TestPublisher();
        OutboxRelay relay = new OutboxRelay(recording, Duration.ofMillis(50), 200, Duration.ofHours(1));
        AggregateStore<Tally> relayed = new AggregateStore<>(
                counted.database("batch").getCollection("relayed", BsonDocument.class),
                Tally.class,
                new EventCodec(),
                relay);
        relayed.insert("A", new Tally(List.of()), List.of(), null);
        relay.start();
        try {
            boolean[] interfered = new boolean[1];
            AggregateStore.Update<Tally> meddled = new AggregateStore.Update<>("A", "e1", current -> {
                if (!interfered[0]) {
                    interfered[0] = true;
                    relayed.update("A", c -> Change.of(c.value().with("meanwhile")));
                }
                return Change.of(current.value().with("e1"), new CaseOpened("A", Instant.now(), "e1"));
            });

            relayed.updateAll(List.of(meddled));

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> relayed.collection()
                            .find(com.mongodb.client.model.Filters.eq("_id", "A"))
                            .first()
                            .getList(AggregateStore.OUTBOX, org.bson.Document.class)
                            .isEmpty());
            // The first decision's event went with the write that lost; the one written is the second's.
            assertThat(recording.published).hasSize(1);
        } finally {
            relay.stop();
        }
    }

    private static CaseOpened opened(String id) {
        return new CaseOpened(id, Instant.parse("2026-12-02T08:00:00Z"), "test");
    }
}

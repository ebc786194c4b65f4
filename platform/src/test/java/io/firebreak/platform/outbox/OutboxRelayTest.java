package io.firebreak.platform.outbox;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import io.firebreak.platform.test.CountedStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay's timers: failed publishes tried again by id on the short one, left-behind outboxes found at start. */
class OutboxRelayTest {

    private static final Duration TICK = Duration.ofMillis(50);
    private static final Duration NEVER = Duration.ofHours(1);

    private CountedStore counted;
    private MongoCollection<BsonDocument> aggregates;
    private final TestPublisher publisher = new TestPublisher();
    private OutboxRelay relay;

    @BeforeEach
    void store() {
        counted = new CountedStore();
        aggregates = counted.database("relay").getCollection("aggregates", BsonDocument.class);
    }

    /** The finds sent to the store, as its driver counts them. */
    private long finds() {
        return counted.count("find");
    }

    @AfterEach
    void close() {
        if (relay != null) relay.stop();
        counted.close();
    }

    @Test
    void anAggregateWhosePublishFailedIsPublishedOnTheShortTimerLongBeforeTheNextFullSweep() {
        relay = new OutboxRelay(publisher, TICK, 200, NEVER);
        relay.register(aggregates);
        relay.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.calls.get() == 0 && relay.isRunning());
        publisher.failing = true;
        aggregates.insertOne(aggregate("A-1", "event-1"));
        relay.publishSoon(aggregates, "A-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.calls.get() >= 2);
        assertThat(publisher.published).isEmpty();
        assertThat(outbox("A-1")).hasSize(1);

        publisher.failing = false;

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(publisher.published).containsExactly("event-1");
            assertThat(outbox("A-1")).isEmpty();
        });
    }

    @Test
    void anOutboxHandedOverByItsWriterIsPublishedWithoutReadingTheStore() {
        relay = new OutboxRelay(publisher, TICK, 200, NEVER);
        relay.register(aggregates);
        relay.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> finds() > 0); // the sweep at start
        long before = finds();
        BsonDocument written = aggregate("A-3", "event-3");
        aggregates.insertOne(written);

        relay.publishSoon(
                aggregates,
                "A-3",
                List.of(written.getArray(AggregateStore.OUTBOX).get(0).asDocument()));

        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.published.contains("event-3"));
        assertThat(finds() - before).as("finds to publish it").isZero();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(outbox("A-3")).isEmpty());
        assertThat(publisher.published).containsExactly("event-3");
    }

    @Test
    void aHandedOverOutboxWhosePublishFailedIsReadFromTheStoreWhenTriedAgain() {
        relay = new OutboxRelay(publisher, TICK, 200, NEVER);
        relay.register(aggregates);
        relay.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> finds() > 0);
        publisher.failing = true;
        BsonDocument written = aggregate("A-4", "event-4");
        aggregates.insertOne(written);
        // Counted before the hand-over: the retry after the first failure may read the outbox at once, before the
        // test sees the second call.
        long before = finds();
        relay.publishSoon(
                aggregates,
                "A-4",
                List.of(written.getArray(AggregateStore.OUTBOX).get(0).asDocument()));
        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.calls.get() >= 2);

        publisher.failing = false;

        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.published.contains("event-4"));
        assertThat(finds() - before).as("reads of the outbox on the retry").isPositive();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(outbox("A-4")).isEmpty());
        assertThat(publisher.published).containsExactly("event-4");
    }

    @Test
    void eventsLeftBehindByAnotherInstanceArePublishedByTheSweepAtStart() {
        aggregates.insertOne(aggregate("A-2", "event-2"));
        relay = new OutboxRelay(publisher, TICK, 200, NEVER);
        relay.register(aggregates);

        relay.start();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(publisher.published).containsExactly("event-2");
            assertThat(outbox("A-2")).isEmpty();
        });
    }

    private List<?> outbox(String id) {
        Document doc =
                aggregates.withDocumentClass(Document.class).find(eq("_id", id)).first();
        return doc.getList(AggregateStore.OUTBOX, Object.class);
    }

    private static BsonDocument aggregate(String id, String eventId) {
        BsonDocument entry = new OutboxEntry(
                        eventId,
                        "firebreak.test",
                        "firebreak.test.happened",
                        id,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        "{}",
                        null,
                        null)
                .toBsonDocument();
        return new BsonDocument("_id", new BsonString(id))
                .append(AggregateStore.VERSION, new BsonInt64(0))
                .append(AggregateStore.OUTBOX, new BsonArray(List.of(entry)));
    }
}

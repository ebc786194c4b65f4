package io.firebreak.platform.outbox;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.firebreak.platform.kafka.EventPublisher;
import io.firebreak.platform.tracing.TraceHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<BsonDocument> aggregates;
    private final FlakyPublisher publisher = new FlakyPublisher();
    private OutboxRelay relay;

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(
                "mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        aggregates = client.getDatabase("relay").getCollection("aggregates", BsonDocument.class);
    }

    @AfterEach
    void close() {
        if (relay != null) relay.stop();
        client.close();
        server.shutdownNow();
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
        Document entry = new OutboxEntry(
                        eventId,
                        "firebreak.test",
                        "firebreak.test.happened",
                        id,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        "{}",
                        null,
                        null)
                .toDocument();
        return new BsonDocument("_id", new BsonString(id))
                .append(AggregateStore.VERSION, new BsonInt64(0))
                .append(AggregateStore.OUTBOX, new BsonArray(List.of(BsonDocument.parse(entry.toJson()))));
    }

    /** Fails every send while {@code failing}, else succeeds and records the event id. */
    private static final class FlakyPublisher extends EventPublisher {

        volatile boolean failing;
        final AtomicInteger calls = new AtomicInteger();
        final Set<String> published = ConcurrentHashMap.newKeySet();

        FlakyPublisher() {
            super(null, "test");
        }

        @Override
        public CompletableFuture<?> publish(
                String id,
                String topic,
                String type,
                String subject,
                Instant time,
                String payload,
                TraceHeaders trace,
                String correlationId) {
            calls.incrementAndGet();
            if (failing) return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
            published.add(id);
            return CompletableFuture.completedFuture(null);
        }
    }
}

package io.firebreak.platform.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.firebreak.platform.kafka.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the events waiting in aggregates' outboxes, then removes them. It runs at once after each write
 * and sweeps on a timer, so a crash between a write and its publish only delays the events. One thread does
 * all publishing, so one instance never publishes the same aggregate's events twice at once; across
 * instances a rare duplicate is possible and consumers de-duplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Below the web server's start/stop phase ({@code DEFAULT_PHASE - 2048}) and the event listeners'. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final EventPublisher publisher;
    private final Duration sweepInterval;
    private final int sweepBatch;
    private final List<MongoCollection<BsonDocument>> collections = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public OutboxRelay(EventPublisher publisher, Duration sweepInterval, int sweepBatch) {
        this.publisher = publisher;
        this.sweepInterval = sweepInterval;
        this.sweepBatch = sweepBatch;
    }

    void register(MongoCollection<BsonDocument> collection) {
        collections.add(collection);
    }

    /** Publishes one aggregate's pending events on the relay thread, as soon as it is free. */
    void publishSoon(MongoCollection<BsonDocument> collection, String id) {
        ScheduledExecutorService ex = executor;
        if (ex != null && running) {
            ex.execute(() -> relaySafely(collection, eq("_id", id), 1));
        }
    }

    /** Publishes everything pending in every registered collection; returns the number of events published. */
    public int sweep() {
        int published = 0;
        for (MongoCollection<BsonDocument> collection : collections) {
            published += relaySafely(collection, exists(AggregateStore.OUTBOX + ".id"), sweepBatch);
        }
        return published;
    }

    private int relaySafely(MongoCollection<BsonDocument> collection, Bson filter, int limit) {
        try {
            int published = relay(collection, filter, limit);
            if (failuresInARow.getAndSet(0) > 0) log.info("Outbox relay publishing again");
            return published;
        } catch (RuntimeException e) {
            if (failuresInARow.getAndIncrement() == 0) {
                log.warn("Outbox relay could not publish; events stay in the outbox and will be retried: {}", e.toString());
            }
            return 0;
        }
    }

    private int relay(MongoCollection<BsonDocument> collection, Bson filter, int limit) {
        int published = 0;
        for (BsonDocument doc : collection.find(filter).projection(new Document(AggregateStore.OUTBOX, 1)).limit(limit)) {
            if (!doc.containsKey(AggregateStore.OUTBOX)) continue;
            List<OutboxEntry> entries = new ArrayList<>();
            for (BsonValue value : doc.getArray(AggregateStore.OUTBOX)) {
                entries.add(OutboxEntry.fromDocument(toDocument(value.asDocument())));
            }
            if (entries.isEmpty()) continue;
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (OutboxEntry entry : entries) {
                sends.add(publisher.publish(entry.id(), entry.topic(), entry.type(), entry.subject(), entry.time(),
                        entry.payload(), entry.traceparent(), entry.correlationId()));
            }
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            } catch (Exception e) {
                throw new IllegalStateException("Publishing failed: " + e.getMessage(), e);
            }
            List<String> ids = entries.stream().map(OutboxEntry::id).toList();
            collection.updateOne(eq("_id", doc.get("_id")), Updates.combine(
                    Updates.pullByFilter(new Document(AggregateStore.OUTBOX, new Document("id", new Document("$in", ids)))),
                    Updates.inc(AggregateStore.VERSION, 1L)));
            published += entries.size();
        }
        return published;
    }

    private static Document toDocument(BsonDocument bson) {
        return Document.parse(bson.toJson());
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::sweep, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) executor.shutdownNow();
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the web server and the event listeners and stops after them (after the server's graceful
     * shutdown too), so that what a request or a consumed event writes while the service starts or stops is
     * still published at once rather than on another instance's or the next start's sweep.
     */
    @Override
    public int getPhase() {
        return PHASE;
    }
}

package io.firebreak.platform.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.firebreak.platform.kafka.EventPublisher;
import io.firebreak.platform.metrics.EventMeters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the events waiting in aggregates' outboxes, then removes them. It runs at once after each write, with
 * the outbox the writer hands over when nothing was waiting before its events (no read of the store), else reading it;
 * on a short timer it tries again the aggregates it could not publish (it remembers their ids), and at start and on
 * a long timer it sweeps every outbox, so a crash between a write and its publish only delays the events. Reading
 * every aggregate on the short timer would cost a scan of every collection, growing with history. One thread does
 * all publishing, so one instance never publishes the same aggregate's events twice at once; across
 * instances a rare duplicate is possible and consumers de-duplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Below the web server's start/stop phase ({@code DEFAULT_PHASE - 2048}) and the event listeners'. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    /** At most this many aggregates in one round, so one round's wait stays short. */
    private static final int MAX_ROUND = 500;

    private static final DocumentCodec DOCUMENTS = new DocumentCodec();
    /** As firebreak.outbox.full-sweep-interval's default. */
    public static final Duration DEFAULT_FULL_SWEEP = Duration.ofMinutes(5);

    private final EventPublisher publisher;
    private final Duration sweepInterval;
    private final int sweepBatch;
    private final long fullSweepNanos;
    private final List<MongoCollection<BsonDocument>> collections = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    /**
     * Aggregates written since the relay last looked, published together in its next round: each with the outbox
     * entries its writer handed over (the whole outbox it wrote, in order), or {@link #READ} to read the outbox from
     * the store.
     */
    private final Map<Pending, List<BsonDocument>> soon = new ConcurrentHashMap<>();
    /** Read the aggregate's outbox from the store: what it holds is not (or not only) what a writer handed over. */
    private static final List<BsonDocument> READ = List.of();
    /**
     * The ids of the events this relay published last (at most {@value #RECENT} of them), so that an event is not
     * sent twice when a round that read the store and a writer's hand-over both bring it.
     */
    private final Set<String> recentlyPublished =
            Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > RECENT;
                }
            }));

    private static final int RECENT = 10_000;

    /** Aggregates taken for publishing and not (yet) published: tried again on every tick until they are. */
    private final Set<Pending> unpublished = ConcurrentHashMap.newKeySet();

    private long lastFullSweep;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile EventMeters meters;

    /** With a full sweep every {@link #DEFAULT_FULL_SWEEP}. */
    public OutboxRelay(EventPublisher publisher, Duration sweepInterval, int sweepBatch) {
        this(publisher, sweepInterval, sweepBatch, DEFAULT_FULL_SWEEP);
    }

    public OutboxRelay(EventPublisher publisher, Duration sweepInterval, int sweepBatch, Duration fullSweepInterval) {
        this.publisher = publisher;
        this.sweepInterval = sweepInterval;
        this.sweepBatch = sweepBatch;
        this.fullSweepNanos = fullSweepInterval.toNanos();
    }

    /** Counts every event once it is published (see {@link EventMeters}). */
    public OutboxRelay meteredBy(EventMeters meters) {
        this.meters = meters;
        return this;
    }

    void register(MongoCollection<BsonDocument> collection) {
        collections.add(collection);
    }

    /**
     * Publishes one aggregate's pending events on the relay thread, as soon as it is free. Aggregates written while
     * the relay is busy are published together in its next round: their events are all sent before any
     * acknowledgement is awaited, so a busy service pays for one broker round trip per round, not per write.
     */
    void publishSoon(MongoCollection<BsonDocument> collection, String id) {
        publishSoon(collection, id, READ);
    }

    /**
     * As {@link #publishSoon(MongoCollection, String)}, with the aggregate's whole outbox as its writer just wrote it
     * (nothing before these entries was waiting): they are published as handed over, with no read of the store. If
     * the aggregate is marked again before the relay takes it, its outbox is read from the store instead, in order.
     */
    void publishSoon(MongoCollection<BsonDocument> collection, String id, List<BsonDocument> outbox) {
        ScheduledExecutorService ex = executor;
        if (ex == null || !running) return;
        List<BsonDocument> handed = outbox.isEmpty() ? READ : outbox;
        boolean[] marked = {false};
        soon.compute(new Pending(collection, id), (pending, earlier) -> {
            marked[0] = earlier == null;
            return earlier == null ? handed : READ;
        });
        if (marked[0]) ex.execute(this::publishPendingSafely);
    }

    /**
     * The timer's work: the aggregates not published yet tried again by id; every outbox read at the first tick and
     * when the full-sweep interval has passed since the last full sweep.
     */
    private void tick() {
        long now = System.nanoTime();
        if (lastFullSweep == 0 || now - lastFullSweep >= fullSweepNanos) {
            lastFullSweep = now == 0 ? 1 : now;
            // A sweep that failed (the store or the broker away) is done again on the next tick.
            if (sweepAll() < 0) lastFullSweep = 0;
        }
        if (!unpublished.isEmpty()) {
            unpublished.forEach(p -> soon.put(p, READ));
            publishPendingSafely();
        }
    }

    /** Publishes everything pending in every registered collection; returns the number of events published. */
    public int sweep() {
        return Math.max(0, sweepAll());
    }

    /** What waits in the outboxes: how many aggregates have unpublished events, and how old the oldest is. */
    public record Backlog(long aggregates, double oldestAgeSeconds) {}

    private static final long BACKLOG_FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int BACKLOG_MAX_READ = 10_000;
    private volatile Backlog backlog;
    private volatile long backlogAt;

    /**
     * The backlog, read from the store at most every five seconds (a metrics scrape asks for it): the aggregates
     * whose outbox is not empty (by the sparse index on the outbox's ids) and the oldest event among at most
     * 10,000 of them.
     */
    public Backlog backlog() {
        long now = System.nanoTime();
        Backlog known = backlog;
        if (known != null && now - backlogAt < BACKLOG_FRESH_NANOS) return known;
        long aggregates = 0;
        long oldest = Long.MAX_VALUE;
        for (MongoCollection<BsonDocument> collection : collections) {
            for (BsonDocument doc : collection
                    .find(exists(AggregateStore.OUTBOX + ".id"))
                    .projection(new Document(AggregateStore.OUTBOX + ".time", 1))
                    .limit(BACKLOG_MAX_READ)) {
                aggregates++;
                for (BsonValue entry : doc.getArray(AggregateStore.OUTBOX)) {
                    BsonValue time = entry.asDocument().get("time");
                    if (time != null && time.isDateTime())
                        oldest = Math.min(oldest, time.asDateTime().getValue());
                }
            }
        }
        double age = oldest == Long.MAX_VALUE ? 0 : Math.max(0, (System.currentTimeMillis() - oldest) / 1000.0);
        backlog = new Backlog(aggregates, age);
        backlogAt = now;
        return backlog;
    }

    /** As {@link #sweep()}, or -1 if publishing failed for some collection. */
    private int sweepAll() {
        int published = 0;
        boolean failed = false;
        for (MongoCollection<BsonDocument> collection : collections) {
            int round = relaySafely(() -> {
                List<Outbox> outboxes = new ArrayList<>();
                for (BsonDocument doc : collection
                        .find(exists(AggregateStore.OUTBOX + ".id"))
                        .projection(new Document(AggregateStore.OUTBOX, 1))
                        .limit(sweepBatch)) {
                    outboxes.add(new Outbox(collection, doc));
                }
                return publish(outboxes);
            });
            if (round < 0) failed = true;
            else published += round;
        }
        return failed ? -1 : published;
    }

    private void publishPendingSafely() {
        relaySafely(this::publishPending);
    }

    /**
     * The aggregates marked by publishSoon, each taken off the mark before it is read (a later write marks again):
     * those handed over with their outbox published as handed, the others' outboxes read with one query per
     * collection.
     */
    private int publishPending() {
        Map<MongoCollection<BsonDocument>, List<String>> byCollection = new LinkedHashMap<>();
        List<Outbox> outboxes = new ArrayList<>();
        Set<Pending> taken = new HashSet<>();
        for (Pending pending : soon.keySet()) {
            if (taken.size() >= MAX_ROUND) break;
            // Marked again while this round reads (the map's iterator may show it twice): the next round takes it,
            // as sending its events twice in one round would publish the first ones twice.
            if (taken.contains(pending)) continue;
            List<BsonDocument> handed = soon.remove(pending);
            if (handed == null) continue;
            taken.add(pending);
            // Kept until published, so that a failure here or in publishing is tried again on the next tick.
            unpublished.add(pending);
            if (handed == READ) {
                byCollection
                        .computeIfAbsent(pending.collection(), c -> new ArrayList<>())
                        .add(pending.id());
            } else {
                outboxes.add(new Outbox(
                        pending.collection(),
                        new BsonDocument("_id", new BsonString(pending.id()))
                                .append(AggregateStore.OUTBOX, new BsonArray(handed))));
            }
        }
        byCollection.forEach((collection, ids) -> {
            Set<String> found = new HashSet<>();
            collection
                    .find(Filters.in("_id", ids))
                    .projection(new Document(AggregateStore.OUTBOX, 1))
                    .forEach(doc -> {
                        outboxes.add(new Outbox(collection, doc));
                        found.add(doc.getString("_id").getValue());
                    });
            ids.stream()
                    .filter(id -> !found.contains(id))
                    .forEach(id -> unpublished.remove(new Pending(collection, id)));
        });
        return publish(outboxes);
    }

    private int relaySafely(java.util.function.IntSupplier round) {
        try {
            int published = round.getAsInt();
            if (failuresInARow.getAndSet(0) > 0) log.info("Outbox relay publishing again");
            return published;
        } catch (RuntimeException e) {
            if (failuresInARow.getAndIncrement() == 0) {
                log.warn(
                        "Outbox relay could not publish; events stay in the outbox and will be retried: {}",
                        e.toString());
            }
            return -1;
        }
    }

    /**
     * Sends the events of every outbox, then, aggregate by aggregate, waits for its sends and removes what was
     * published. An aggregate whose sends failed keeps its events for the sweep; the others are still removed.
     */
    private int publish(List<Outbox> outboxes) {
        List<List<OutboxEntry>> entriesOf = new ArrayList<>();
        List<List<OutboxEntry>> sentOf = new ArrayList<>();
        List<List<CompletableFuture<?>>> sendsOf = new ArrayList<>();
        for (Outbox outbox : outboxes) {
            List<OutboxEntry> entries = new ArrayList<>();
            if (outbox.doc().containsKey(AggregateStore.OUTBOX)) {
                for (BsonValue value : outbox.doc().getArray(AggregateStore.OUTBOX)) {
                    entries.add(OutboxEntry.fromDocument(toDocument(value.asDocument())));
                }
            }
            List<CompletableFuture<?>> sends = new ArrayList<>();
            List<OutboxEntry> sent = new ArrayList<>();
            for (OutboxEntry entry : entries) {
                // Published already (a round that read the store took it before a writer's hand-over came): it is
                // only removed.
                if (recentlyPublished.contains(entry.id())) continue;
                sent.add(entry);
                sends.add(publisher.publish(
                        entry.id(),
                        entry.topic(),
                        entry.type(),
                        entry.subject(),
                        entry.time(),
                        entry.payload(),
                        entry.trace(),
                        entry.correlationId()));
            }
            entriesOf.add(entries);
            sentOf.add(sent);
            sendsOf.add(sends);
        }
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        int published = 0;
        RuntimeException failure = null;
        Map<MongoCollection<BsonDocument>, List<UpdateOneModel<BsonDocument>>> removals = new LinkedHashMap<>();
        List<Pending> removed = new ArrayList<>();
        for (int i = 0; i < outboxes.size(); i++) {
            List<OutboxEntry> entries = entriesOf.get(i);
            Pending pending =
                    new Pending(outboxes.get(i).collection(), outboxes.get(i).id());
            if (entries.isEmpty()) {
                unpublished.remove(pending);
                continue;
            }
            try {
                CompletableFuture.allOf(sendsOf.get(i).toArray(CompletableFuture[]::new))
                        .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            } catch (Exception e) {
                if (failure == null) failure = new IllegalStateException("Publishing failed: " + e.getMessage(), e);
                unpublished.add(pending);
                continue;
            }
            List<OutboxEntry> sent = sentOf.get(i);
            sent.forEach(entry -> recentlyPublished.add(entry.id()));
            EventMeters counting = meters;
            if (counting != null) sent.forEach(entry -> counting.published(entry.type(), entry.payload()));
            List<String> ids = entries.stream().map(OutboxEntry::id).toList();
            removals.computeIfAbsent(outboxes.get(i).collection(), c -> new ArrayList<>())
                    .add(new UpdateOneModel<>(
                            eq("_id", outboxes.get(i).doc().get("_id")),
                            Updates.combine(
                                    Updates.pullByFilter(new Document(
                                            AggregateStore.OUTBOX, new Document("id", new Document("$in", ids)))),
                                    Updates.inc(AggregateStore.VERSION, 1L))));
            removed.add(pending);
            published += sent.size();
        }
        // What was published leaves the outboxes, one write per collection.
        removals.forEach((collection, writes) -> collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
        removed.forEach(unpublished::remove);
        if (failure != null) throw failure;
        return published;
    }

    private static Document toDocument(BsonDocument bson) {
        return DOCUMENTS.decode(
                new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::tick, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
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

    /** An aggregate marked for publishing. */
    private record Pending(MongoCollection<BsonDocument> collection, String id) {}

    /** An aggregate's outbox as read. */
    private record Outbox(MongoCollection<BsonDocument> collection, BsonDocument doc) {
        String id() {
            return doc.getString("_id").getValue();
        }
    }
}

package io.firebreak.gateway.alerts;

import io.firebreak.events.FirebreakEvent;
import io.firebreak.gateway.GatewayProperties;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Turns consumed events into stored alerts and hands each new one to the live streams. Storing an alert and
 * sending it live happen under one lock, as does a stream's replay and its joining the live audience: a
 * reconnecting supervisor misses nothing and sees nothing twice.
 *
 * <p>With several gateways, the one that consumed an event stores its alert; every gateway streams it: each looks
 * at the store every {@code alerts.tail-interval} for alerts stored after the last it saw, by any gateway. Alert
 * ids are taken before the insert, so one may be stored after a later id: the tail waits for a missing id a few
 * seconds before it passes it (an id whose insert failed never comes).
 */
@Service
class AlertService implements SmartLifecycle {

    /** How long the tail waits for a missing alert id before it passes it. */
    static final Duration HOLE_WAIT = Duration.ofSeconds(5);

    private static final AlertFilter ANY = new AlertFilter(null, null, null);
    private static final int TAIL_PAGE = 1000;

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore store;
    private final AlertStreams streams;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    private final MeterRegistry meters;
    private final Duration tailInterval;
    /** Under the lock: every id up to here was streamed or given up; those above it already streamed. */
    private long tailCursor = -1;

    private final Set<Long> streamed = new HashSet<>();
    private final Map<Long, Long> missingSince = new HashMap<>();
    private ScheduledExecutorService tailer;

    AlertService(
            AlertStore store,
            AlertStreams streams,
            Clock clock,
            ObjectProvider<MeterRegistry> meters,
            GatewayProperties properties) {
        this.store = store;
        this.streams = streams;
        this.clock = clock;
        this.tailInterval = properties.alerts().tailInterval();
        this.meters = meters.getIfAvailable();
        if (this.meters != null) {
            Gauge.builder("firebreak.alerts.streams", streams, AlertStreams::open)
                    .description("Alert streams open (supervisors subscribed)")
                    .register(this.meters);
        }
    }

    /** Hands a newly stored alert to the streams (under the lock), and counts it by kind. */
    private void stored(Alert alert) {
        stream(alert);
        if (meters != null) {
            meters.counter(
                            "firebreak.alerts",
                            "kind",
                            alert.kind().name(),
                            "class",
                            alert.complaintClass() == null
                                    ? "none"
                                    : alert.complaintClass().name())
                    .increment();
        }
    }

    void on(ReceivedEvent received) {
        onAll(List.of(received));
    }

    /**
     * The events of a poll. What they tell of their complaints is remembered first, in one write; then the alerts
     * they raise are worded, in the events' order, from their complaints as they stand after the poll (read at once
     * for every complaint the poll names, and only if an event raises one), and stored together with one write for
     * their ids and one for them. A poll brings each topic's records in turn, not in the order they happened (a
     * case's task may come before triage's assignment of it): worded after the whole poll, an alert tells the case as
     * it now stands whatever that order.
     */
    void onAll(List<ReceivedEvent> events) {
        List<FirebreakEvent> payloads =
                events.stream().map(ReceivedEvent::payload).toList();
        store.remember(payloads);
        List<Map<String, AlertStore.ComplaintFacts>> read = new ArrayList<>(1);
        Supplier<Map<String, AlertStore.ComplaintFacts>> known = () -> {
            if (read.isEmpty())
                read.add(store.factsOf(
                        payloads.stream().map(FirebreakEvent::subject).toList()));
            return read.get(0);
        };
        List<AlertStore.Raised> raised = new ArrayList<>();
        for (ReceivedEvent received : events) {
            FirebreakEvent event = received.payload();
            AlertWording.draft(
                            event, () -> known.get().getOrDefault(event.subject(), AlertStore.ComplaintFacts.UNKNOWN))
                    .ifPresent(d -> raised.add(new AlertStore.Raised(d, received.id())));
        }
        if (raised.isEmpty()) return;
        lock.lock();
        try {
            store.insertAll(raised, clock.instant()).forEach(this::stored);
        } finally {
            lock.unlock();
        }
    }

    /** Stores and streams an alert that no event words: one per {@code key}, like one per event. */
    void raise(AlertDraft draft, String key) {
        lock.lock();
        try {
            store.insert(draft, key, clock.instant()).ifPresent(this::stored);
        } finally {
            lock.unlock();
        }
    }

    private void stream(Alert alert) {
        if (tailCursor < 0 || alert.id() > tailCursor) {
            if (!streamed.add(alert.id())) return;
        }
        streams.publish(alert);
    }

    /**
     * Streams the alerts stored since the last look, by this gateway or another. With no stream open it does not
     * look (four reads a second for no one, on every gateway): it forgets where it was, and the first stream to
     * join sets the cursor again (see {@link #join}).
     */
    void tail() {
        lock.lock();
        try {
            if (streams.open() == 0) {
                tailCursor = -1;
                streamed.clear();
                missingSince.clear();
                return;
            }
            if (tailCursor < 0) {
                tailCursor = store.newestId(); // from now on: what came before is for a stream's replay
                return;
            }
            List<Alert> fresh = store.oldestFirstAfter(ANY, tailCursor, TAIL_PAGE);
            Set<Long> seen = new HashSet<>();
            long highest = tailCursor;
            for (Alert alert : fresh) {
                stream(alert);
                seen.add(alert.id());
                highest = Math.max(highest, alert.id());
            }
            long now = System.nanoTime();
            long cursor = tailCursor;
            while (cursor < highest) {
                long next = cursor + 1;
                if (!seen.contains(next) && !streamed.contains(next)) {
                    long since = missingSince.computeIfAbsent(next, id -> now);
                    if (now - since < HOLE_WAIT.toNanos()) break;
                }
                missingSince.remove(next);
                cursor = next;
            }
            tailCursor = cursor;
            long passed = cursor;
            streamed.removeIf(id -> id <= passed);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        tailer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "alert-tail");
            thread.setDaemon(true);
            return thread;
        });
        tailer.scheduleWithFixedDelay(
                () -> {
                    try {
                        tail();
                    } catch (RuntimeException e) {
                        log.warn("Looking for alerts other gateways stored failed; trying again: {}", e.toString());
                    }
                },
                0,
                tailInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (tailer != null) tailer.shutdownNow();
        tailer = null;
    }

    @Override
    public boolean isRunning() {
        return tailer != null;
    }

    /**
     * Replays the stored alerts after {@code lastId} to the stream (at most the newest {@code maxReplay}), then lets
     * it receive live ones. The replay goes page by page beside the ingest; only the last page, the few alerts
     * stored meanwhile, is sent under the lock, together with joining the live audience, so that nothing falls
     * between the two and the ingest never waits for a long replay.
     */
    void join(AlertStreams.Subscriber subscriber, Long lastId, int page, int maxReplay) {
        long cursor = lastId == null ? -1 : Math.max(Math.max(lastId, 0), store.newestId() - maxReplay);
        while (cursor >= 0) {
            List<Alert> missed = store.oldestFirstAfter(subscriber.filter(), cursor, page);
            if (missed.size() < page) break;
            for (Alert alert : missed) {
                if (!subscriber.send(alert)) return;
            }
            cursor = missed.get(missed.size() - 1).id();
        }
        lock.lock();
        try {
            if (cursor >= 0) {
                for (Alert alert : store.oldestFirstAfter(subscriber.filter(), cursor, Integer.MAX_VALUE)) {
                    if (!subscriber.send(alert)) return;
                }
            }
            // The tail rests while no stream is open: it goes on from what is stored now, which the replay covered.
            if (tailCursor < 0) tailCursor = store.newestId();
            streams.add(subscriber);
        } finally {
            lock.unlock();
        }
    }
}

package io.firebreak.gateway.alerts;

import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Turns consumed events into stored alerts and hands each new one to the live streams. Storing an alert and
 * sending it live happen under one lock, as does a stream's replay and its joining the live audience: a
 * reconnecting supervisor misses nothing and sees nothing twice.
 */
@Service
class AlertService {

    private final AlertStore store;
    private final AlertStreams streams;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    private final MeterRegistry meters;

    AlertService(AlertStore store, AlertStreams streams, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.streams = streams;
        this.clock = clock;
        this.meters = meters.getIfAvailable();
        if (this.meters != null) {
            Gauge.builder("firebreak.alerts.streams", streams, AlertStreams::open)
                    .description("Alert streams open (supervisors subscribed)").register(this.meters);
        }
    }

    /** Hands a newly stored alert to the streams, and counts it by kind. */
    private void stored(Alert alert) {
        streams.publish(alert);
        if (meters != null) {
            meters.counter("firebreak.alerts", "kind", alert.kind().name(),
                    "class", alert.complaintClass() == null ? "none" : alert.complaintClass().name()).increment();
        }
    }

    void on(ReceivedEvent received) {
        onAll(List.of(received));
    }

    /**
     * The events of a poll, in order. What they tell of their complaints is remembered in one write at the end, or
     * before an alert is worded from what was known so far (few events raise one).
     */
    void onAll(List<ReceivedEvent> events) {
        List<FirebreakEvent> toRemember = new ArrayList<>();
        for (ReceivedEvent received : events) {
            FirebreakEvent event = received.payload();
            // Worded from what was known before the event (a classification alert names the department assigned so
            // far), read only for an event that raises an alert.
            Optional<AlertDraft> draft = AlertWording.draft(event, () -> {
                store.remember(toRemember);
                toRemember.clear();
                return store.facts(event.subject());
            });
            toRemember.add(event);
            if (draft.isEmpty()) continue;
            lock.lock();
            try {
                store.insert(draft.get(), received.id(), clock.instant()).ifPresent(this::stored);
            } finally {
                lock.unlock();
            }
        }
        store.remember(toRemember);
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
            streams.add(subscriber);
        } finally {
            lock.unlock();
        }
    }
}

package io.firebreak.resolution.cases;

import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.model.Sorts;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.resolution.ResolutionProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The durable SLA clocks (不要让我等): the next instant to look at (a warning or a due time) is a field of the case
 * document, found by one indexed query on {@code nextDeadline}, so a restart loses none. Each warning and breach is
 * claimed by the store's compare-and-set together with its event, so several instances scanning at once fire each
 * once.
 */
@Component
class SlaClockScanner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaClockScanner.class);

    private final AggregateStore<ComplaintCase> store;
    private final Clock clock;
    private final ResolutionProperties.SlaClocks settings;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    SlaClockScanner(AggregateStore<ComplaintCase> store, Clock clock, ResolutionProperties properties) {
        this.store = store;
        this.clock = clock;
        this.settings = properties.slaClocks();
    }

    /**
     * Warns of every clock past its warning time and breaches every clock past its due time, earliest first;
     * returns the number of cases that changed (each change and its events one compare-and-set write).
     */
    int scan() {
        Instant now = clock.instant();
        List<Versioned<ComplaintCase>> due =
                store.findAll(lte("nextDeadline", now), Sorts.ascending("nextDeadline"), settings.batchSize());
        int changed = 0;
        for (Versioned<ComplaintCase> candidate : due) {
            // The last decision is the one written (a lost compare-and-set decides again on the fresh case).
            boolean[] fired = new boolean[1];
            store.update(candidate.id(), stored -> {
                var change = CaseDecisions.fire(stored.value(), clock.instant());
                fired[0] = change != null;
                return change;
            });
            if (fired[0]) changed++;
        }
        return changed;
    }

    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("SLA clock scan failed; the next scan retries: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sla-clocks");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::scanSafely, 0, settings.scanInterval().toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (executor == null) return;
        executor.shutdownNow();
        try {
            // A scan in flight finishes its current compare-and-set (or is interrupted) before we report stopped.
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package io.firebreak.platform.deadline;

import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.model.Sorts;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Durable deadlines on aggregates: the next instant an aggregate needs attention is a field of its document, found
 * by one indexed query, so a restart loses none. Each aggregate whose instant has passed is decided again on its
 * freshly read state and written by the store's compare-and-set together with its events, so several instances
 * scanning at once act on each deadline once. A subclass says what to do when the time has come.
 *
 * @param <T> the aggregate
 */
public abstract class DeadlineScanner<T extends Record> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScanner.class);

    private final String name;
    private final AggregateStore<T> store;
    private final String deadlineField;
    private final int batchSize;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    /**
     * @param name names the scanning thread and the log lines
     * @param deadlineField the indexed document field holding the next instant to act at (absent: nothing due)
     * @param batchSize how many due aggregates one scan takes, earliest first
     * @param interval the delay between the end of one scan and the start of the next
     */
    protected DeadlineScanner(
            String name, AggregateStore<T> store, String deadlineField, int batchSize, Duration interval, Clock clock) {
        this.name = name;
        this.store = store;
        this.deadlineField = deadlineField;
        this.batchSize = batchSize;
        this.interval = interval;
        this.clock = clock;
    }

    /** The change due for an aggregate at {@code now}, or {@code null} when nothing is (anymore). */
    protected abstract Change<T> decide(T aggregate, Instant now);

    /** Acts on every aggregate whose deadline has passed, earliest first; returns how many changed. */
    public int scan() {
        List<Versioned<T>> due =
                store.findAll(lte(deadlineField, clock.instant()), Sorts.ascending(deadlineField), batchSize);
        int changed = 0;
        for (Versioned<T> candidate : due) {
            // The last decision is the one written (a lost compare-and-set decides again on the fresh state).
            boolean[] acted = new boolean[1];
            store.update(candidate.id(), stored -> {
                Change<T> change = decide(stored.value(), clock.instant());
                acted[0] = change != null;
                return change;
            });
            if (acted[0]) changed++;
        }
        return changed;
    }

    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("{} scan failed; the next scan retries: {}", name, e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        // The first scan at once: what fell due while the service was down is acted on when it comes back.
        executor.scheduleWithFixedDelay(this::scanSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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

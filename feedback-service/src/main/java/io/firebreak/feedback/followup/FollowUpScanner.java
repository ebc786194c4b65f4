package io.firebreak.feedback.followup;

import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.model.Sorts;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Versioned;
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
 * The follow-up clock: the next instant a complaint's follow-up needs attention (its due time, or the time to give
 * up waiting) is a field of its document, found by one indexed query, so a restart loses none; each survey and
 * each "no response" closing is one compare-and-set write with its event, so several instances do it once.
 */
@Component
class FollowUpScanner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FollowUpScanner.class);
    private static final int BATCH = 200;

    private final AggregateStore<ComplaintFollowUps> store;
    private final FollowUpDecisions decisions;
    private final Clock clock;
    private final FeedbackProperties.FollowUp settings;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    FollowUpScanner(AggregateStore<ComplaintFollowUps> store, FollowUpDecisions decisions, Clock clock,
            FeedbackProperties properties) {
        this.store = store;
        this.decisions = decisions;
        this.clock = clock;
        this.settings = properties.followUp();
    }

    /** Acts on every follow-up whose time has come, earliest first; returns how many changed. */
    int scan() {
        Instant now = clock.instant();
        List<Versioned<ComplaintFollowUps>> due = store.findAll(lte("nextAt", now), Sorts.ascending("nextAt"), BATCH);
        int changed = 0;
        for (Versioned<ComplaintFollowUps> candidate : due) {
            boolean[] acted = new boolean[1];
            store.update(candidate.id(), stored -> {
                var change = decisions.tick(stored.value(), clock.instant());
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
            log.warn("Follow-up scan failed; the next scan retries: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "follow-up-clock");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::scanSafely, settings.scanInterval().toMillis(),
                settings.scanInterval().toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (executor == null) return;
        executor.shutdownNow();
        try {
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

package io.firebreak.platform.outbox;

import io.firebreak.platform.kafka.EventPublisher;
import io.firebreak.platform.tracing.TraceHeaders;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbox's tests' broker: it records the ids of the events it publishes, fails every send while {@code failing},
 * or ({@link #neverAnswering()}) never answers, so that the relay never removes what it sent.
 */
final class TestPublisher extends EventPublisher {

    volatile boolean failing;
    final AtomicInteger calls = new AtomicInteger();
    /** The ids of the events published, in order. */
    final List<String> published = new CopyOnWriteArrayList<>();

    private final boolean answers;

    TestPublisher() {
        this(true);
    }

    private TestPublisher(boolean answers) {
        super(null, "test");
        this.answers = answers;
    }

    static TestPublisher neverAnswering() {
        return new TestPublisher(false);
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
        if (!answers) return new CompletableFuture<>();
        if (failing) return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
        published.add(id);
        return CompletableFuture.completedFuture(null);
    }
}

package io.firebreak.platform.kafka;

import java.util.List;

/**
 * A service's declaration that it consumes these topics with this handler. The platform runs the listener
 * containers, retries a failing record a bounded number of times and then dead-letters it. A subscription with a
 * {@code group} consumes in its own consumer group ({@code <service>.<group>}), so that two subscriptions of one
 * service to the same topics each see every event, and each keeps its own place. With a {@code batch} handler, the
 * events of one poll are handed over together (see {@link EventBatchHandler}).
 */
public record EventSubscription(List<String> topics, EventHandler handler, String group, EventBatchHandler batch) {

    public EventSubscription(List<String> topics, EventHandler handler) {
        this(topics, handler, null, null);
    }

    public static EventSubscription to(List<String> topics, EventHandler handler) {
        return new EventSubscription(topics, handler, null, null);
    }

    /** A subscription in its own consumer group, {@code <service>.<group>}. */
    public static EventSubscription inGroup(String group, List<String> topics, EventHandler handler) {
        return new EventSubscription(topics, handler, group, null);
    }

    /**
     * The same subscription, taking what each poll brings at once with {@code batch}; {@code handler} still
     * applies an event alone (a batch that failed, a replayed dead letter).
     */
    public EventSubscription inBatches(EventBatchHandler batch) {
        return new EventSubscription(topics, handler, group, batch);
    }
}

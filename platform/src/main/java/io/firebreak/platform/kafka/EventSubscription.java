package io.firebreak.platform.kafka;

import java.util.List;

/**
 * A service's declaration that it consumes these topics with this handler. The platform runs the listener
 * containers, retries a failing record a bounded number of times and then dead-letters it.
 */
public record EventSubscription(List<String> topics, EventHandler handler) {

    public static EventSubscription to(List<String> topics, EventHandler handler) {
        return new EventSubscription(topics, handler);
    }
}

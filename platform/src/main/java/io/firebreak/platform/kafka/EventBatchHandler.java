package io.firebreak.platform.kafka;

import java.util.List;

/**
 * What a service does with the events one poll brought, in their order: e.g. each aggregate read once and written
 * once for all its events. Idempotent as {@link EventHandler}: if it fails, the platform applies the same events
 * again one by one with the subscription's {@link EventHandler}, which must then leave what was applied as it is.
 */
@FunctionalInterface
public interface EventBatchHandler {

    void handle(List<ReceivedEvent> events);
}

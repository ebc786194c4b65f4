package io.firebreak.platform.kafka;

/** What a service does with one consumed event. It must be idempotent: delivery is at least once. */
@FunctionalInterface
public interface EventHandler {

    void handle(ReceivedEvent event);
}

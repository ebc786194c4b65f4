package io.firebreak.events;

import java.time.Instant;

/** A fact that one service publishes and others may consume; the payload of one CloudEvent. */
public interface FirebreakEvent {

    /** The CloudEvents {@code subject} and the Kafka record key: what this event is about. */
    String subject();

    Instant occurredAt();
}

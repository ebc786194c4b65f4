package io.firebreak.platform.test;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A Kafka broker and a MongoDB-protocol store for integration tests: embedded, or real containers. */
public interface Infrastructure {

    String kafkaBootstrapServers();

    String mongoUri();

    /** Points a Spring test context at this infrastructure, with the test token secret. */
    default void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrapServers);
        registry.add("firebreak.mongo.uri", this::mongoUri);
        registry.add("firebreak.mongo.write-concern", () -> "acknowledged");
        registry.add("firebreak.security.jwt-secret", () -> TestTokens.SECRET);
        // The secrets intake and the gateway require (none ship); the other services ignore them.
        registry.add("firebreak.intake.customer-id-key", () -> "test-customer-id-key-of-at-least-32-chars");
        registry.add("firebreak.gateway.webhooks.secret-key", () -> "test-webhook-secret-key-of-32-chars-or-more");
        registry.add("firebreak.outbox.sweep-interval", () -> "500ms");
        registry.add("firebreak.outbox.full-sweep-interval", () -> "1s");
        registry.add("firebreak.kafka.retry-backoff", () -> "50ms");
    }

    /**
     * As {@link #register(DynamicPropertyRegistry)}, with a database of its own named after the service (e.g.
     * "triage-1a2b3c4d"), so test classes sharing the store don't see each other's data.
     */
    default void register(DynamicPropertyRegistry registry, String service) {
        register(registry);
        String database = service + "-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("firebreak.mongo.database", () -> database);
    }
}

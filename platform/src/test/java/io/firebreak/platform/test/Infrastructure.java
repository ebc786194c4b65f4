package io.firebreak.platform.test;

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
        registry.add("firebreak.outbox.sweep-interval", () -> "500ms");
        registry.add("firebreak.kafka.retry-backoff", () -> "50ms");
    }
}

package io.firebreak.platform.test;

import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.kafka.EventCodec;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of a service's contract tests: its HTTP API, other services' events and a probe on its topic, per test. */
public abstract class ServiceContract {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    protected TestApi api;
    protected TestEvents events;
    protected TopicProbe probe;

    private final String topic;

    /** {@code topic}: the topic the service publishes on, which {@link #probe} reads. */
    protected ServiceContract(String topic) {
        this.topic = topic;
    }

    @BeforeEach
    void connect() {
        api = new TestApi(port);
        events = new TestEvents(bootstrapServers);
        probe = new TopicProbe(bootstrapServers, topic);
    }

    @AfterEach
    void disconnect() {
        probe.close();
        events.close();
    }

    protected static String newId() {
        return "c-" + UUID.randomUUID();
    }

    /** The CloudEvents type of a record. */
    protected static String type(ConsumerRecord<String, String> record) {
        return CloudEvents.header(record.headers(), CloudEvents.TYPE);
    }
}

package io.firebreak.platform.kafka;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Sends one event as a CloudEvents binary-mode Kafka record, keyed by its subject. */
public class EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final String source;

    public EventPublisher(KafkaTemplate<String, String> kafka, String serviceName) {
        this.kafka = kafka;
        this.source = CloudEvents.source(serviceName);
    }

    public CompletableFuture<?> publish(String id, String topic, String type, String subject, Instant time,
            String payload, String traceparent, String correlationId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, time.toEpochMilli(), subject, payload);
        CloudEvents.put(record.headers(), CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_VALUE);
        CloudEvents.put(record.headers(), CloudEvents.ID, id);
        CloudEvents.put(record.headers(), CloudEvents.TYPE, type);
        CloudEvents.put(record.headers(), CloudEvents.SOURCE, source);
        CloudEvents.put(record.headers(), CloudEvents.SUBJECT, subject);
        CloudEvents.put(record.headers(), CloudEvents.TIME, time.toString());
        CloudEvents.put(record.headers(), CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        CloudEvents.put(record.headers(), CloudEvents.TRACEPARENT, traceparent);
        CloudEvents.put(record.headers(), CloudEvents.CORRELATION_ID, correlationId);
        return kafka.send(record);
    }
}

package io.firebreak.platform.kafka;

import io.firebreak.platform.tracing.Spans;
import io.firebreak.platform.tracing.TraceHeaders;
import io.micrometer.tracing.Span;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends one event as a CloudEvents binary-mode Kafka record, keyed by its subject, in a producer span that is a child
 * of the work that wrote the event (its trace context stored with it) and the parent of its handling.
 */
public class EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final String source;
    private final Spans spans;

    public EventPublisher(KafkaTemplate<String, String> kafka, String serviceName) {
        this(kafka, serviceName, Spans.NONE);
    }

    public EventPublisher(KafkaTemplate<String, String> kafka, String serviceName, Spans spans) {
        this.kafka = kafka;
        this.source = CloudEvents.source(serviceName);
        this.spans = spans;
    }

    public CompletableFuture<?> publish(
            String id,
            String topic,
            String type,
            String subject,
            Instant time,
            String payload,
            TraceHeaders trace,
            String correlationId) {
        Spans.Started span = spans.start("publish " + type, Span.Kind.PRODUCER, trace);
        span.span()
                .remoteServiceName("kafka")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", id);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic, null, time.toEpochMilli(), subject, payload);
        CloudEvents.put(record.headers(), CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_VALUE);
        CloudEvents.put(record.headers(), CloudEvents.ID, id);
        CloudEvents.put(record.headers(), CloudEvents.TYPE, type);
        CloudEvents.put(record.headers(), CloudEvents.SOURCE, source);
        CloudEvents.put(record.headers(), CloudEvents.SUBJECT, subject);
        CloudEvents.put(record.headers(), CloudEvents.TIME, time.toString());
        CloudEvents.put(record.headers(), CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        CloudEvents.put(
                record.headers(), CloudEvents.TRACEPARENT, span.headers().traceparent());
        CloudEvents.put(record.headers(), CloudEvents.TRACESTATE, span.headers().tracestate());
        CloudEvents.put(record.headers(), CloudEvents.CORRELATION_ID, correlationId);
        try {
            return kafka.send(record).whenComplete((sent, error) -> span.end(error));
        } catch (RuntimeException e) {
            span.end(e);
            throw e;
        }
    }
}

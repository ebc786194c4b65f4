package io.firebreak.platform.test;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.kafka.EventCodec;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as another service would (CloudEvents headers, key = subject), or raw records, for consumers. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec = new EventCodec();

    public TestEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
    }

    /** Publishes the event with a new id on its type's topic; returns the id. */
    public String publish(FirebreakEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    /** Publishes the event with the given id (publish the same id twice to simulate a redelivery). */
    public RecordMetadata publish(FirebreakEvent event, String id) {
        return sendEvent(event, id, null, Map.of());
    }

    /**
     * Publishes the event with the given id to one partition of its topic, whatever its key: a later record on
     * the same partition is consumed after it, so waiting for that one's effect waits for this one too.
     */
    public RecordMetadata publish(FirebreakEvent event, String id, int partition) {
        return sendEvent(event, id, partition, Map.of());
    }

    /** Publishes the event with the given id and further headers (e.g. a correlation id or traceparent). */
    public RecordMetadata publish(FirebreakEvent event, String id, Map<String, String> extraHeaders) {
        return sendEvent(event, id, null, extraHeaders);
    }

    /** Sends a raw record with CloudEvents headers (any body, e.g. malformed JSON); subject = key. */
    public RecordMetadata send(String topic, String type, String id, String key, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        envelope(record, id, type, key, Instant.now());
        return send(record);
    }

    /** Sends a record with no headers at all, as something that is not a Firebreak service might. */
    public RecordMetadata sendWithoutHeaders(String topic, String key, String body) {
        return send(new ProducerRecord<>(topic, key, body));
    }

    @Override
    public void close() {
        producer.close();
    }

    private RecordMetadata sendEvent(FirebreakEvent event, String id, Integer partition, Map<String, String> extra) {
        EventType type = EventType.of(event);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(type.topic(), partition, event.subject(), codec.toJson(event));
        envelope(record, id, type.wireName(), event.subject(), event.occurredAt());
        extra.forEach((name, value) -> CloudEvents.put(record.headers(), name, value));
        return send(record);
    }

    private static void envelope(
            ProducerRecord<String, String> record, String id, String type, String subject, Instant time) {
        CloudEvents.put(record.headers(), CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_VALUE);
        CloudEvents.put(record.headers(), CloudEvents.ID, id);
        CloudEvents.put(record.headers(), CloudEvents.TYPE, type);
        CloudEvents.put(record.headers(), CloudEvents.SOURCE, "/firebreak/test");
        CloudEvents.put(record.headers(), CloudEvents.SUBJECT, subject);
        CloudEvents.put(record.headers(), CloudEvents.TIME, time.toString());
        CloudEvents.put(record.headers(), CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
    }

    private RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send a test record to " + record.topic(), e);
        }
    }
}

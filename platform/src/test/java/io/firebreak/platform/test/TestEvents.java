package io.firebreak.platform.test;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.kafka.EventCodec;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as another service would (CloudEvents headers, key = subject), for consumer tests. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec = new EventCodec();

    public TestEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** Publishes the event with a new id on its type's topic; returns the id. */
    public String publish(FirebreakEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** Publishes the event with the given id (publish the same id twice to simulate a redelivery). */
    public String publish(FirebreakEvent event, String id) {
        EventType type = EventType.of(event);
        return send(type.topic(), type.wireName(), id, event.subject(), codec.toJson(event));
    }

    /** Sends a raw record with CloudEvents headers (any body, e.g. malformed JSON). */
    public String send(String topic, String type, String id, String key, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        CloudEvents.put(record.headers(), CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_VALUE);
        CloudEvents.put(record.headers(), CloudEvents.ID, id);
        CloudEvents.put(record.headers(), CloudEvents.TYPE, type);
        CloudEvents.put(record.headers(), CloudEvents.SOURCE, "/firebreak/test");
        CloudEvents.put(record.headers(), CloudEvents.SUBJECT, key);
        CloudEvents.put(record.headers(), CloudEvents.TIME, java.time.Instant.now().toString());
        CloudEvents.put(record.headers(), CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish test event", e);
        }
        return id;
    }

    @Override
    public void close() {
        producer.close();
    }
}

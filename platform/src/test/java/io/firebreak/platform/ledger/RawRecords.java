package io.firebreak.platform.ledger;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.kafka.EventCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** A plain Kafka producer, to put records on a topic exactly as given: events, redeliveries, garbage. */
final class RawRecords implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec = new EventCodec();

    RawRecords(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** The CloudEvents headers another service would put on an event with this id and type. */
    static Map<String, String> envelope(String id, String type, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_VALUE);
        headers.put(CloudEvents.ID, id);
        headers.put(CloudEvents.TYPE, type);
        headers.put(CloudEvents.SOURCE, "/firebreak/test");
        headers.put(CloudEvents.SUBJECT, subject);
        headers.put(CloudEvents.TIME, java.time.Instant.now().toString());
        headers.put(CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        return headers;
    }

    /** Publishes the event on its type's topic with the given id and any extra headers. */
    RecordMetadata event(FirebreakEvent event, String id, Map<String, String> extraHeaders) {
        EventType type = EventType.of(event);
        Map<String, String> headers = envelope(id, type.wireName(), event.subject());
        headers.putAll(extraHeaders);
        return send(type.topic(), event.subject(), codec.toJson(event), headers);
    }

    RecordMetadata event(FirebreakEvent event, String id) {
        return event(event, id, Map.of());
    }

    RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> CloudEvents.put(record.headers(), name, text));
        try {
            return producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

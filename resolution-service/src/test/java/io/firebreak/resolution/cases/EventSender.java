package io.firebreak.resolution.cases;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.kafka.EventCodec;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events the way another service would: CloudEvents binary mode, keyed by the complaint id. */
final class EventSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec = new EventCodec();

    EventSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** Sends the event with a new id and returns the id. */
    String send(FirebreakEvent event) {
        String id = UUID.randomUUID().toString();
        send(id, event, null);
        return id;
    }

    /** Sends the event with the given id (the same id again is a redelivery), to a partition if one is given. */
    void send(String id, FirebreakEvent event, Integer partition) {
        EventType type = EventType.of(event);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(type.topic(), partition, event.subject(), codec.toJson(event));
        CloudEvents.put(record.headers(), CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_VALUE);
        CloudEvents.put(record.headers(), CloudEvents.ID, id);
        CloudEvents.put(record.headers(), CloudEvents.TYPE, type.wireName());
        CloudEvents.put(record.headers(), CloudEvents.SOURCE, "/firebreak/test");
        CloudEvents.put(record.headers(), CloudEvents.SUBJECT, event.subject());
        CloudEvents.put(record.headers(), CloudEvents.TIME, event.occurredAt().toString());
        CloudEvents.put(record.headers(), CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send " + type.wireName(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

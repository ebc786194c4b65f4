package io.firebreak.platform.kafka;

import io.firebreak.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * {@code /actuator/deadletters} (ADMIN): what this service dead-lettered, and a replay that runs those records
 * through the same handler again once the cause is fixed. Handlers are idempotent, so a replay is safe to repeat.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterEndpoint.class);

    private final ConsumerFactory<String, String> consumers;
    private final EventListeners listeners;
    private final EventDispatcher dispatcher;

    public DeadLetterEndpoint(
            ConsumerFactory<String, String> consumers, EventListeners listeners, EventDispatcher dispatcher) {
        this.consumers = consumers;
        this.listeners = listeners;
        this.dispatcher = dispatcher;
    }

    @ReadOperation
    public Map<String, Object> list() {
        List<Map<String, String>> records = new ArrayList<>();
        forEachDeadLetter((record, subscription) -> records.add(Map.of(
                "topic", record.topic(),
                "offset", String.valueOf(record.offset()),
                "key", String.valueOf(record.key()),
                "type", String.valueOf(CloudEvents.header(record.headers(), CloudEvents.TYPE)),
                "error", String.valueOf(CloudEvents.header(record.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE)))));
        return Map.of("group", listeners.groupId(), "count", records.size(), "records", records);
    }

    @WriteOperation
    public Map<String, Object> replay() {
        int[] counts = new int[2];
        forEachDeadLetter((record, subscription) -> {
            try {
                dispatcher.dispatch(record, subscription.handler());
                counts[0]++;
            } catch (RuntimeException e) {
                counts[1]++;
                log.warn("Dead letter {}@{} still fails: {}", record.topic(), record.offset(), e.toString());
            }
        });
        return Map.of("replayed", counts[0], "failed", counts[1]);
    }

    private void forEachDeadLetter(
            java.util.function.BiConsumer<ConsumerRecord<String, String>, EventSubscription> action) {
        // By consumer group and topic: two subscriptions may read one topic, each in its own group.
        Map<String, EventSubscription> byGroupAndTopic = new LinkedHashMap<>();
        Set<String> topics = new LinkedHashSet<>();
        listeners
                .subscriptions()
                .forEach(s -> s.topics().forEach(t -> {
                    byGroupAndTopic.put(listeners.groupOf(s) + "|" + t, s);
                    topics.add(t);
                }));
        java.util.Properties overrides = new java.util.Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> consumer =
                consumers.createConsumer(listeners.groupId() + ".deadletters", null, null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                Optional.ofNullable(consumer.partitionsFor(Topics.deadLetter(topic), Duration.ofSeconds(5)))
                        .orElse(List.of())
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            if (partitions.isEmpty()) return;
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String group = CloudEvents.header(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
                    String original = CloudEvents.header(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC);
                    EventSubscription subscription = byGroupAndTopic.get(group + "|" + original);
                    if (subscription != null) action.accept(record, subscription);
                }
            }
        }
    }
}

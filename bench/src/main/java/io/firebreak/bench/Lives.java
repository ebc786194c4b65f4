package io.firebreak.bench;

import io.firebreak.events.EventType;
import io.firebreak.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of every complaint the benchmark submitted, stamped from the events on the services' topics as this
 * process reads them. Every stamp is {@link System#nanoTime()} of this process, the same clock the load generator
 * schedules and times requests with, so differences need no clock agreement with the services.
 */
final class Lives implements AutoCloseable {

    /** One submitted complaint. Stamps are 0 until seen. */
    static final class Life {
        final String id;
        volatile long intendedNanos;
        volatile int step = -1;
        volatile Texts.Kind kind;
        volatile boolean complete;
        volatile long receivedNanos;
        volatile long assignedNanos;
        volatile long openedNanos;
        volatile long resolvedNanos;
        volatile long followUpPendingNanos;
        volatile long closedNanos;
        volatile String classifiedAs;
        volatile String receivedEventId;
        final AtomicLong phantomReceived = new AtomicLong();

        Life(String id) {
            this.id = id;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RECEIVED = EventType.COMPLAINT_RECEIVED.wireName();
    private static final String CLASSIFIED = EventType.COMPLAINT_CLASSIFIED.wireName();
    private static final String ASSIGNED = EventType.RESPONSIBILITY_ASSIGNED.wireName();
    private static final String OPENED = EventType.CASE_OPENED.wireName();
    private static final String RESOLVED = EventType.CASE_RESOLVED.wireName();
    /** Feedback's word that it holds the resolution: published in the same write that makes its follow-up pending. */
    private static final String FOLLOW_UP_PENDING = EventType.ROOTCAUSE_RECORDED.wireName();

    private static final String CLOSED = EventType.COMPLAINT_CLOSED.wireName();

    private final Map<String, Life> lives = new ConcurrentHashMap<>();
    private final AtomicLong assignedCount = new AtomicLong();
    private final AtomicLong closedCount = new AtomicLong();
    private final AtomicLong eventsRead = new AtomicLong();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<Life> onOpened = life -> {};
    private volatile Consumer<Life> onFollowUpPending = life -> {};

    Lives(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        // No group: this reader commits nothing and is invisible to the services; it starts at the end.
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "bench-events");
        thread.setDaemon(true);
        thread.start();
    }

    void onOpened(Consumer<Life> action) {
        this.onOpened = action;
    }

    /**
     * What to do when feedback holds a complaint's resolution and its follow-up is pending (the follow-up is in the
     * agents' queue then, not before).
     */
    void onFollowUpPending(Consumer<Life> action) {
        this.onFollowUpPending = action;
    }

    /** The life of {@code id}, made if this is the first word of it (an event may come before the HTTP answer). */
    Life life(String id) {
        return lives.computeIfAbsent(id, Life::new);
    }

    /** Lives the benchmark submitted (an intended send time is known). */
    List<Life> submitted() {
        return lives.values().stream().filter(l -> l.step >= 0).toList();
    }

    long assignedCount() {
        return assignedCount.get();
    }

    long closedCount() {
        return closedCount.get();
    }

    long eventsRead() {
        return eventsRead.get();
    }

    private void run() {
        while (running) {
            try {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    eventsRead.incrementAndGet();
                    if (record.key() == null) continue;
                    String type = header(record, "ce_type");
                    if (type == null) continue;
                    handle(record, type, now);
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                break;
            } catch (RuntimeException e) {
                System.err.println("event reader: " + e);
            }
        }
    }

    private void handle(ConsumerRecord<String, String> record, String type, long now) {
        if (type.equals(RECEIVED)) {
            Life life = life(record.key());
            String eventId = header(record, "ce_id");
            if (life.receivedNanos == 0) {
                life.receivedNanos = now;
                life.receivedEventId = eventId;
            } else if (eventId != null && !eventId.equals(life.receivedEventId)) {
                // A redelivery carries the same event id; a second, different "received" would be a phantom.
                life.phantomReceived.incrementAndGet();
            }
        } else if (type.equals(CLASSIFIED)) {
            Life life = lives.get(record.key());
            if (life != null && life.classifiedAs == null) {
                JsonNode payload = JSON.readTree(record.value());
                life.classifiedAs = payload.path("complaintClass").asString();
            }
        } else if (type.equals(ASSIGNED)) {
            Life life = life(record.key());
            if (life.assignedNanos == 0) {
                life.assignedNanos = now;
                assignedCount.incrementAndGet();
            }
        } else if (type.equals(OPENED)) {
            Life life = lives.get(record.key());
            if (life != null && life.openedNanos == 0) {
                life.openedNanos = now;
                if (life.complete) onOpened.accept(life);
            }
        } else if (type.equals(RESOLVED)) {
            Life life = lives.get(record.key());
            if (life != null && life.resolvedNanos == 0) life.resolvedNanos = now;
        } else if (type.equals(FOLLOW_UP_PENDING)) {
            Life life = lives.get(record.key());
            if (life != null && life.followUpPendingNanos == 0) {
                life.followUpPendingNanos = now;
                if (life.complete) onFollowUpPending.accept(life);
            }
        } else if (type.equals(CLOSED)) {
            Life life = lives.get(record.key());
            if (life != null && life.closedNanos == 0) {
                life.closedNanos = now;
                closedCount.incrementAndGet();
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}

package io.firebreak.platform.kafka;

import io.firebreak.platform.web.Correlation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** Reads a record into an event and hands it to a handler, with the event's correlation id and trace in the MDC. */
public class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final EventCodec codec;
    /** Where a record that failed alone waits to be retried ("topic-partition@offset"), so it is retried alone. */
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    public EventDispatcher(EventCodec codec) {
        this.codec = codec;
    }

    public void dispatch(ConsumerRecord<String, String> record, EventHandler handler) {
        // A replay runs inside an HTTP request that has its own correlation: put it back afterwards.
        Map<String, String> outer = MDC.getCopyOfContextMap();
        Correlation.begin(CloudEvents.header(record.headers(), CloudEvents.CORRELATION_ID),
                CloudEvents.header(record.headers(), CloudEvents.TRACEPARENT));
        Correlation.complaint(record.key());
        try {
            codec.read(record).ifPresent(handler::handle);
        } finally {
            Correlation.end();
            if (outer != null) MDC.setContextMap(outer);
        }
    }

    /**
     * Runs {@code work} for one event of a batch with the event's correlation id, trace and complaint in the MDC, as
     * {@link #dispatch} does for an event alone: what it logs and publishes carries them on.
     */
    public static void within(ReceivedEvent event, Runnable work) {
        Map<String, String> outer = MDC.getCopyOfContextMap();
        Correlation.begin(event.correlationId(), event.traceparent());
        Correlation.complaint(event.subject());
        try {
            work.run();
        } finally {
            Correlation.end();
            if (outer != null) MDC.setContextMap(outer);
        }
    }

    /**
     * Hands the records of one poll to the subscription's batch handler at once. If a record cannot be read or the
     * batch fails, the records are applied one by one with its single handler instead (idempotent: what the batch
     * applied stays), and the first that fails is reported by its place in the poll, so that the records before it
     * are committed and it is retried, then dead-lettered, alone: an event that fails is tried once in its batch
     * and then as often as an event alone is.
     */
    public void dispatchBatch(List<ConsumerRecord<String, String>> records, EventSubscription subscription) {
        // A poll that starts with the record that failed alone before is a retry of it: alone again, not in a batch.
        if (!records.isEmpty() && !failed.remove(position(records.get(0)))) {
            if (applyBatch(records, subscription)) return;
        }
        for (int i = 0; i < records.size(); i++) {
            try {
                dispatch(records.get(i), subscription.handler());
            } catch (RuntimeException e) {
                // Bounded: the position of a record dead-lettered on its last attempt is never asked for again.
                if (failed.size() >= 1_000) failed.clear();
                failed.add(position(records.get(i)));
                // The record's own error, as an event alone would fail with (the dead letter's headers carry it).
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** False if the batch failed (part of it may have been applied: applying it again changes nothing). */
    private boolean applyBatch(List<ConsumerRecord<String, String>> records, EventSubscription subscription) {
        List<ReceivedEvent> events = new ArrayList<>(records.size());
        try {
            for (ConsumerRecord<String, String> record : records) {
                Optional<ReceivedEvent> event = codec.read(record);
                event.ifPresent(events::add);
            }
            if (!events.isEmpty()) subscription.batch().handle(events);
            return true;
        } catch (RuntimeException e) {
            log.info("A batch of {} records failed ({}); applying them one by one", records.size(), e.toString());
            return false;
        }
    }
}

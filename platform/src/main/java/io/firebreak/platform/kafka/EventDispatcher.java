package io.firebreak.platform.kafka;

import io.firebreak.platform.tracing.Spans;
import io.firebreak.platform.tracing.TraceHeaders;
import io.firebreak.platform.web.Correlation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
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

/**
 * Reads a record into an event and hands it to a handler, in a consumer span (a child of the span that published
 * it) and with the event's correlation id and that span's trace context in the MDC.
 */
public class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final EventCodec codec;
    private final Spans spans;
    /** Where a record that failed alone waits to be retried ("topic-partition@offset"), so it is retried alone. */
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    public EventDispatcher(EventCodec codec) {
        this(codec, Spans.NONE);
    }

    public EventDispatcher(EventCodec codec, Spans spans) {
        this.codec = codec;
        this.spans = spans;
    }

    @SuppressWarnings("try") // the span is in scope while the handler runs
    public void dispatch(ConsumerRecord<String, String> record, EventHandler handler) {
        // A replay runs inside an HTTP request that has its own correlation: put it back afterwards.
        Map<String, String> outer = MDC.getCopyOfContextMap();
        Spans.Started span = handling(record);
        Throwable error = null;
        try (Tracer.SpanInScope scope = span.inScope()) {
            Correlation.begin(CloudEvents.header(record.headers(), CloudEvents.CORRELATION_ID), span.headers());
            Correlation.complaint(record.key());
            codec.read(record).map(event -> event.withTrace(span.headers())).ifPresent(handler::handle);
        } catch (RuntimeException | Error e) {
            error = e;
            throw e;
        } finally {
            span.end(error);
            Correlation.end();
            if (outer != null) MDC.setContextMap(outer);
        }
    }

    /** The consumer span of handling one record, a child of the trace context in its headers. */
    private Spans.Started handling(ConsumerRecord<String, String> record) {
        Spans.Started span = spans.start(
                "handle " + CloudEvents.header(record.headers(), CloudEvents.TYPE),
                Span.Kind.CONSUMER,
                new TraceHeaders(
                        CloudEvents.header(record.headers(), CloudEvents.TRACEPARENT),
                        CloudEvents.header(record.headers(), CloudEvents.TRACESTATE)));
        span.span()
                .remoteServiceName("kafka")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic());
        return span;
    }

    /**
     * Runs {@code work} for one event of a batch with the event's correlation id, trace and complaint in the MDC, as
     * {@link #dispatch} does for an event alone: what it logs and publishes carries them on.
     */
    public static void within(ReceivedEvent event, Runnable work) {
        Map<String, String> outer = MDC.getCopyOfContextMap();
        Correlation.begin(event.correlationId(), event.trace());
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

    /**
     * False if the batch failed (part of it may have been applied: applying it again changes nothing). Each event
     * is handled in its own consumer span, put in the MDC by {@link #within} where the handler works on it.
     */
    private boolean applyBatch(List<ConsumerRecord<String, String>> records, EventSubscription subscription) {
        List<ReceivedEvent> events = new ArrayList<>(records.size());
        List<Spans.Started> handling = new ArrayList<>(records.size());
        RuntimeException error = null;
        try {
            for (ConsumerRecord<String, String> record : records) {
                Spans.Started span = handling(record);
                handling.add(span);
                Optional<ReceivedEvent> event = codec.read(record);
                event.ifPresent(e -> events.add(e.withTrace(span.headers())));
            }
            if (!events.isEmpty()) subscription.batch().handle(events);
            return true;
        } catch (RuntimeException e) {
            error = e;
            log.info("A batch of {} records failed ({}); applying them one by one", records.size(), e.toString());
            return false;
        } finally {
            for (Spans.Started span : handling) span.end(error);
        }
    }
}

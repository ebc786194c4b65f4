package io.firebreak.platform.outbox;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.tracing.TraceHeaders;
import io.firebreak.platform.web.Correlation;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/**
 * One event waiting in an aggregate's outbox, with the envelope it will be published in: the trace context and
 * correlation id of the work that wrote it (its publishing span is a child of that work's).
 */
record OutboxEntry(
        String id,
        String topic,
        String type,
        String subject,
        Instant time,
        String payload,
        TraceHeaders trace,
        String correlationId) {

    OutboxEntry {
        if (trace == null) trace = TraceHeaders.NONE;
    }

    static OutboxEntry of(FirebreakEvent event, String payloadJson) {
        EventType type = EventType.of(event);
        return new OutboxEntry(
                UUID.randomUUID().toString(),
                type.topic(),
                type.wireName(),
                event.subject(),
                event.occurredAt(),
                payloadJson,
                Correlation.trace(),
                Correlation.correlationId());
    }

    Document toDocument() {
        Document d = new Document("id", id)
                .append("topic", topic)
                .append("type", type)
                .append("subject", subject)
                .append("time", Date.from(time))
                .append("payload", payload);
        if (trace.traceparent() != null) d.append("traceparent", trace.traceparent());
        if (trace.tracestate() != null) d.append("tracestate", trace.tracestate());
        if (correlationId != null) d.append("correlationId", correlationId);
        return d;
    }

    static OutboxEntry fromDocument(Document d) {
        return new OutboxEntry(
                d.getString("id"),
                d.getString("topic"),
                d.getString("type"),
                d.getString("subject"),
                d.getDate("time").toInstant(),
                d.getString("payload"),
                new TraceHeaders(d.getString("traceparent"), d.getString("tracestate")),
                d.getString("correlationId"));
    }
}

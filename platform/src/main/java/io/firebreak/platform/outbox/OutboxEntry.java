package io.firebreak.platform.outbox;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.tracing.TraceHeaders;
import io.firebreak.platform.web.Correlation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * One event waiting in an aggregate's outbox, with the envelope it will be published in: the trace context and
 * correlation id of the work that wrote it (its publishing span is a child of that work's). The payload is stored as
 * its UTF-8 bytes: a description of a few hundred Chinese characters costs the driver a character-by-character
 * encoding as a string, and the store a decoding and encoding; as bytes it is copied.
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

    /** The entry as it is kept in an outbox. */
    BsonDocument toBsonDocument() {
        BsonDocument d = new BsonDocument("id", new BsonString(id))
                .append("topic", new BsonString(topic))
                .append("type", new BsonString(type))
                .append("subject", subject == null ? BsonNull.VALUE : new BsonString(subject))
                .append("time", new BsonDateTime(time.toEpochMilli()))
                .append("payload", new BsonBinary(payload.getBytes(StandardCharsets.UTF_8)));
        if (trace.traceparent() != null) d.append("traceparent", new BsonString(trace.traceparent()));
        if (trace.tracestate() != null) d.append("tracestate", new BsonString(trace.tracestate()));
        if (correlationId != null) d.append("correlationId", new BsonString(correlationId));
        return d;
    }

    static OutboxEntry fromDocument(Document d) {
        return new OutboxEntry(
                d.getString("id"),
                d.getString("topic"),
                d.getString("type"),
                d.getString("subject"),
                d.getDate("time").toInstant(),
                payloadOf(d.get("payload")),
                new TraceHeaders(d.getString("traceparent"), d.getString("tracestate")),
                d.getString("correlationId"));
    }

    /** A stored payload: its bytes, or the text an outbox held before payloads were kept as bytes. */
    private static String payloadOf(Object stored) {
        return stored instanceof Binary bytes ? new String(bytes.getData(), StandardCharsets.UTF_8) : (String) stored;
    }
}

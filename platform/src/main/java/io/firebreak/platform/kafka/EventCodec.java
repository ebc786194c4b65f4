package io.firebreak.platform.kafka;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.tracing.TraceHeaders;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** JSON for event payloads, and the reading of a Kafka record into a {@link ReceivedEvent}. */
public class EventCodec {

    private static final Logger log = LoggerFactory.getLogger(EventCodec.class);

    private final JsonMapper json;

    public EventCodec() {
        // Payloads evolve additively: a newer consumer ignores fields it does not know, and reads a field an
        // older producer did not send as absent, a primitive too (Jackson 3 fails on that by default).
        // Instants read by hand in their usual form (IsoInstants): every consumer reads several in every event.
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(new SimpleModule("instants").addDeserializer(Instant.class, new IsoInstants.Deserializer()))
                .build();
    }

    public String toJson(FirebreakEvent event) {
        return json.writeValueAsString(event);
    }

    public <T> T fromJson(String text, Class<T> type) {
        return json.readValue(text, type);
    }

    /**
     * Reads a record. Empty for an event type this build does not know (a newer producer): consumers ignore
     * it. Throws {@link MalformedEventException} for a record that is not a valid event of a known type.
     */
    public Optional<ReceivedEvent> read(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String typeName = CloudEvents.header(headers, CloudEvents.TYPE);
        String id = CloudEvents.header(headers, CloudEvents.ID);
        if (typeName == null || id == null) {
            throw new MalformedEventException("Record without ce_type/ce_id headers at " + position(record));
        }
        Optional<EventType> type = EventType.fromWireName(typeName);
        if (type.isEmpty()) {
            log.debug("Ignoring event of unknown type {} at {}", typeName, position(record));
            return Optional.empty();
        }
        if (record.value() == null) {
            throw new MalformedEventException("Event " + id + " has no body");
        }
        FirebreakEvent payload;
        try {
            payload = json.readValue(record.value(), type.get().payloadType());
        } catch (JacksonException e) {
            // What is wrong and where, never a value: a malformed event may carry a customer's data, and this goes
            // to the log and into the dead letter's headers (with its stack trace, hence no cause either).
            throw new MalformedEventException("Event " + id + " of type " + typeName
                    + " is not valid JSON for its type (" + e.getClass().getSimpleName() + where(e) + ")");
        }
        // A body of JSON null reads as no payload at all: as malformed as a missing subject, not worth a retry.
        if (payload == null || payload.subject() == null || payload.occurredAt() == null) {
            throw new MalformedEventException("Event " + id + " of type " + typeName + " lacks its subject or time");
        }
        return Optional.of(new ReceivedEvent(
                id,
                type.get(),
                CloudEvents.header(headers, CloudEvents.SOURCE),
                CloudEvents.header(headers, CloudEvents.SUBJECT),
                time(CloudEvents.header(headers, CloudEvents.TIME), payload.occurredAt()),
                payload,
                CloudEvents.header(headers, CloudEvents.CORRELATION_ID),
                new TraceHeaders(
                        CloudEvents.header(headers, CloudEvents.TRACEPARENT),
                        CloudEvents.header(headers, CloudEvents.TRACESTATE))));
    }

    /** The field a reading error is at ({@code at channel}, {@code at reasons[2].rule}), or its line and column. */
    private static String where(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (!path.isEmpty()) return " at " + path;
        return e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    private static Instant time(String header, Instant fallback) {
        if (header == null) return fallback;
        try {
            return IsoInstants.parse(header);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

package io.firebreak.platform.kafka;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.tracing.TraceHeaders;
import java.time.Instant;

/**
 * An event as a consumer sees it: the CloudEvents envelope, the decoded payload, and the correlation id and trace it
 * was published with (or, once handled, the handling span's) (what a consumer logs and publishes while handling it carries them on).
 */
public record ReceivedEvent(
        String id,
        EventType type,
        String source,
        String subject,
        Instant time,
        FirebreakEvent payload,
        String correlationId,
        TraceHeaders trace) {

    public ReceivedEvent {
        if (trace == null) trace = TraceHeaders.NONE;
    }

    /** An event without the correlation id and trace it was published with. */
    public ReceivedEvent(
            String id, EventType type, String source, String subject, Instant time, FirebreakEvent payload) {
        this(id, type, source, subject, time, payload, null, TraceHeaders.NONE);
    }

    /** The same event in another trace context: that of the span handling it. */
    public ReceivedEvent withTrace(TraceHeaders handling) {
        return new ReceivedEvent(id, type, source, subject, time, payload, correlationId, handling);
    }

    @SuppressWarnings("unchecked")
    public <T extends FirebreakEvent> T payloadAs(Class<T> type) {
        return (T) payload;
    }
}

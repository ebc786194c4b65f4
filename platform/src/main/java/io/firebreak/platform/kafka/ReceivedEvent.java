package io.firebreak.platform.kafka;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import java.time.Instant;

/**
 * An event as a consumer sees it: the CloudEvents envelope, the decoded payload, and the correlation id and trace it
 * was published with (what a consumer logs and publishes while handling it carries them on).
 */
public record ReceivedEvent(
        String id, EventType type, String source, String subject, Instant time, FirebreakEvent payload,
        String correlationId, String traceparent) {

    /** An event without the correlation id and trace it was published with. */
    public ReceivedEvent(String id, EventType type, String source, String subject, Instant time,
            FirebreakEvent payload) {
        this(id, type, source, subject, time, payload, null, null);
    }

    @SuppressWarnings("unchecked")
    public <T extends FirebreakEvent> T payloadAs(Class<T> type) {
        return (T) payload;
    }
}

package io.firebreak.platform.kafka;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import java.time.Instant;

/** An event as a consumer sees it: the CloudEvents envelope and the decoded payload. */
public record ReceivedEvent(
        String id, EventType type, String source, String subject, Instant time, FirebreakEvent payload) {

    @SuppressWarnings("unchecked")
    public <T extends FirebreakEvent> T payloadAs(Class<T> type) {
        return (T) payload;
    }
}

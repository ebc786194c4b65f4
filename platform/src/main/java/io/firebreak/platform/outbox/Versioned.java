package io.firebreak.platform.outbox;

import java.util.List;

/** An aggregate as stored: its value, the version writers compare-and-set on, the events already applied. */
public record Versioned<T>(String id, T value, long version, List<String> appliedEventIds) {

    /** Whether the event with this id has already been applied to this aggregate (a redelivery). */
    public boolean hasApplied(String eventId) {
        return eventId != null && appliedEventIds.contains(eventId);
    }
}

package io.firebreak.platform.outbox;

import io.firebreak.events.FirebreakEvent;
import java.util.List;

/** A new state of an aggregate and the events its change causes, written together in one document write. */
public record Change<T>(T value, List<FirebreakEvent> events) {

    public static <T> Change<T> of(T value, FirebreakEvent... events) {
        return new Change<>(value, List.of(events));
    }

    /** Nothing to write. */
    public static <T> Change<T> none() {
        return null;
    }
}

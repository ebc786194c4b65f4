package io.firebreak.platform.ledger;

import io.firebreak.events.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate of the test application: a plain record with what services store (an enum, an Instant, a
 * nullable field, a list of nested records with lists of their own), kept by an {@code AggregateStore}.
 */
record Ledger(String owner, Channel channel, Status status, Instant openedAt, String note, List<Entry> entries) {

    /** Whether the ledger takes entries. */
    enum Status {
        OPEN,
        CLOSED
    }

    /** One line of the ledger; {@code tags} may be empty, {@code memo} may be null. */
    record Entry(String ref, long amount, Instant at, List<String> tags, String memo) {}

    static Ledger open(String owner, Channel channel, Instant at, String note) {
        return new Ledger(owner, channel, Status.OPEN, at, note, List.of());
    }

    Ledger with(Entry entry) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(entry);
        return new Ledger(owner, channel, status, openedAt, note, List.copyOf(more));
    }

    Ledger closed() {
        return new Ledger(owner, channel, Status.CLOSED, openedAt, note, entries);
    }

    List<String> refs() {
        return entries.stream().map(Entry::ref).toList();
    }
}

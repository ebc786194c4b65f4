package io.firebreak.platform.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Lets a test make the event handler fail for one entry reference, and counts how often each was tried. */
class LedgerFaults {

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile String failing;

    void failFor(String ref) {
        failing = ref;
    }

    void heal() {
        failing = null;
    }

    int attempts(String ref) {
        AtomicInteger count = attempts.get(ref);
        return count == null ? 0 : count.get();
    }

    void attempt(String ref) {
        attempts.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet();
        if (ref.equals(failing)) {
            throw new IllegalStateException("Ledger refuses entry " + ref);
        }
    }
}

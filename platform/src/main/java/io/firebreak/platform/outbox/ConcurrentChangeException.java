package io.firebreak.platform.outbox;

/** Another writer changed the aggregate first, more times than a retry could absorb. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}

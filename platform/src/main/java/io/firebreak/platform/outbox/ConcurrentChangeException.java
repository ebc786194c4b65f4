package io.firebreak.platform.outbox;

/** Another writer changed the aggregate first, more times than a retry could absorb. */
public class ConcurrentChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message) {
        super(message);
    }
}

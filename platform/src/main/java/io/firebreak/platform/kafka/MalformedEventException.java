package io.firebreak.platform.kafka;

/** A record that can never be processed (bad envelope, bad JSON): not retried, sent to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}

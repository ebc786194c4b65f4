package io.firebreak.platform.tracing;

import java.util.regex.Pattern;

/**
 * W3C trace context as it travels between Firebreak's parts: an HTTP request's headers, an outbox entry, a Kafka
 * record's headers. Either may be null ({@link #NONE}: no trace yet).
 */
public record TraceHeaders(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    public static final TraceHeaders NONE = new TraceHeaders(null, null);

    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /** The header of this name ({@code traceparent} or {@code tracestate}, any case), as a propagator asks. */
    public String get(String name) {
        if (TRACEPARENT.equalsIgnoreCase(name)) return traceparent;
        if (TRACESTATE.equalsIgnoreCase(name)) return tracestate;
        return null;
    }

    public boolean isEmpty() {
        return traceparent == null;
    }

    /** The trace id of a valid {@code traceparent}, else null. */
    public String traceId() {
        return valid() ? traceparent.substring(3, 35) : null;
    }

    /** The span id of a valid {@code traceparent}, else null. */
    public String spanId() {
        return valid() ? traceparent.substring(36, 52) : null;
    }

    private boolean valid() {
        return traceparent != null && TRACEPARENT_FORMAT.matcher(traceparent).matches();
    }
}

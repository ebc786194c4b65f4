package io.firebreak.platform.tracing;

/**
 * W3C trace context as it travels between Firebreak's parts: an HTTP request's headers, an outbox entry, a Kafka
 * record's headers. Either may be null ({@link #NONE}: no trace yet).
 */
public record TraceHeaders(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    public static final TraceHeaders NONE = new TraceHeaders(null, null);

    /** The length of a version-00 {@code traceparent}: {@code 00-<32 hex>-<16 hex>-<2 hex>}. */
    private static final int TRACEPARENT_LENGTH = 55;

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

    /** Whether the {@code traceparent} is {@code 00-<32 hex>-<16 hex>-<2 hex>}, lower case (checked on every request). */
    private boolean valid() {
        String t = traceparent;
        return t != null
                && t.length() == TRACEPARENT_LENGTH
                && t.startsWith("00-")
                && t.charAt(35) == '-'
                && t.charAt(52) == '-'
                && lowerHex(t, 3, 35)
                && lowerHex(t, 36, 52)
                && lowerHex(t, 53, 55);
    }

    private static boolean lowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }
}

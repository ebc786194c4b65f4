package io.firebreak.platform.web;

import io.firebreak.platform.tracing.TraceHeaders;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * The correlation id and W3C trace context of the work in hand, kept in the logging MDC so that logs show them
 * ({@code traceId} and {@code spanId} too) and so that events written during the work carry them on (HTTP → outbox
 * → Kafka → next service). The spans themselves are recorded where the work begins (see
 * {@link io.firebreak.platform.tracing.Spans}); this only carries their context.
 */
public final class Correlation {

    public static final String CORRELATION_ID = "correlationId";
    public static final String TRACEPARENT = TraceHeaders.TRACEPARENT;
    public static final String TRACESTATE = TraceHeaders.TRACESTATE;
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";
    public static final String COMPLAINT_ID = "complaintId";
    public static final String HEADER = "X-Correlation-Id";

    /** The characters a correlation id from outside may have (at most 128 of them); any other id is replaced. */
    private static final String SAFE_SYMBOLS = "._:-";

    private static final int SAFE_LENGTH = 128;

    private Correlation() {}

    public static String correlationId() {
        return MDC.get(CORRELATION_ID);
    }

    public static String traceparent() {
        return MDC.get(TRACEPARENT);
    }

    /** The trace context of the work in hand ({@link TraceHeaders#NONE} outside any). */
    public static TraceHeaders trace() {
        return new TraceHeaders(MDC.get(TRACEPARENT), MDC.get(TRACESTATE));
    }

    /** Starts work in the MDC: keeps a valid incoming id or makes a new one, and the trace context it runs in. */
    public static void begin(String correlationId, TraceHeaders trace) {
        MDC.put(
                CORRELATION_ID,
                correlationId != null
                                && correlationId.length() <= SAFE_LENGTH
                                && AsciiTokens.lettersDigitsOr(correlationId, 0, correlationId.length(), SAFE_SYMBOLS)
                        ? correlationId
                        : UUID.randomUUID().toString());
        put(TRACEPARENT, trace.traceparent());
        put(TRACESTATE, trace.tracestate());
        put(TRACE_ID, trace.traceId());
        put(SPAN_ID, trace.spanId());
    }

    public static void complaint(String complaintId) {
        if (complaintId != null) MDC.put(COMPLAINT_ID, complaintId);
    }

    public static void end() {
        MDC.remove(CORRELATION_ID);
        MDC.remove(TRACEPARENT);
        MDC.remove(TRACESTATE);
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
        MDC.remove(COMPLAINT_ID);
    }

    /** The trace id of a valid {@code traceparent}, else null. */
    public static String traceId(String traceparent) {
        return new TraceHeaders(traceparent, null).traceId();
    }

    private static void put(String key, String value) {
        if (value == null) MDC.remove(key);
        else MDC.put(key, value);
    }
}

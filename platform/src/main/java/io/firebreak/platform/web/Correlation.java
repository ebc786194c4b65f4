package io.firebreak.platform.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id and W3C trace context of the work in hand, kept in the logging MDC so that logs show
 * them and so that events written during the work carry them on (HTTP → outbox → Kafka → next service).
 */
public final class Correlation {

    public static final String CORRELATION_ID = "correlationId";
    public static final String TRACEPARENT = "traceparent";
    public static final String COMPLAINT_ID = "complaintId";
    public static final String HEADER = "X-Correlation-Id";

    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Correlation() {}

    public static String correlationId() {
        return MDC.get(CORRELATION_ID);
    }

    public static String traceparent() {
        return MDC.get(TRACEPARENT);
    }

    /** Starts work in the MDC: keeps a valid incoming id and trace, or makes new ones. A new span either way. */
    public static void begin(String correlationId, String incomingTraceparent) {
        MDC.put(CORRELATION_ID, correlationId != null && SAFE_ID.matcher(correlationId).matches()
                ? correlationId
                : UUID.randomUUID().toString());
        MDC.put(TRACEPARENT, childOf(incomingTraceparent));
    }

    public static void complaint(String complaintId) {
        if (complaintId != null) MDC.put(COMPLAINT_ID, complaintId);
    }

    public static void end() {
        MDC.remove(CORRELATION_ID);
        MDC.remove(TRACEPARENT);
        MDC.remove(COMPLAINT_ID);
    }

    /** A traceparent in the same trace as the given one (a new span), or a new trace when there is none. */
    public static String childOf(String traceparent) {
        String traceId = traceparent != null && TRACEPARENT_FORMAT.matcher(traceparent).matches()
                ? traceparent.substring(3, 35)
                : hex(16);
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    public static String traceId(String traceparent) {
        return traceparent != null && TRACEPARENT_FORMAT.matcher(traceparent).matches() ? traceparent.substring(3, 35) : null;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

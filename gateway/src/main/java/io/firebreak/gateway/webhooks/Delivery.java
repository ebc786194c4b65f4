package io.firebreak.gateway.webhooks;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One event to send to one subscription. {@code id} is the delivery id the receiver de-duplicates on: the same
 * for every attempt and every redelivery of it. {@code seq} orders a subscription's deliveries for one complaint:
 * none is sent while an earlier one is pending. The CloudEvents attributes and the body are kept as consumed.
 */
record Delivery(
        String id,
        String subscriptionId,
        String complaintId,
        long seq,
        String eventId,
        String type,
        String source,
        Instant time,
        String body,
        State state,
        int attempts,
        Instant enqueuedAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Integer lastStatusCode,
        String lastError) {

    /** PENDING until a receiver accepts it (2xx): DELIVERED; HELD while its subscription is disabled. */
    enum State {
        PENDING,
        DELIVERED,
        HELD
    }

    /**
     * The body a receiver gets: the event as a structured CloudEvent (JSON with {@code specversion}, {@code id},
     * {@code type}, {@code source}, {@code subject} (the complaint), {@code time}, {@code datacontenttype} and the
     * payload as {@code data}), so that the signature covers what the event is, not only its payload.
     */
    String cloudEvent() {
        StringBuilder json = new StringBuilder(body.length() + 256).append("{\"specversion\":\"1.0\"");
        field(json, "id", eventId);
        field(json, "type", type);
        field(json, "source", source);
        if (complaintId != null && !"-".equals(complaintId)) field(json, "subject", complaintId);
        if (time != null) field(json, "time", DateTimeFormatter.ISO_INSTANT.format(time));
        field(json, "datacontenttype", "application/json");
        return json.append(",\"data\":").append(body).append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}

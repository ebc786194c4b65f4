package io.firebreak.gateway.webhooks;

import java.time.Instant;

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
    enum State { PENDING, DELIVERED, HELD }
}

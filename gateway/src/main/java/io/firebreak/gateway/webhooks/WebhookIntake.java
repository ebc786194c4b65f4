package io.firebreak.gateway.webhooks;

import io.firebreak.events.CaseChange;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.kafka.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns each consumed event into queued deliveries, one per subscription that wants it, and wakes the dispatcher.
 * Only writes to the gateway's own database: event processing never waits on a receiver. The delivery id comes
 * from the subscription and the event id, so a redelivered event queues nothing twice.
 */
@Component
class WebhookIntake {

    private final WebhookStore store;
    private final EventCodec codec;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    WebhookIntake(WebhookStore store, EventCodec codec, WebhookDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    void on(ReceivedEvent received) {
        onAll(List.of(received));
    }

    /**
     * The events of a poll, in order: the subscriptions read once, each complaint's facts once (and kept current in
     * memory event by event, so that an event is filtered on what was known up to it), what the events tell of the
     * complaints remembered in one write at the end. A redelivery after a failure queues nothing twice.
     */
    void onAll(List<ReceivedEvent> events) {
        List<Subscription> active = store.active();
        Map<String, Subscription.ComplaintFacts> facts = active.isEmpty()
                ? Map.of()
                : new HashMap<>(store.facts(events.stream()
                        .map(ReceivedEvent::subject)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList()));
        boolean queued = false;
        Instant now = clock.instant();
        for (ReceivedEvent received : events) {
            FirebreakEvent event = received.payload();
            if (!active.isEmpty()) {
                Subscription.ComplaintFacts known = received.subject() == null
                        ? Subscription.ComplaintFacts.UNKNOWN
                        : facts.getOrDefault(received.subject(), Subscription.ComplaintFacts.UNKNOWN)
                                .after(event);
                if (received.subject() != null) facts.put(received.subject(), known);
                String body = null;
                boolean staffOnly = event instanceof CaseUpdated update && update.change() == CaseChange.INTERNAL_NOTE;
                for (Subscription s : active) {
                    if (!s.wants(received.type().wireName(), known)) continue;
                    // A note for the staff goes to no client's own subscription, only to one made by ADMIN.
                    if (staffOnly && !s.allComplaints()) continue;
                    if (body == null) body = codec.toJson(event);
                    queued |= store.enqueue(
                            deliveryId(s.id(), received.id()),
                            s.id(),
                            received.subject() == null ? "-" : received.subject(),
                            received.id(),
                            received.type().wireName(),
                            received.source(),
                            received.time(),
                            body,
                            now);
                }
            }
            if (event instanceof PersonalDataErased erased) {
                // The receivers hear of the erasure (above, if they subscribed); what is still kept here to send or
                // to show in the delivery log no longer carries the customer's personal data.
                store.eraseBodies(erased.complaintId(), received.id());
            }
        }
        store.remember(events.stream().map(ReceivedEvent::payload).toList());
        if (queued) dispatcher.wake();
    }

    static String deliveryId(String subscriptionId, String eventId) {
        return UUID.nameUUIDFromBytes((subscriptionId + "/" + eventId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}

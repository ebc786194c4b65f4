package io.firebreak.gateway.webhooks;

import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.ComplaintShared;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.kafka.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
        FirebreakEvent event = received.payload();
        remember(event);
        List<Subscription> active = store.active();
        if (active.isEmpty()) return;
        Subscription.ComplaintFacts facts = store.facts(received.subject());
        String body = null;
        boolean queued = false;
        Instant now = clock.instant();
        for (Subscription s : active) {
            if (!s.wants(received.type().wireName(), facts)) continue;
            if (body == null) body = codec.toJson(event);
            queued |= store.enqueue(deliveryId(s.id(), received.id()), s.id(),
                    received.subject() == null ? "-" : received.subject(), received.id(),
                    received.type().wireName(), received.source(), received.time(), body, now);
        }
        if (event instanceof PersonalDataErased erased) {
            // The receivers hear of the erasure (above, if they subscribed); what is still kept here to send or to
            // show in the delivery log no longer carries the customer's personal data.
            store.eraseBodies(erased.complaintId(), received.id());
        }
        if (queued) dispatcher.wake();
    }

    /** What filtering needs: who may see the complaint, its class and its department. */
    private void remember(FirebreakEvent event) {
        if (event instanceof ComplaintReceived r && r.submittedBy() != null) {
            store.rememberSubmitter(r.complaintId(), r.submittedBy());
        } else if (event instanceof ComplaintShared s) {
            store.rememberShare(s.complaintId(), s.client());
        } else if (event instanceof ComplaintClassified c) {
            store.rememberClass(c.complaintId(), c.complaintClass());
        } else if (event instanceof ResponsibilityAssigned a) {
            store.rememberAssignment(a.complaintId(), a.primaryDepartment(), a.complaintClass());
        }
    }

    static String deliveryId(String subscriptionId, String eventId) {
        return UUID.nameUUIDFromBytes((subscriptionId + "/" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

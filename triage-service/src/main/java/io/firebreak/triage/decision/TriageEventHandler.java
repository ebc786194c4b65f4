package io.firebreak.triage.decision;

import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.platform.kafka.EventHandler;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.triage.decision.ComplaintTriage.Retriage;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies consumed events to the triage store, each at most once (the event id is recorded in the same write).
 * A re-triage that arrives before its complaint is kept in a waiting document and applied when the complaint
 * arrives, so no order of arrival across topics loses it.
 */
@Component
class TriageEventHandler implements EventHandler {

    private final AggregateStore<ComplaintTriage> store;
    private final TriageDecisions decisions;

    TriageEventHandler(AggregateStore<ComplaintTriage> store, TriageDecisions decisions) {
        this.store = store;
        this.decisions = decisions;
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case COMPLAINT_RECEIVED -> received(event.id(), event.payloadAs(ComplaintReceived.class));
            case COMPLAINT_REOPENED -> {
                ComplaintReopened reopened = event.payloadAs(ComplaintReopened.class);
                retriage(event.id(), reopened.complaintId(), TriageDecisions.reopened(reopened));
            }
            case SLA_BREACHED -> {
                SlaBreached breached = event.payloadAs(SlaBreached.class);
                retriage(event.id(), breached.complaintId(), TriageDecisions.breached(breached));
            }
            default -> {
                // The other events on these topics are not triage's business.
            }
        }
    }

    private void received(String eventId, ComplaintReceived received) {
        String id = received.complaintId();
        if (store.find(id).isEmpty()) {
            Change<ComplaintTriage> change = decisions.triage(received, List.of());
            if (store.insert(id, change.value(), change.events(), eventId)) return;
        }
        // Re-triages were waiting for it (or another consumer inserted first): decide on what is stored.
        store.update(id, eventId, stored -> stored.value().triaged()
                ? null // a second "received" for the same complaint: it was classified already
                : decisions.triage(received, stored.value().waiting()));
    }

    private void retriage(String eventId, String id, Retriage retriage) {
        // Two rounds: if the insert loses a race, the document now exists and the update finds it.
        for (int round = 0; round < 2; round++) {
            boolean found = store.update(id, eventId, stored -> stored.value().triaged()
                            ? decisions.retriage(stored.value(), retriage)
                            : Change.of(stored.value().withWaiting(retriage)))
                    .isPresent();
            if (found) return;
            if (store.insert(id, ComplaintTriage.waitingFor(id, retriage), List.of(), eventId)) return;
        }
        throw new IllegalStateException("Could not record re-triage of complaint " + id);
    }
}

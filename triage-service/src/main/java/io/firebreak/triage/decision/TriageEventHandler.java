package io.firebreak.triage.decision;

import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.EmotionRose;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.platform.kafka.EventDispatcher;
import io.firebreak.platform.kafka.EventHandler;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.triage.decision.ComplaintTriage.Retriage;
import io.firebreak.triage.settings.ActiveSettings;
import io.firebreak.triage.settings.SettingsStore;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Applies consumed events to the triage store, each at most once (the event id is recorded in the same write).
 * A re-triage that arrives before its complaint is kept in a waiting document and applied when the complaint
 * arrives, so no order of arrival across topics loses it. Each decision uses the rule set and routing table active
 * when the event is handled.
 */
@Component
class TriageEventHandler implements EventHandler {

    private final AggregateStore<ComplaintTriage> store;
    private final TriageDecisions decisions;
    private final SettingsStore settings;
    private final Workload workload;

    TriageEventHandler(AggregateStore<ComplaintTriage> store, TriageDecisions decisions, SettingsStore settings,
            Workload workload) {
        this.store = store;
        this.decisions = decisions;
        this.settings = settings;
        this.workload = workload;
    }

    @Override
    public void handle(ReceivedEvent event) {
        handle(event, settings::current);
    }

    /**
     * The events of a poll, one after the other (each decision sees the loads the ones before it made), all with
     * the rule set and routing table active when the poll is handled: read once when one event needs them, not once
     * per event.
     */
    void handleAll(List<ReceivedEvent> events) {
        ActiveSettings[] active = new ActiveSettings[1];
        Supplier<ActiveSettings> once = () -> active[0] != null ? active[0] : (active[0] = settings.current());
        events.forEach(event -> EventDispatcher.within(event, () -> handle(event, once)));
    }

    private void handle(ReceivedEvent event, Supplier<ActiveSettings> settings) {
        switch (event.type()) {
            case COMPLAINT_RECEIVED -> received(event.id(), event.payloadAs(ComplaintReceived.class), settings.get());
            case COMPLAINT_REOPENED -> {
                ComplaintReopened reopened = event.payloadAs(ComplaintReopened.class);
                retriage(event.id(), reopened.complaintId(), TriageDecisions.reopened(reopened), settings.get());
            }
            case SLA_BREACHED -> {
                SlaBreached breached = event.payloadAs(SlaBreached.class);
                retriage(event.id(), breached.complaintId(), TriageDecisions.breached(breached), settings.get());
            }
            case PROPOSAL_REJECTED -> {
                ProposalRejected rejected = event.payloadAs(ProposalRejected.class);
                retriage(event.id(), rejected.complaintId(), TriageDecisions.proposalRejected(rejected), settings.get());
            }
            case MESSAGE_ADDED -> {
                MessageAdded message = event.payloadAs(MessageAdded.class);
                if (message.text() != null && !message.text().isBlank()) {
                    retriage(event.id(), message.complaintId(), TriageDecisions.message(message), settings.get());
                }
            }
            case EMOTION_ROSE -> {
                EmotionRose rose = event.payloadAs(EmotionRose.class);
                retriage(event.id(), rose.complaintId(), TriageDecisions.emotionRose(rose), settings.get());
            }
            case CASE_RESOLVED -> {
                CaseResolved resolved = event.payloadAs(CaseResolved.class);
                settled(event.id(), resolved.complaintId(), resolved.occurredAt());
            }
            case COMPLAINT_CLOSED -> {
                ComplaintClosed closed = event.payloadAs(ComplaintClosed.class);
                settled(event.id(), closed.complaintId(), closed.occurredAt());
            }
            case PERSONAL_DATA_ERASED -> {
                PersonalDataErased erased = event.payloadAs(PersonalDataErased.class);
                store.update(erased.complaintId(), event.id(), stored -> Change.of(stored.value().erasing()));
            }
            default -> {
                // The other events on these topics are not triage's business.
            }
        }
    }

    private void received(String eventId, ComplaintReceived received, ActiveSettings active) {
        String id = received.complaintId();
        // Most complaints are new here: the insert is tried first, and meets the stored one if there is one.
        Change<ComplaintTriage> change = decisions.triage(received, List.of(), active, workload);
        if (store.insert(id, change.value(), change.events(), eventId)) return;
        // Re-triages were waiting for it (or it was triaged before: a redelivery): decide on what is stored.
        store.update(id, eventId, stored -> stored.value().triaged()
                ? null // a second "received" for the same complaint: it was classified already
                : decisions.triage(received, stored.value().waiting(), active, workload));
    }

    private void retriage(String eventId, String id, Retriage retriage, ActiveSettings active) {
        // Two rounds: if the insert loses a race, the document now exists and the update finds it.
        for (int round = 0; round < 2; round++) {
            boolean found = store.update(id, eventId, stored -> stored.value().triaged()
                            ? decisions.retriage(stored.value(), retriage, active, workload)
                            : Change.of(stored.value().withWaiting(retriage)))
                    .isPresent();
            if (found) return;
            if (store.insert(id, ComplaintTriage.waitingFor(id, retriage), List.of(), eventId)) return;
        }
        throw new IllegalStateException("Could not record re-triage of complaint " + id);
    }

    /** Resolved or closed: nothing to do for a complaint triage never assigned. */
    private void settled(String eventId, String id, Instant at) {
        store.update(id, eventId, stored -> decisions.settled(stored.value(), at));
    }
}

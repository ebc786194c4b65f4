package io.firebreak.triage.decision;

import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.EmotionRose;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.platform.kafka.EventDispatcher;
import io.firebreak.platform.kafka.EventHandler;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.triage.classification.SemanticReader;
import io.firebreak.triage.decision.ComplaintTriage.Retriage;
import io.firebreak.triage.routing.DepartmentRouter;
import io.firebreak.triage.settings.ActiveSettings;
import io.firebreak.triage.settings.SettingsStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final SemanticReader reader;

    TriageEventHandler(
            AggregateStore<ComplaintTriage> store,
            TriageDecisions decisions,
            SettingsStore settings,
            Workload workload,
            SemanticReader reader) {
        this.store = store;
        this.decisions = decisions;
        this.settings = settings;
        this.workload = workload;
        this.reader = reader;
    }

    @Override
    public void handle(ReceivedEvent event) {
        handle(event, settings::current);
    }

    /**
     * The events of a poll, in order, with the rule set and routing table active when the poll is handled (read once
     * when an event needs them). New complaints are decided one after the other, each seeing the loads the ones before
     * it made (read once per person, then counted up), and inserted together; one that meets a stored document (a
     * re-triage waiting for it, or a redelivery) is then applied alone. Complaints resolved or closed one after the
     * other are settled together, with one read and one write (a poll brings each topic's records together). Before
     * any other event triage acts on, what the poll decided so far is written, and it is applied alone as it would be
     * outside a batch; new complaints after settled ones read the loads again.
     */
    void handleAll(List<ReceivedEvent> events) {
        ActiveSettings[] active = new ActiveSettings[1];
        Supplier<ActiveSettings> once = () -> active[0] != null ? active[0] : (active[0] = settings.current());
        PollLoads loads = new PollLoads(workload);
        List<ReceivedEvent> received = new ArrayList<>();
        List<AggregateStore.New<ComplaintTriage>> decided = new ArrayList<>();
        List<AggregateStore.Update<ComplaintTriage>> settling = new ArrayList<>();
        for (ReceivedEvent event : events) {
            if (event.type() == EventType.COMPLAINT_RECEIVED) {
                if (settle(settling)) loads.forget();
                ComplaintReceived payload = event.payloadAs(ComplaintReceived.class);
                Change<ComplaintTriage> change = decisions.triage(payload, List.of(), once.get(), loads);
                loads.assigned(change.value().owner());
                // Its events carry the complaint's correlation: insertAll encodes them within it.
                decided.add(new AggregateStore.New<>(payload.complaintId(), change.value(), change.events(), event));
                received.add(event);
            } else if (settles(event.type())) {
                insert(received, decided, once);
                settling.add(settling(event));
            } else if (actsOn(event.type())) {
                insert(received, decided, once);
                settle(settling);
                loads.forget();
                EventDispatcher.within(event, () -> handle(event, once));
            }
        }
        insert(received, decided, once);
        settle(settling);
    }

    /** Resolved or closed: the complaint's owner has one open complaint less. */
    private static boolean settles(EventType type) {
        return type == EventType.CASE_RESOLVED || type == EventType.COMPLAINT_CLOSED;
    }

    /**
     * The settling a resolution or closure brings; nothing to do for a complaint triage never assigned (the decision
     * changes nothing) or never heard of (no document).
     */
    private AggregateStore.Update<ComplaintTriage> settling(ReceivedEvent event) {
        String id;
        Instant at;
        if (event.type() == EventType.CASE_RESOLVED) {
            CaseResolved resolved = event.payloadAs(CaseResolved.class);
            id = resolved.complaintId();
            at = resolved.occurredAt();
        } else {
            ComplaintClosed closed = event.payloadAs(ComplaintClosed.class);
            id = closed.complaintId();
            at = closed.occurredAt();
        }
        return AggregateStore.Update.of(id, event, stored -> decisions.settled(stored.value(), at));
    }

    /** Applies the settlings gathered with one read and one write; says whether there were any. */
    private boolean settle(List<AggregateStore.Update<ComplaintTriage>> settling) {
        if (settling.isEmpty()) return false;
        store.updateAll(settling);
        settling.clear();
        return true;
    }

    private void insert(
            List<ReceivedEvent> received,
            List<AggregateStore.New<ComplaintTriage>> decided,
            Supplier<ActiveSettings> settings) {
        List<Boolean> inserted = store.insertAll(decided);
        for (int i = 0; i < inserted.size(); i++) {
            if (inserted.get(i)) continue;
            ReceivedEvent event = received.get(i);
            EventDispatcher.within(
                    event, () -> received(event.id(), event.payloadAs(ComplaintReceived.class), settings.get()));
        }
        received.clear();
        decided.clear();
    }

    /** The events {@link #handle} does something with besides a new complaint: the cases of its switch. */
    private static boolean actsOn(EventType type) {
        return switch (type) {
            case COMPLAINT_REOPENED,
                    SLA_BREACHED,
                    PROPOSAL_REJECTED,
                    MESSAGE_ADDED,
                    EMOTION_ROSE,
                    CASE_RESOLVED,
                    COMPLAINT_CLOSED,
                    PERSONAL_DATA_ERASED -> true;
            default -> false;
        };
    }

    /** Loads for a poll's new complaints: read once per person, then counted up as the poll assigns. */
    private static final class PollLoads implements Workload {

        private final Workload stored;
        private final Map<String, Integer> known = new HashMap<>();

        PollLoads(Workload stored) {
            this.stored = stored;
        }

        @Override
        public DepartmentRouter.Loads loads(String excludingComplaintId) {
            // A new complaint is nobody's yet: excluding it changes no one's load, so one reading serves them all.
            return people -> {
                List<String> unread = people.stream()
                        .filter(p -> !known.containsKey(p))
                        .distinct()
                        .toList();
                if (!unread.isEmpty()) {
                    Map<String, Integer> read =
                            stored.loads(excludingComplaintId).openAssigned(unread);
                    unread.forEach(p -> known.put(p, read.getOrDefault(p, 0)));
                }
                Map<String, Integer> loads = new HashMap<>();
                people.forEach(p -> loads.put(p, known.get(p)));
                return loads;
            };
        }

        @Override
        public List<String> ownersOf(List<String> complaintIds) {
            return stored.ownersOf(complaintIds);
        }

        void assigned(String owner) {
            if (owner != null) known.merge(owner, 1, Integer::sum);
        }

        void forget() {
            known.clear();
        }
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
                retriage(
                        event.id(), rejected.complaintId(), TriageDecisions.proposalRejected(rejected), settings.get());
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
            case CASE_RESOLVED, COMPLAINT_CLOSED -> settle(new ArrayList<>(List.of(settling(event))));
            case PERSONAL_DATA_ERASED -> {
                PersonalDataErased erased = event.payloadAs(PersonalDataErased.class);
                store.update(
                        erased.complaintId(),
                        event.id(),
                        stored -> Change.of(stored.value().erasing()));
                // A correction of it taught the semantic reader its words: they go too.
                reader.forget(SemanticReader.correctionOf(erased.complaintId()));
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
        store.update(
                id,
                eventId,
                stored -> stored.value().triaged()
                        ? null // a second "received" for the same complaint: it was classified already
                        : decisions.triage(received, stored.value().waiting(), active, workload));
    }

    private void retriage(String eventId, String id, Retriage retriage, ActiveSettings active) {
        // Two rounds: if the insert loses a race, the document now exists and the update finds it.
        for (int round = 0; round < 2; round++) {
            boolean found = store.update(
                            id,
                            eventId,
                            stored -> stored.value().triaged()
                                    ? decisions.retriage(stored.value(), retriage, active, workload)
                                    : Change.of(stored.value().withWaiting(retriage)))
                    .isPresent();
            if (found) return;
            if (store.insert(id, ComplaintTriage.waitingFor(id, retriage), List.of(), eventId)) return;
        }
        throw new IllegalStateException("Could not record re-triage of complaint " + id);
    }
}

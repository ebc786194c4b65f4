package io.firebreak.feedback.followup;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.platform.kafka.EventHandler;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Learns of complaints from resolution: an opened case makes the complaint known (so a follow-up before its
 * resolution is a 409, not a 404), a resolved case makes a follow-up pending and records the root cause. Each
 * event at most once: its id is stored in the same write, and a follow-up is keyed by the resolution's event id.
 */
@Component
class FollowUpEventHandler implements EventHandler {

    private final AggregateStore<ComplaintFollowUps> store;
    private final FollowUpDecisions decisions;
    private final Clock clock;

    FollowUpEventHandler(AggregateStore<ComplaintFollowUps> store, FollowUpDecisions decisions, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case CASE_OPENED -> {
                String id = event.payloadAs(CaseOpened.class).complaintId();
                store.insert(id, ComplaintFollowUps.known(id), List.of(), event.id());
            }
            case CASE_RESOLVED -> resolved(event.id(), event.payloadAs(CaseResolved.class));
            case PERSONAL_DATA_ERASED ->
                store.update(
                        event.payloadAs(PersonalDataErased.class).complaintId(),
                        event.id(),
                        stored -> Change.of(stored.value().erasing()));
            default -> {
                // Acknowledgements and SLA events do not concern follow-up.
            }
        }
    }

    /** Whether {@link #handle} acts on this type of event besides a case opened. */
    static boolean actsAlone(EventType type) {
        return type == EventType.CASE_RESOLVED || type == EventType.PERSONAL_DATA_ERASED;
    }

    /**
     * The complaints of these cases opened made known with one write, as {@link #handle} does one by one; one known
     * already (a redelivery, or a resolution that came first) stays as it is.
     */
    void opened(List<ReceivedEvent> casesOpened) {
        store.insertAll(casesOpened.stream()
                .map(event -> {
                    String id = event.payloadAs(CaseOpened.class).complaintId();
                    return new AggregateStore.New<>(id, ComplaintFollowUps.known(id), List.<FirebreakEvent>of(), event);
                })
                .toList());
    }

    /**
     * The complaint is known from its case's opening, as a rule: its follow-ups are updated (one read, one write). A
     * resolution that came first makes it known with its follow-up pending; if the opening made it known meanwhile,
     * the update goes on what that stored.
     */
    private void resolved(String eventId, CaseResolved resolved) {
        String id = resolved.complaintId();
        if (store.update(id, eventId, stored -> decisions.resolved(stored.value(), eventId, resolved, clock.instant()))
                .isPresent()) return;
        Change<ComplaintFollowUps> change =
                decisions.resolved(ComplaintFollowUps.known(id), eventId, resolved, clock.instant());
        if (store.insert(id, change.value(), change.events(), eventId)) return;
        store.update(id, eventId, stored -> decisions.resolved(stored.value(), eventId, resolved, clock.instant()));
    }
}

package io.firebreak.resolution.cases;

import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.kafka.EventDispatcher;
import io.firebreak.platform.kafka.EventHandler;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.resolution.ResolutionProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Opens and updates cases from triage's assignments and reopens them on feedback's word, each event at most
 * once (its id is stored in the same write as the change). A poll's new cases are opened with one write.
 */
@Component
class CaseEventHandler implements EventHandler {

    private final AggregateStore<ComplaintCase> store;
    private final Clock clock;
    private final ClockSettingsStore clocks;
    private final boolean secondaryTasks;

    CaseEventHandler(
            AggregateStore<ComplaintCase> store,
            Clock clock,
            ClockSettingsStore clocks,
            ResolutionProperties properties) {
        this.store = store;
        this.clock = clock;
        this.clocks = clocks;
        this.secondaryTasks = properties.secondaryDepartments().policy() == ResolutionProperties.SecondaryPolicy.TASK;
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case RESPONSIBILITY_ASSIGNED -> assigned(event.id(), event.payloadAs(ResponsibilityAssigned.class));
            case COMPLAINT_REOPENED -> reopened(event.id(), event.payloadAs(ComplaintReopened.class));
            default -> {
                // Classifications, follow-ups, closures and root causes do not change a case.
            }
        }
    }

    /**
     * The events of a poll, in order, {@code alsoAlone} given each event after this handler's part (the other
     * listener of the subscription). The assignments open their cases together with one write; one whose case is
     * there already (a reassignment, a redelivery, or an earlier assignment of the same poll) is then applied alone,
     * as is every other event this handler acts on, after the cases opened before it are written.
     */
    void handleAll(List<ReceivedEvent> events, EventHandler alsoAlone) {
        List<ReceivedEvent> assignments = new ArrayList<>();
        List<AggregateStore.New<ComplaintCase>> opened = new ArrayList<>();
        for (ReceivedEvent event : events) {
            if (event.type() == EventType.RESPONSIBILITY_ASSIGNED) {
                ResponsibilityAssigned assigned = event.payloadAs(ResponsibilityAssigned.class);
                Instant now = clock.instant();
                Change<ComplaintCase> open =
                        CaseDecisions.open(assigned, clocks.planner().plan(assigned, now), secondaryTasks, now);
                opened.add(new AggregateStore.New<>(assigned.complaintId(), open.value(), open.events(), event));
                assignments.add(event);
            } else if (event.type() == EventType.COMPLAINT_REOPENED || event.type() == EventType.GROUP_RESOLVED) {
                open(assignments, opened);
                EventDispatcher.within(event, () -> {
                    handle(event);
                    alsoAlone.handle(event);
                });
            }
        }
        open(assignments, opened);
    }

    private void open(List<ReceivedEvent> assignments, List<AggregateStore.New<ComplaintCase>> opened) {
        List<Boolean> inserted = store.insertAll(opened);
        for (int i = 0; i < inserted.size(); i++) {
            if (inserted.get(i)) continue;
            ReceivedEvent event = assignments.get(i);
            EventDispatcher.within(event, () -> assigned(event.id(), event.payloadAs(ResponsibilityAssigned.class)));
        }
        assignments.clear();
        opened.clear();
    }

    private void assigned(String eventId, ResponsibilityAssigned assigned) {
        String id = assigned.complaintId();
        Instant now = clock.instant();
        SlaPlan plan = clocks.planner().plan(assigned, now);
        // Most assignments are a complaint's first: the case is inserted, or the insert meets the one there is.
        Change<ComplaintCase> open = CaseDecisions.open(assigned, plan, secondaryTasks, now);
        if (store.insert(id, open.value(), open.events(), eventId)) return;
        store.update(id, eventId, stored -> CaseDecisions.reassign(stored.value(), assigned, plan, secondaryTasks));
    }

    private void reopened(String eventId, ComplaintReopened reopened) {
        boolean known = store.update(
                        reopened.complaintId(),
                        eventId,
                        stored -> CaseDecisions.reopen(stored.value(), reopened, clock.instant()))
                .isPresent();
        if (!known) {
            // Only a resolved case can be reopened, so its case exists unless its assignment is still on the way:
            // fail, and the platform retries (then dead-letters, replayable once the case is there).
            throw new IllegalStateException("No case yet for reopened complaint " + reopened.complaintId());
        }
    }
}

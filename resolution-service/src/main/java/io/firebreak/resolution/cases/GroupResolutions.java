package io.firebreak.resolution.cases;

import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.PreventionGroupResolved;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves the complaints grouped under one prevention action together (one fix, many customers): each case that
 * may be resolved now is resolved with the one message and the action's root cause, by the supervisor who asked.
 * A case that may not (not yet acknowledged, waiting for the customer's answer, already resolved) is left as it
 * is, with an internal note saying why, so its handler sees it. Each case applies the event once (its id is stored
 * with the change).
 */
@Component
class GroupResolutions {

    private static final Logger log = LoggerFactory.getLogger(GroupResolutions.class);

    private final AggregateStore<ComplaintCase> store;

    GroupResolutions(AggregateStore<ComplaintCase> store) {
        this.store = store;
    }

    void handle(ReceivedEvent event) {
        if (event.type() != EventType.GROUP_RESOLVED) return;
        PreventionGroupResolved group = event.payloadAs(PreventionGroupResolved.class);
        int resolved = 0;
        for (String complaintId : group.complaintIds()) {
            boolean[] done = new boolean[1];
            store.update(complaintId, event.id(), stored -> {
                Change<ComplaintCase> change = decide(stored.value(), group);
                done[0] = change.events().size() > 0;
                return change;
            });
            if (done[0]) resolved++;
        }
        log.info(
                "Prevention action {}: {} of {} grouped cases resolved together",
                group.preventionId(),
                resolved,
                group.complaintIds().size());
    }

    /** Resolved with the group's message, or, when the case may not be resolved now, an internal note why. */
    static Change<ComplaintCase> decide(ComplaintCase current, PreventionGroupResolved group) {
        try {
            return CaseDecisions.resolve(current, group.by(), group.message(), group.rootCause(), group.occurredAt());
        } catch (IllegalTransitionException e) {
            return CaseDecisions.note(
                    current,
                    group.by(),
                    "Not resolved with prevention action " + group.preventionId() + ": " + e.getMessage(),
                    true,
                    group.occurredAt());
        }
    }
}

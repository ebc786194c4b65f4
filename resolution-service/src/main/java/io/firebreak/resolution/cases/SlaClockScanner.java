package io.firebreak.resolution.cases;

import io.firebreak.platform.deadline.DeadlineScanner;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.resolution.ResolutionProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The durable SLA clocks (不要让我等): the next instant to look at (a warning, a due time, an open task's due time)
 * is the case's {@code nextDeadline}, so a restart loses none; each warning, breach and overdue task is claimed by
 * the store's compare-and-set together with its event, so several instances scanning at once fire each once.
 */
@Component
class SlaClockScanner extends DeadlineScanner<ComplaintCase> {

    SlaClockScanner(AggregateStore<ComplaintCase> store, Clock clock, ResolutionProperties properties) {
        super(
                "sla-clocks",
                store,
                "nextDeadline",
                properties.slaClocks().batchSize(),
                properties.slaClocks().scanInterval(),
                clock);
    }

    @Override
    protected Change<ComplaintCase> decide(ComplaintCase current, Instant now) {
        return CaseDecisions.fire(current, now);
    }
}

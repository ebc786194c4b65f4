package io.firebreak.feedback.followup;

import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.platform.deadline.DeadlineScanner;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The follow-up clock: the next instant a complaint's follow-up needs attention (its due time, or the time to give
 * up waiting) is its {@code nextAt}, so a restart loses none; each survey and each "no response" closing is one
 * compare-and-set write with its event, so several instances do it once.
 */
@Component
class FollowUpScanner extends DeadlineScanner<ComplaintFollowUps> {

    private static final int BATCH = 200;

    private final FollowUpDecisions decisions;

    FollowUpScanner(
            AggregateStore<ComplaintFollowUps> store,
            FollowUpDecisions decisions,
            Clock clock,
            FeedbackProperties properties) {
        super("follow-up-clock", store, "nextAt", BATCH, properties.followUp().scanInterval(), clock);
        this.decisions = decisions;
    }

    @Override
    protected Change<ComplaintFollowUps> decide(ComplaintFollowUps current, Instant now) {
        return decisions.tick(current, now);
    }
}

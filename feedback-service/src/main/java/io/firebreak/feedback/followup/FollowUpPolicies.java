package io.firebreak.feedback.followup;

import com.mongodb.client.MongoDatabase;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.platform.settings.SettingsHistory;
import io.firebreak.platform.settings.VersionedSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The follow-up policy as versioned data in feedback's database: seeded from {@code feedback.yml}, replaced by
 * administrators ({@code PUT /api/v1/follow-ups/policy}); every follow-up decision uses the active version.
 */
@Component
class FollowUpPolicies {

    /** One version of the policy, as decisions apply it. */
    record Active(String version, FollowUpPolicy policy) {}

    private final VersionedSettings<FollowUpPolicy, Active> policies;

    FollowUpPolicies(MongoDatabase database, FeedbackProperties properties, Clock clock) {
        FeedbackProperties.FollowUp shipped = properties.followUp();
        this.policies = new VersionedSettings<>(
                        "follow-up policy",
                        "feedback.yml",
                        new SettingsHistory<>(database, "followuppolicies", FollowUpPolicy.class, "follow-up"),
                        FollowUpPolicies::problems,
                        Active::new,
                        clock)
                .seed(new FollowUpPolicy(
                        shipped.delay(),
                        shipped.reopenAtOrBelowScore(),
                        shipped.maxAttempts(),
                        shipped.noResponseAfter()));
    }

    Active current() {
        return policies.compiled();
    }

    VersionedSettings<FollowUpPolicy, Active> settings() {
        return policies;
    }

    static List<FieldProblem> problems(FollowUpPolicy policy) {
        List<FieldProblem> problems = new ArrayList<>(FieldProblem.constraintsOf(policy));
        if (policy.delay() != null && policy.delay().isNegative()) {
            problems.add(new FieldProblem("delay", "must not be negative"));
        }
        Duration giveUp = policy.noResponseAfter();
        if (giveUp != null && (giveUp.isNegative() || giveUp.isZero())) {
            problems.add(new FieldProblem("noResponseAfter", "must be a positive duration"));
        }
        return problems;
    }
}

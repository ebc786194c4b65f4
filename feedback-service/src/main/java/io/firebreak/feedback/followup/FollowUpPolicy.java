package io.firebreak.feedback.followup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How follow-ups go, as an administrator may change it while the service runs: how long after the resolution the
 * customer is asked (回访), the score at or below which an answer reopens the complaint, and when an unanswered
 * follow-up closes as "no response" (after {@code maxAttempts} unanswered calls, or {@code noResponseAfter} past its
 * due time). Public only because the MongoDB record codec cannot reach a package-private record.
 */
public record FollowUpPolicy(
        @NotNull Duration delay,
        @Min(1) @Max(4) int reopenAtOrBelowScore,
        @Min(1) @Max(20) int maxAttempts,
        @NotNull Duration noResponseAfter) {}

package io.firebreak.feedback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The feedback settings under {@code feedback.*}; defaults live in {@code feedback.yml}. */
@Validated
@ConfigurationProperties("firebreak.feedback")
public record FeedbackProperties(@Valid @NotNull FollowUp followUp) {

    /**
     * A follow-up scoring at or below {@code reopenAtOrBelowScore} (on 1–5) reopens the complaint even if the
     * customer said it was resolved; {@code listLimit} caps the pending list.
     */
    public record FollowUp(@Min(1) @Max(4) int reopenAtOrBelowScore, @Min(1) @Max(1000) int listLimit) {}
}

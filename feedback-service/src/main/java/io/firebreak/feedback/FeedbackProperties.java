package io.firebreak.feedback;

import io.firebreak.platform.security.Secrets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The feedback settings under {@code feedback.*}; defaults live in {@code feedback.yml}. */
@Validated
@ConfigurationProperties("firebreak.feedback")
public record FeedbackProperties(
        @Valid @NotNull FollowUp followUp,
        @Valid @NotNull Survey survey,
        @Valid @NotNull Sparks sparks,
        @Valid @NotNull Reports reports) {

    /**
     * A follow-up scoring at or below {@code reopenAtOrBelowScore} (on 1–5) reopens the complaint even if the
     * customer said it was resolved; {@code listLimit} caps the pending list. A follow-up is due {@code delay}
     * after the resolution; it is closed as "no response" after {@code maxAttempts} unanswered calls or when
     * nobody answered {@code noResponseAfter} past its due time. {@code scanInterval}: how often due follow-ups
     * are looked for.
     */
    public record FollowUp(
            @Min(1) @Max(4) int reopenAtOrBelowScore,
            @Min(1) @Max(1000) int listLimit,
            @NotNull Duration delay,
            @Min(1) @Max(20) int maxAttempts,
            @NotNull Duration noResponseAfter,
            @NotNull Duration scanInterval) {}

    /**
     * The customer's survey link: signed with {@code secret} (HMAC-SHA256), valid for {@code validFor}, built on
     * {@code baseUrl} (the gateway's public address).
     */
    public record Survey(
            @NotBlank @Size(min = 16) String secret,
            @NotNull Duration validFor,
            @NotBlank String baseUrl) {

        /** Whoever knows the key can forge a link that reopens or closes a complaint: no default, no placeholder. */
        public Survey {
            Secrets.required(
                    secret,
                    "firebreak.feedback.survey.secret",
                    "FIREBREAK_FEEDBACK_SURVEY_SECRET",
                    16,
                    "signs the customers' survey links");
        }
    }

    /**
     * Spark detection (源头火苗): a cause × department sparks when its count in the last {@code window} is at least
     * {@code minCount} and at least {@code zScore} spreads above the daily mean of the {@code baselineDays} days
     * before. The spread is the larger of the measured standard deviation, the Poisson spread √mean and
     * {@code minSpread}. The effect of a finished prevention action compares {@code effectDays} days after it
     * with as many before.
     */
    public record Sparks(
            @NotNull Duration window,
            @Min(1) @Max(365) int baselineDays,
            @DecimalMin("0.0") double zScore,
            @DecimalMin("0.0") double minSpread,
            @Min(1) int minCount,
            @Min(1) @Max(365) int effectDays) {}

    /** {@code maxPeriodDays}: the longest period one report covers; {@code topCauses}: causes listed. */
    public record Reports(
            @Min(1) @Max(3660) int maxPeriodDays,
            @Min(1) @Max(100) int topCauses) {}
}

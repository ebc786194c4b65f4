package io.firebreak.triage.sla;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;

/**
 * SLA targets per class, and per emotion the share of the class's first-response time an upset customer waits
 * (先处理情感, 后处理事件: an angry or furious customer hears from us sooner than the class alone gives), keyed by the
 * emotion level's name (stored as data, whose maps are keyed by text).
 */
public record SlaSettings(
        @Valid @NotNull Targets ordinary,
        @Valid @NotNull Targets escalated,
        @Valid @NotNull Targets major,
        @Valid @NotNull Targets difficult,

        @NotNull
        Map<
                        @NotNull
                        @Pattern(
                                regexp = "CALM|UPSET|ANGRY|FURIOUS",
                                message = "must be an emotion level:" + " CALM, UPSET, ANGRY or FURIOUS")
                        String,
                        @NotNull @DecimalMin("0.05") @DecimalMax("1.0") Double>
                firstResponseFactors) {

    public Targets of(ComplaintClass complaintClass) {
        return switch (complaintClass) {
            case ORDINARY -> ordinary;
            case ESCALATED -> escalated;
            case MAJOR -> major;
            case DIFFICULT -> difficult;
        };
    }

    /** The share of the first-response time for this emotion: 1 for one not listed. */
    public double firstResponseFactor(EmotionLevel emotion) {
        if (emotion == null) return 1.0;
        Double factor = firstResponseFactors.get(emotion.name());
        return factor == null ? 1.0 : factor;
    }

    /** How long until the first response and until resolution. */
    public record Targets(
            @NotNull Duration firstResponse, @NotNull Duration resolution) {}
}

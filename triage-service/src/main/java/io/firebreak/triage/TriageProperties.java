package io.firebreak.triage;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The triage rules under {@code triage.*}: the versioned keyword rule set that classifies, the keyword routing
 * to an owning department, and the SLA targets per class. Defaults live in {@code triage.yml}.
 */
@Validated
@ConfigurationProperties("firebreak.triage")
public record TriageProperties(
        @Valid @NotNull Classification classification, @Valid @NotNull Routing routing, @Valid @NotNull Sla sla) {

    /** A versioned rule set; the version is recorded with every decision it makes. */
    public record Classification(@NotBlank String version, @NotEmpty List<@Valid @NotNull Rule> rules) {}

    /**
     * One rule: it fires when the complaint's text contains any of its phrases, and raises the class to at least
     * {@code complaintClass}. A phrase is matched case-insensitively; a Latin phrase only as whole words, or as
     * a word prefix when it ends in {@code *}; a Chinese phrase anywhere.
     */
    public record Rule(
            @NotBlank String name, @NotNull ComplaintClass complaintClass, @NotEmpty List<@NotBlank String> phrases) {}

    /** The owning department by keyword, checked in order; the first that matches owns, later matches assist. */
    public record Routing(@NotBlank String defaultDepartment, @NotEmpty List<@Valid @NotNull Department> departments) {}

    /** The phrases that put a complaint in one department's hands. */
    public record Department(@NotBlank String name, @NotEmpty List<@NotBlank String> phrases) {}

    /**
     * SLA targets per class. A customer whose emotion is in {@code hurryFor} gets the first response sooner:
     * the class's first-response time multiplied by {@code emotionFirstResponseFactor} (handle the feelings
     * first, then the matter).
     */
    public record Sla(
            @Valid @NotNull Targets ordinary,
            @Valid @NotNull Targets escalated,
            @Valid @NotNull Targets major,
            @Valid @NotNull Targets difficult,
            @NotNull Set<EmotionLevel> hurryFor,
            @DecimalMin("0.05") @DecimalMax("1.0") double emotionFirstResponseFactor) {

        public Targets of(ComplaintClass complaintClass) {
            return switch (complaintClass) {
                case ORDINARY -> ordinary;
                case ESCALATED -> escalated;
                case MAJOR -> major;
                case DIFFICULT -> difficult;
            };
        }
    }

    /** How long until the first response and until resolution. */
    public record Targets(@NotNull Duration firstResponse, @NotNull Duration resolution) {}
}

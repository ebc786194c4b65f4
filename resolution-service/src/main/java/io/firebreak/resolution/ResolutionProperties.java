package io.firebreak.resolution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The resolution settings under {@code resolution.*}: the bilingual root-cause taxonomy a resolution must pick
 * from, the SLA clocks (scan, warning share, business-hours calendars), the compensation a proposal may offer
 * without a supervisor's approval, and what the secondary departments are given. Defaults live in
 * {@code resolution.yml}.
 */
@Validated
@ConfigurationProperties("firebreak.resolution")
public record ResolutionProperties(
        @NotEmpty List<@Valid @NotNull RootCause> rootCauses,
        @Valid @NotNull SlaClocks slaClocks,
        @Valid @NotNull Proposals proposals,
        @Valid @NotNull @DefaultValue SecondaryDepartments secondaryDepartments) {

    /**
     * What a case does for the departments triage named as contributing (secondary responsibility): TASK gives each
     * an optional task on the case, due with the resolution, in its queue ({@code GET /tasks?department=}) and
     * announced ({@code firebreak.task.assigned}); NONE leaves them a label.
     */
    public record SecondaryDepartments(
            @NotNull @DefaultValue("TASK") SecondaryPolicy policy) {}

    /** See {@link SecondaryDepartments}. */
    public enum SecondaryPolicy {
        TASK,
        NONE
    }

    /** One root cause (根因): a stable code and its English and Chinese labels. */
    public record RootCause(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE_CASE")
            String code,

            @NotBlank String en,
            @NotBlank String zh) {}

    /**
     * How often the clocks are checked for deadlines that passed, how many cases one check takes, at which share
     * of a clock's time its warning fires, and the departments' business-hours calendars (a department without
     * one runs 24/7).
     */
    public record SlaClocks(
            @NotNull Duration scanInterval,
            @Min(1) int batchSize,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            BigDecimal warnAt,

            Map<@NotBlank String, @Valid @NotNull BusinessHours> calendars) {

        public SlaClocks {
            calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
        }
    }

    /**
     * A department's working time: a time zone, the working days, opening and closing time (HH:mm) and the
     * holidays (ISO dates) on which nothing counts.
     */
    public record BusinessHours(
            @NotBlank String zone,
            @NotEmpty List<@NotNull DayOfWeek> days,
            @NotNull @Pattern(regexp = TIME) String opens,
            @NotNull @Pattern(regexp = TIME) String closes,
            List<@NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String> holidays) {

        static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";

        public BusinessHours {
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
        }

        @AssertTrue(message = "zone must be a time-zone id, holidays real dates, and a day must open before it closes")
        public boolean isWellFormed() {
            try {
                ZoneId.of(zone);
                holidays.forEach(LocalDate::parse);
                return LocalTime.parse(opens).isBefore(LocalTime.parse(closes));
            } catch (RuntimeException e) {
                return zone == null || opens == null || closes == null; // reported by @NotBlank/@NotNull/@Pattern
            }
        }
    }

    /**
     * Per currency (ISO 4217 code): {@code approvalAbove}, the money (every remedy with an amount, summed) a
     * proposal may offer without a supervisor's approval, a currency not listed always needing approval; and
     * {@code ceiling}, the most one proposal may offer at all, approved or not, a currency not listed not being
     * offered.
     */
    public record Proposals(
            @NotNull Map<@Pattern(regexp = "[A-Z]{3}") String, @NotNull @PositiveOrZero BigDecimal> approvalAbove,
            @NotNull Map<@Pattern(regexp = "[A-Z]{3}") String, @NotNull @PositiveOrZero BigDecimal> ceiling) {}

    @AssertTrue(message = "root cause codes must be unique")
    public boolean isRootCauseCodesUnique() {
        return rootCauses == null
                || rootCauses.stream()
                                .filter(r -> r != null)
                                .map(RootCause::code)
                                .distinct()
                                .count()
                        == rootCauses.stream().filter(r -> r != null).count();
    }
}

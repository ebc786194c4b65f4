package io.firebreak.resolution.cases;

import io.firebreak.resolution.ResolutionProperties.BusinessHours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The SLA clocks' settings an administrator may change while the service runs: at which share of a clock's time
 * its warning fires, and the departments' business-hours calendars (a department without one runs 24/7). Public
 * only because the MongoDB record codec cannot reach a package-private record.
 */
public record ClockSettings(
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
        BigDecimal warnAt,

        Map<@NotBlank String, @Valid @NotNull BusinessHours> calendars) {

    public ClockSettings {
        calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
    }
}

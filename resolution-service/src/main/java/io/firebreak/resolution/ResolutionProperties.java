package io.firebreak.resolution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The resolution settings under {@code resolution.*}: the bilingual root-cause taxonomy a resolution must pick
 * from, the SLA clock scan, and the compensation a proposal may offer without a supervisor's
 * approval. Defaults live in {@code resolution.yml}.
 */
@Validated
@ConfigurationProperties("firebreak.resolution")
public record ResolutionProperties(
        @NotEmpty List<@Valid @NotNull RootCause> rootCauses,
        @Valid @NotNull SlaClocks slaClocks,
        @Valid @NotNull Proposals proposals) {

    /** One root cause (根因): a stable code and its English and Chinese labels. */
    public record RootCause(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be UPPER_SNAKE_CASE") String code,
            @NotBlank String en,
            @NotBlank String zh) {}

    /** How often the clocks are checked for deadlines that passed, and how many cases one check takes. */
    public record SlaClocks(@NotNull Duration scanInterval, @Min(1) int batchSize) {}

    /**
     * Per currency (ISO 4217 code), the total compensation a proposal may offer without a supervisor's approval;
     * a currency not listed always needs approval.
     */
    public record Proposals(@NotNull Map<@Pattern(regexp = "[A-Z]{3}") String, @NotNull @PositiveOrZero BigDecimal>
            compensationApprovalAbove) {}

    @AssertTrue(message = "root cause codes must be unique")
    public boolean isRootCauseCodesUnique() {
        return rootCauses == null
                || rootCauses.stream().filter(r -> r != null).map(RootCause::code).distinct().count()
                        == rootCauses.stream().filter(r -> r != null).count();
    }
}

package io.firebreak.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.test.ShippedProperties;
import io.firebreak.resolution.ResolutionProperties.BusinessHours;
import io.firebreak.resolution.ResolutionProperties.RootCause;
import io.firebreak.resolution.ResolutionProperties.SlaClocks;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolutionPropertiesTest {

    @Test
    void shippedTaxonomyHasTheNineBilingualRootCauses() {
        ResolutionProperties properties =
                ShippedProperties.bind("resolution.yml", "firebreak.resolution", ResolutionProperties.class);

        assertThat(ShippedProperties.violations(properties)).isEmpty();
        assertThat(properties.rootCauses())
                .extracting(RootCause::code)
                .containsExactly(
                        "PRODUCT_DEFECT",
                        "PROCESS",
                        "STAFF_ATTITUDE",
                        "COMMUNICATION",
                        "POLICY",
                        "DELIVERY_LOGISTICS",
                        "BILLING",
                        "SYSTEM_OUTAGE",
                        "OTHER");
        assertThat(properties.rootCauses()).allSatisfy(r -> {
            assertThat(r.en()).isNotBlank();
            assertThat(r.zh()).isNotBlank();
        });
        assertThat(properties.rootCauses().get(0).zh()).isEqualTo("产品缺陷");
    }

    @Test
    void shippedCompensationLimitsIncludeOneThousandYuan() {
        ResolutionProperties properties =
                ShippedProperties.bind("resolution.yml", "firebreak.resolution", ResolutionProperties.class);

        assertThat(properties.proposals().approvalAbove().get("CNY")).isEqualByComparingTo("1000");
        assertThat(properties.proposals().approvalAbove()).containsKeys("USD", "EUR");
        assertThat(properties.proposals().ceiling().get("CNY")).isEqualByComparingTo("50000");
        assertThat(properties.proposals().ceiling().keySet())
                .containsAll(properties.proposals().approvalAbove().keySet());
    }

    @Test
    void duplicateOrMalformedCodesAreRejected() {
        ResolutionProperties shipped =
                ShippedProperties.bind("resolution.yml", "firebreak.resolution", ResolutionProperties.class);
        ResolutionProperties broken = new ResolutionProperties(
                List.of(
                        new RootCause("BILLING", "Billing", "计费"),
                        new RootCause("BILLING", "Billing again", "计费"),
                        new RootCause("bad code", "Bad", "坏")),
                shipped.slaClocks(),
                shipped.proposals(),
                shipped.secondaryDepartments());

        assertThat(ShippedProperties.violations(broken))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("rootCauseCodesUnique", "rootCauses[2].code");
    }

    @Test
    void shippedClocksWarnAtThreeQuartersAndRunAroundTheClock() {
        ResolutionProperties properties =
                ShippedProperties.bind("resolution.yml", "firebreak.resolution", ResolutionProperties.class);

        assertThat(properties.slaClocks().warnAt()).isEqualByComparingTo("0.75");
        assertThat(properties.slaClocks().calendars()).isEmpty();
    }

    @Test
    void badWarningShareOrCalendarIsRejected() {
        ResolutionProperties shipped =
                ShippedProperties.bind("resolution.yml", "firebreak.resolution", ResolutionProperties.class);
        SlaClocks clocks = new SlaClocks(
                Duration.ofSeconds(15),
                100,
                new BigDecimal("1.5"),
                Map.of(
                        "GOOD",
                                new BusinessHours(
                                        "Asia/Shanghai",
                                        List.of(DayOfWeek.MONDAY),
                                        "09:00",
                                        "18:00",
                                        List.of("2026-10-01")),
                        "BAD_ZONE",
                                new BusinessHours("Mars/Olympus", List.of(DayOfWeek.MONDAY), "09:00", "18:00", null),
                        "CLOSES_FIRST",
                                new BusinessHours("Asia/Shanghai", List.of(DayOfWeek.MONDAY), "18:00", "09:00", null),
                        "NO_DAYS", new BusinessHours("Asia/Shanghai", List.of(), "09:00", "18:00", null)));
        ResolutionProperties broken = new ResolutionProperties(
                shipped.rootCauses(), clocks, shipped.proposals(), shipped.secondaryDepartments());

        assertThat(ShippedProperties.violations(broken))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder(
                        "slaClocks.warnAt",
                        "slaClocks.calendars[BAD_ZONE].wellFormed",
                        "slaClocks.calendars[CLOSES_FIRST].wellFormed",
                        "slaClocks.calendars[NO_DAYS].days");
    }
}

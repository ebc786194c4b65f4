package io.firebreak.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.test.ShippedProperties;
import io.firebreak.resolution.ResolutionProperties.RootCause;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionPropertiesTest {

    @Test
    void shippedTaxonomyHasTheNineBilingualRootCauses() {
        ResolutionProperties properties =
                ShippedProperties.bind("resolution.yml", "firebreak.resolution", ResolutionProperties.class);

        assertThat(ShippedProperties.violations(properties)).isEmpty();
        assertThat(properties.rootCauses()).extracting(RootCause::code).containsExactly("PRODUCT_DEFECT", "PROCESS",
                "STAFF_ATTITUDE", "COMMUNICATION", "POLICY", "DELIVERY_LOGISTICS", "BILLING", "SYSTEM_OUTAGE", "OTHER");
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

        assertThat(properties.proposals().compensationApprovalAbove().get("CNY")).isEqualByComparingTo("1000");
        assertThat(properties.proposals().compensationApprovalAbove()).containsKeys("USD", "EUR");
    }

    @Test
    void duplicateOrMalformedCodesAreRejected() {
        ResolutionProperties shipped =
                ShippedProperties.bind("resolution.yml", "firebreak.resolution", ResolutionProperties.class);
        ResolutionProperties broken = new ResolutionProperties(List.of(new RootCause("BILLING", "Billing", "计费"),
                new RootCause("BILLING", "Billing again", "计费"), new RootCause("bad code", "Bad", "坏")),
                shipped.slaClocks(), shipped.proposals());

        assertThat(ShippedProperties.violations(broken)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("rootCauseCodesUnique", "rootCauses[2].code");
    }
}

package io.firebreak.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import io.firebreak.platform.test.ShippedProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriagePropertiesTest {

    @Test
    void shippedDefaultsBindAndAreValid() {
        TriageProperties properties = ShippedProperties.bind("triage.yml", "firebreak.triage", TriageProperties.class);

        assertThat(ShippedProperties.violations(properties)).isEmpty();
        assertThat(properties.classification().version()).isNotBlank();
        assertThat(properties.classification().rules()).extracting(TriageProperties.Rule::complaintClass)
                .contains(ComplaintClass.MAJOR, ComplaintClass.ESCALATED);
        assertThat(properties.routing().defaultDepartment()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(properties.sla().major())
                .isEqualTo(new TriageProperties.Targets(Duration.ofMinutes(30), Duration.ofHours(24)));
        assertThat(properties.sla().difficult())
                .isEqualTo(new TriageProperties.Targets(Duration.ofHours(4), Duration.ofHours(120)));
        assertThat(properties.sla().hurryFor()).containsExactlyInAnyOrder(EmotionLevel.ANGRY, EmotionLevel.FURIOUS);
    }

    @Test
    void ruleSetWithoutVersionOrRulesIsRejected() {
        TriageProperties shipped = ShippedProperties.bind("triage.yml", "firebreak.triage", TriageProperties.class);
        TriageProperties broken = new TriageProperties(
                new TriageProperties.Classification(" ", List.of()), shipped.routing(), shipped.sla());

        assertThat(ShippedProperties.violations(broken)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("classification.version", "classification.rules");
    }
}

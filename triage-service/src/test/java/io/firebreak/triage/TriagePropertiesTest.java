package io.firebreak.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.platform.test.ShippedProperties;
import io.firebreak.triage.classification.RuleSet;
import io.firebreak.triage.classification.RuleSetCheck;
import io.firebreak.triage.routing.RoutingTableCheck;
import io.firebreak.triage.sla.SlaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriagePropertiesTest {

    private final TriageProperties shipped =
            ShippedProperties.bind("triage.yml", "firebreak.triage", TriageProperties.class);

    @Test
    void shippedDefaultsBindAndAreValid() {
        assertThat(ShippedProperties.violations(shipped)).isEmpty();
        assertThat(RuleSetCheck.problems(shipped.classification())).isEmpty();
        assertThat(RoutingTableCheck.problems(shipped.routing())).isEmpty();
        assertThat(shipped.classification().rules())
                .extracting(RuleSet.Rule::complaintClass)
                .contains(ComplaintClass.MAJOR, ComplaintClass.ESCALATED, ComplaintClass.DIFFICULT);
        assertThat(shipped.routing().defaultQueue()).isEqualTo("TRIAGE");
        assertThat(shipped.sla().major())
                .isEqualTo(new SlaSettings.Targets(Duration.ofMinutes(30), Duration.ofHours(24)));
        assertThat(shipped.sla().difficult())
                .isEqualTo(new SlaSettings.Targets(Duration.ofHours(4), Duration.ofHours(120)));
        assertThat(shipped.sla().firstResponseFactors()).isEqualTo(Map.of("ANGRY", 0.5, "FURIOUS", 0.25));
    }

    @Test
    void shippedRulesHaveSentencesInBothLanguagesWithTheirEvidence() {
        assertThat(shipped.classification().rules()).allSatisfy(rule -> {
            assertThat(rule.en()).as(rule.name()).contains("{evidence}");
            assertThat(rule.zh()).as(rule.name()).contains("{evidence}");
        });
    }

    @Test
    void settingsWithoutRulesOrWithABadFactorAreRejected() {
        TriageProperties broken = new TriageProperties(
                new RuleSet(shipped.classification().negation(), List.of(), null),
                shipped.routing(),
                new SlaSettings(
                        shipped.sla().ordinary(),
                        shipped.sla().escalated(),
                        shipped.sla().major(),
                        null,
                        Map.of("ANGRY", 1.5, "BORED", 0.5)));

        assertThat(ShippedProperties.violations(broken))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder(
                        "classification.rules",
                        "sla.difficult",
                        "sla.firstResponseFactors[ANGRY].<map value>",
                        "sla.firstResponseFactors<K>[BORED].<map key>");
    }
}

package io.firebreak.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedbackPropertiesTest {

    @Test
    void shippedDefaultsReopenAtTwoOrBelowAndAreValid() {
        FeedbackProperties properties = ShippedSettings.properties();

        assertThat(ShippedSettings.violations(properties)).isEmpty();
        assertThat(properties.followUp().reopenAtOrBelowScore()).isEqualTo(2);
    }

    @Test
    void thresholdOutsideTheScaleIsRejected() {
        FeedbackProperties broken = new FeedbackProperties(new FeedbackProperties.FollowUp(5, 0));

        assertThat(ShippedSettings.violations(broken)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("followUp.reopenAtOrBelowScore", "followUp.listLimit");
    }
}

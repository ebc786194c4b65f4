package io.firebreak.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.test.ShippedProperties;
import org.junit.jupiter.api.Test;

class FeedbackPropertiesTest {

    @Test
    void shippedDefaultsReopenAtTwoOrBelowAndAreValid() {
        FeedbackProperties properties = ShippedFeedbackProperties.bind();

        assertThat(ShippedProperties.violations(properties)).isEmpty();
        assertThat(properties.followUp().reopenAtOrBelowScore()).isEqualTo(2);
    }

    @Test
    void thresholdOutsideTheScaleIsRejected() {
        FeedbackProperties shipped = ShippedFeedbackProperties.bind();
        FeedbackProperties.FollowUp followUp = shipped.followUp();
        FeedbackProperties broken = new FeedbackProperties(
                new FeedbackProperties.FollowUp(
                        5,
                        0,
                        followUp.delay(),
                        followUp.maxAttempts(),
                        followUp.noResponseAfter(),
                        followUp.scanInterval()),
                shipped.survey(),
                shipped.sparks(),
                shipped.reports());

        assertThat(ShippedProperties.violations(broken))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("followUp.reopenAtOrBelowScore", "followUp.listLimit");
    }
}

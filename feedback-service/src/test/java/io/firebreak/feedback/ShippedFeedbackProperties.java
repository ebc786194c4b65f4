package io.firebreak.feedback;

import io.firebreak.platform.test.ShippedProperties;
import java.util.Map;

/** The shipped {@code feedback.yml} as the service binds it, with the survey secret an operator must give. */
public final class ShippedFeedbackProperties {

    private ShippedFeedbackProperties() {}

    public static FeedbackProperties bind() {
        return ShippedProperties.bind(
                "feedback.yml",
                "firebreak.feedback",
                FeedbackProperties.class,
                Map.of("firebreak.feedback.survey.secret", "a-survey-secret-given-by-the-operator"));
    }
}

package io.firebreak.feedback;

import io.firebreak.platform.FirebreakApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The feedback service. Its configuration is {@code feedback.yml}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FeedbackApplication {

    public static final String NAME = "feedback";

    public static void main(String[] args) {
        FirebreakApplication.builder(FeedbackApplication.class, NAME).run(args);
    }
}

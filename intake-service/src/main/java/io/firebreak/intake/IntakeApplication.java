package io.firebreak.intake;

import io.firebreak.platform.FirebreakApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The intake service. Its configuration is {@code intake.yml}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

    public static final String NAME = "intake";

    public static void main(String[] args) {
        FirebreakApplication.builder(IntakeApplication.class, NAME).run(args);
    }
}

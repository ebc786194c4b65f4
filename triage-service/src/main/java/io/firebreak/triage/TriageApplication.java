package io.firebreak.triage;

import io.firebreak.platform.FirebreakApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The triage service. Its configuration is {@code triage.yml}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageApplication {

    public static final String NAME = "triage";

    public static void main(String[] args) {
        FirebreakApplication.builder(TriageApplication.class, NAME).run(args);
    }
}

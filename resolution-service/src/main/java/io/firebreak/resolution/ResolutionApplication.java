package io.firebreak.resolution;

import io.firebreak.platform.FirebreakApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The resolution service. Its configuration is {@code resolution.yml}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ResolutionApplication {

    public static final String NAME = "resolution";

    public static void main(String[] args) {
        FirebreakApplication.builder(ResolutionApplication.class, NAME).run(args);
    }
}

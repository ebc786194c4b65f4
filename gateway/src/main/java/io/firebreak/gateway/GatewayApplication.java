package io.firebreak.gateway;

import io.firebreak.platform.FirebreakApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The gateway: the one door to the outside world. Its configuration is {@code gateway.yml}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static final String NAME = "gateway";

    public static void main(String[] args) {
        FirebreakApplication.builder(GatewayApplication.class, NAME).run(args);
    }
}

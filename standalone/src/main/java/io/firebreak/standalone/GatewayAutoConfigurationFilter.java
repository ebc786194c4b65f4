package io.firebreak.standalone;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * All five applications share the standalone classpath, so the gateway's jars are visible to every service. In a
 * service's context this leaves out the auto-configurations only the gateway brings (Spring Cloud Gateway and its
 * circuit breakers, Spring Cloud commons and context), so a service runs here as it does alone in its image.
 * Switching the gateway off by property is not enough: its filter configurations still start and fail.
 */
public class GatewayAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    /** Set to true, by the standalone system, in the services' contexts only. */
    static final String SERVICE_PROPERTY = "firebreak.standalone.service";

    private static final List<String> GATEWAY_ONLY_PACKAGES =
            List.of("org.springframework.cloud.", "io.github.resilience4j.");

    private boolean service;

    @Override
    public void setEnvironment(Environment environment) {
        service = environment.getProperty(SERVICE_PROPERTY, Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = !service
                    || candidate == null
                    || GATEWAY_ONLY_PACKAGES.stream().noneMatch(candidate::startsWith);
        }
        return matches;
    }
}

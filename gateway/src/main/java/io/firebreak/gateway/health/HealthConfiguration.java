package io.firebreak.gateway.health;

import io.firebreak.gateway.GatewayProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code downstream} health contributor, part of the readiness group (gateway.yml) and of the overall health. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean("downstreamHealthIndicator")
    HealthIndicator downstreamHealthIndicator(GatewayProperties properties) {
        return new DownstreamHealthIndicator(
                properties.services().byName(),
                properties.health().timeout(),
                properties.health().requireDownstreamReady());
    }
}

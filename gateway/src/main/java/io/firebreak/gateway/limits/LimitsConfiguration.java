package io.firebreak.gateway.limits;

import io.firebreak.gateway.GatewayProperties;
import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.web.BodyLimits;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own request limits, as servlet filters after Spring Security's chain (order -100), so that the
 * token's subject is known: first the rate limit, then the body is read in whole before anything is proxied.
 * The platform's body size filter (ahead of security) has already refused a declared oversize body.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    static final int RATE_LIMIT_ORDER = 0;
    static final int BODY_BUFFER_ORDER = 10;

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(GatewayProperties properties) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(properties.rateLimit()));
        registration.setOrder(RATE_LIMIT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyBufferFilter> bodyBufferFilter(PlatformProperties platform) {
        // The platform's limits: the gateway's max-body-bytes is its firebreak.http.max-body-bytes.
        FilterRegistrationBean<BodyBufferFilter> registration =
                new FilterRegistrationBean<>(new BodyBufferFilter(BodyLimits.of(platform.http())));
        registration.setOrder(BODY_BUFFER_ORDER);
        return registration;
    }
}

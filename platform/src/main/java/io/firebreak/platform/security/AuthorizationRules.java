package io.firebreak.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Request rules a service adds to the shared security chain (the gateway's per-route roles). Services that
 * guard their endpoints with {@code @PreAuthorize} need none.
 */
@FunctionalInterface
public interface AuthorizationRules {

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests);
}

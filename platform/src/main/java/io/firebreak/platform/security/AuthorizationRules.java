package io.firebreak.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Request rules an application adds to the shared security chain, after the API's route/role table
 * ({@link ApiRoutes}), for routes outside the API (none of Firebreak's services need any).
 */
@FunctionalInterface
public interface AuthorizationRules {

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests);
}

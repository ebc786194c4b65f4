package io.firebreak.platform.security;

import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.web.Problems;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service validates the bearer token itself (defence in depth: reaching a service directly is no way
 * round the gateway). Roles come from the {@code roles} claim; 401 and 403 are problem+json.
 */
// Before Boot's security auto-configurations: each backs off when a SecurityFilterChain or JwtDecoder exists, so
// this chain must be registered first or a default chain (form login, unmapped roles) could take its place.
@AutoConfiguration(
        before = {
            SecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            OAuth2ResourceServerWebSecurityAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformProperties properties) {
        String jwkSetUri = properties.security().jwkSetUri();
        // An identity provider's keys (asymmetric only: a shared secret never leaves this system), or the secret.
        NimbusJwtDecoder decoder = jwkSetUri != null && !jwkSetUri.isBlank()
                ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri.strip())
                        .jwsAlgorithm(SignatureAlgorithm.RS256)
                        .jwsAlgorithm(SignatureAlgorithm.ES256)
                        .build()
                : NimbusJwtDecoder.withSecretKey(
                                JwtTokens.key(properties.security().jwtSecret()))
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.security().issuer()),
                new TokenRules(
                        properties.security().audience(),
                        properties.security().maxTokenLifetime(),
                        java.time.Clock.systemUTC())));
        // The validator's timestamps are on the system clock; the cache checks expiry on the same one.
        return new CachingJwtDecoder(decoder, java.time.Clock.systemUTC());
    }

    /**
     * No observation (trace span) per filter, authentication and authorization: on every request of every part they
     * cost more than the checks they time. Request timings stay in {@code http.server.requests}.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, its header and parameter checks without regular expressions ({@link RequestFirewall}). */
    @Bean
    static WebSecurityCustomizer requestFirewall() {
        return web -> web.httpFirewall(RequestFirewall.strict());
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Roles.SUPERVISOR)
                .implies(Roles.AGENT)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain firebreakSecurity(
            HttpSecurity http, ObjectProvider<AuthorizationRules> rules, RoleHierarchy roleHierarchy) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(requests -> {
                    // An async dispatch (an SSE stream's completion or timeout) belongs to a request already let in.
                    requests.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC)
                            .permitAll();
                    // The one route/role table, the same at the gateway and in every service: nearly every request
                    // is an API request, decided here before the rows for the system's own paths.
                    ApiRoutes.apply(requests, roleHierarchy);
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                            .permitAll();
                    // The API's description (OpenAPI) and, at the gateway, its UI: what the README says anyway.
                    requests.requestMatchers(
                                    HttpMethod.GET,
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/api-docs/*",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**")
                            .permitAll();
                    // A scraper's token reads the metrics, and nothing else; ADMIN reads every endpoint.
                    requests.requestMatchers("/actuator/prometheus").hasAnyRole(Roles.ADMIN, Roles.METRICS);
                    requests.requestMatchers("/actuator/**").hasRole(Roles.ADMIN);
                    rules.orderedStream().forEach(r -> r.apply(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.bearerTokenResolver(new BearerTokens())
                        .jwt(j -> j.jwtAuthenticationConverter(new RolesConverter()))
                        .authenticationEntryPoint((req, res, e) -> {
                            // Why, in the log only: the answer tells a caller nothing about what a forgery got wrong.
                            log.info(
                                    "Bearer token refused on {} {}: {}",
                                    req.getMethod(),
                                    req.getRequestURI(),
                                    e.getMessage());
                            Problems.write(
                                    res,
                                    HttpStatus.UNAUTHORIZED,
                                    "Unauthorized",
                                    "A valid bearer token is required.",
                                    Map.of("WWW-Authenticate", "Bearer"));
                        })
                        .accessDeniedHandler((req, res, e) -> Problems.write(
                                res, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this.", Map.of())))
                .exceptionHandling(x -> x.authenticationEntryPoint((req, res, e) -> Problems.write(
                                res,
                                HttpStatus.UNAUTHORIZED,
                                "Unauthorized",
                                "A valid bearer token is required.",
                                Map.of("WWW-Authenticate", "Bearer")))
                        .accessDeniedHandler((req, res, e) -> Problems.write(
                                res, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this.", Map.of())));
        return http.build();
    }

    /** {@code roles: [AGENT]} → authority {@code ROLE_AGENT}; the subject is the principal's name. */
    static final class RolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            Collection<GrantedAuthority> authorities = roles == null
                    ? List.of()
                    : roles.stream()
                            .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r))
                            .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }
}

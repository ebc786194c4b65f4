package io.firebreak.platform.web;

import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.tracing.Spans;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * problem+json answers (this advice replaces Boot's own problem-details handler), the correlation filter (first of
 * all but the HTTP observation's), the body size limit, and unknown query parameters refused ({@link KnownParameters}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
public class WebConfiguration {

    /**
     * The service's OpenAPI document ({@code /v3/api-docs}, springdoc, from its controllers): named after the
     * service, every operation behind a JWT bearer token (the UI's "Authorize" takes one, e.g. from
     * {@code data/tokens.env}). The gateway serves it at {@code /api-docs/<service>} with the UI at
     * {@code /swagger-ui.html}.
     */
    @Bean
    OpenAPI firebreakOpenApi(@Value("${spring.application.name:firebreak}") String service) {
        return new OpenAPI()
                .info(new Info()
                        .title("Firebreak " + service)
                        .version("v1")
                        .description("The " + service + " part of Firebreak's complaint-handling API. Errors are "
                                + "RFC 9457 problem+json; roles come from the token's roles claim."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    private static final String BEARER = "bearer";

    /** Right after Spring's HTTP observation filter (which starts the request's span), before all the others. */
    @Bean
    FilterRegistrationBean<CorrelationFilter> correlationFilter(ObjectProvider<Spans> spans) {
        FilterRegistrationBean<CorrelationFilter> registration =
                new FilterRegistrationBean<>(new CorrelationFilter(spans.getIfAvailable(() -> Spans.NONE)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(PlatformProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(BodyLimits.of(properties.http())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer knownParameters() {
        KnownParameters known = new KnownParameters();
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(known);
            }
        };
    }

    @Bean
    ProblemHandling problemHandling() {
        return new ProblemHandling();
    }

    @Bean
    ProblemHandling.InTheClientsLanguage problemsInTheClientsLanguage() {
        return new ProblemHandling.InTheClientsLanguage();
    }
}

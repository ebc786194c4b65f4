package io.firebreak.gateway.console;

import io.firebreak.platform.security.AuthorizationRules;
import io.firebreak.platform.security.Roles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The console (static pages under {@code /} and {@code /console/}) loads without a token: it holds no data, and
 * everything it shows comes from the API with the signed-in person's token, under the same roles as any caller.
 * Saying who has a case open is for staff.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleOidc.class)
class ConsoleConfiguration {

    @Bean
    AuthorizationRules consolePages() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/console/cases/*/viewers")
                .hasAnyRole(Roles.AGENT, Roles.SUPERVISOR)
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/console/**")
                .permitAll();
    }
}

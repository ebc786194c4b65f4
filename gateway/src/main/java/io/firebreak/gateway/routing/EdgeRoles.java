package io.firebreak.gateway.routing;

import io.firebreak.platform.security.AuthorizationRules;
import jakarta.servlet.DispatcherType;
import io.firebreak.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use which route, checked at the edge (the services check again). SUPERVISOR implies AGENT through
 * the platform's role hierarchy. First match wins, so the follow-up rule precedes the complaints rules.
 */
@Configuration(proxyBeanMethods = false)
class EdgeRoles {

    @Bean
    AuthorizationRules edgeRoleRules() {
        return requests -> {
            // An SSE stream's later dispatches (on completion or timeout) belong to a request already let in.
            requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
            // Served by the gateway itself (alerts package), for supervisors, and ADMIN (disabled webhooks).
            requests.requestMatchers("/api/v1/alerts", "/api/v1/alerts/**").hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN);
            // The customer's survey link: no login, the link's own signature (checked by feedback) guards it.
            requests.requestMatchers("/survey/*").permitAll();
            requests.requestMatchers("/api/v1/complaints/*/follow-up", "/api/v1/complaints/*/follow-up/**")
                    .hasRole(Roles.AGENT);
            // Prevention actions: agents see them (and the grouped complaints); supervisors run them.
            requests.requestMatchers(HttpMethod.GET, "/api/v1/prevention-actions", "/api/v1/prevention-actions/**")
                    .hasRole(Roles.AGENT);
            requests.requestMatchers(HttpMethod.POST, "/api/v1/prevention-actions/*/complaints").hasRole(Roles.AGENT);
            requests.requestMatchers("/api/v1/prevention-actions", "/api/v1/prevention-actions/**",
                    "/api/v1/reports/**").hasRole(Roles.SUPERVISOR);
            // Served by the gateway itself (webhooks package): ticketing systems' own subscriptions, ADMIN all.
            requests.requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
                    .hasAnyRole(Roles.INTEGRATION, Roles.ADMIN);
            requests.requestMatchers(HttpMethod.POST, "/api/v1/complaints/*/shares").hasRole(Roles.AGENT);
            requests.requestMatchers(HttpMethod.POST, "/api/v1/complaints", "/api/v1/complaints/*/messages",
                    "/api/v1/complaints/*/attachments", "/api/v1/complaints/*/proposal-answer")
                    .hasAnyRole(Roles.AGENT, Roles.INTEGRATION);
            requests.requestMatchers(HttpMethod.GET, "/api/v1/complaints", "/api/v1/complaints/**",
                    "/api/v1/customers/**").hasAnyRole(Roles.AGENT, Roles.INTEGRATION);
            // A customer's personal data erased on their request.
            requests.requestMatchers(HttpMethod.DELETE, "/api/v1/customers/*/personal-data").hasRole(Roles.SUPERVISOR);
            // The rule set and the routing table: supervisors may read them, only ADMIN replaces them.
            requests.requestMatchers(HttpMethod.GET, "/api/v1/triage/rules", "/api/v1/triage/routing")
                    .hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN);
            requests.requestMatchers("/api/v1/triage/rules", "/api/v1/triage/routing").hasRole(Roles.ADMIN);
            requests.requestMatchers("/api/v1/cases", "/api/v1/cases/**", "/api/v1/root-causes", "/api/v1/follow-ups",
                    "/api/v1/follow-ups/**", "/api/v1/triage", "/api/v1/triage/**").hasRole(Roles.AGENT);
            requests.requestMatchers("/api/v1/tasks").hasRole(Roles.AGENT);
            requests.requestMatchers("/api/v1/**").authenticated();
        };
    }
}

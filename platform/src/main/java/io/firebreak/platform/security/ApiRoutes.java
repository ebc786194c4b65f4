package io.firebreak.platform.security;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.util.AntPathMatcher;

/**
 * The one table of who may call which route of the API, checked by the gateway at the edge and by every service
 * again (the same table, applied by the platform's security chain). The first row a request matches decides;
 * SUPERVISOR implies AGENT. What a role may do within a route (a client's own complaints, staff's own departments)
 * is decided by the service ({@link ClientVisibility}, {@link StaffScope}).
 */
public final class ApiRoutes {

    /** A row: the method ({@code null}: any), the path patterns, and the roles allowed (none: public). */
    public record Route(HttpMethod method, List<String> patterns, Set<String> roles) {

        boolean isPublic() {
            return roles.isEmpty();
        }
    }

    private static final Set<String> PUBLIC = Set.of();
    private static final Set<String> AGENT = Set.of(Roles.AGENT);
    private static final Set<String> SUPERVISOR = Set.of(Roles.SUPERVISOR);
    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    private static final Set<String> STAFF_OR_CLIENT = Set.of(Roles.AGENT, Roles.INTEGRATION);

    /** In order: the first row that matches decides. */
    public static final List<Route> TABLE = List.of(
            // The customer's survey link: no login; the link's own signature (checked by feedback) guards it.
            route(null, PUBLIC, "/survey/*"),
            // Follow-ups before the complaints rows they would otherwise match.
            route(null, AGENT, "/api/v1/complaints/*/follow-up", "/api/v1/complaints/*/follow-up/**"),
            // Prevention actions: agents see them and link complaints; supervisors run them. Reports: supervisors.
            route(HttpMethod.GET, AGENT, "/api/v1/prevention-actions", "/api/v1/prevention-actions/**"),
            route(HttpMethod.POST, AGENT, "/api/v1/prevention-actions/*/complaints"),
            route(
                    null,
                    SUPERVISOR,
                    "/api/v1/prevention-actions",
                    "/api/v1/prevention-actions/**",
                    "/api/v1/reports",
                    "/api/v1/reports/**"),
            // Served by the gateway: supervisors' alerts (and ADMIN's, on disabled webhooks); ticketing systems'
            // webhook subscriptions (ADMIN: all).
            route(null, Set.of(Roles.SUPERVISOR, Roles.ADMIN), "/api/v1/alerts", "/api/v1/alerts/**"),
            route(null, Set.of(Roles.INTEGRATION, Roles.ADMIN), "/api/v1/webhooks", "/api/v1/webhooks/**"),
            // Complaints and customers: staff, and ticketing systems (their own); shares by staff; erasure and a
            // customer's handling by a supervisor.
            route(HttpMethod.POST, AGENT, "/api/v1/complaints/*/shares"),
            route(
                    HttpMethod.POST,
                    STAFF_OR_CLIENT,
                    "/api/v1/complaints",
                    "/api/v1/complaints/*/messages",
                    "/api/v1/complaints/*/attachments",
                    "/api/v1/complaints/*/proposal-answer"),
            route(
                    HttpMethod.GET,
                    STAFF_OR_CLIENT,
                    "/api/v1/complaints",
                    "/api/v1/complaints/**",
                    "/api/v1/customers",
                    "/api/v1/customers/**"),
            route(HttpMethod.DELETE, SUPERVISOR, "/api/v1/customers/*/personal-data"),
            // How a customer who needs care is handled: set and cleared by a supervisor, seen by all staff.
            route(HttpMethod.PUT, SUPERVISOR, "/api/v1/customers/*/handling"),
            route(HttpMethod.DELETE, SUPERVISOR, "/api/v1/customers/*/handling"),
            // Triage's review queue and what people's corrections teach: supervisors (and ADMIN, who changes the
            // rules); confirming a doubtful class: a supervisor; a rule set's dry run: ADMIN. Any member of staff may
            // reclassify (the triage row below); lowering a class is checked for a supervisor by triage.
            route(
                    HttpMethod.GET,
                    Set.of(Roles.SUPERVISOR, Roles.ADMIN),
                    "/api/v1/triage/review",
                    "/api/v1/triage/corrections",
                    "/api/v1/triage/corrections/**"),
            route(HttpMethod.POST, SUPERVISOR, "/api/v1/triage/*/review"),
            route(HttpMethod.POST, ADMIN, "/api/v1/triage/rules/dry-run"),
            // Triage's settings (rule set, routing table, SLA targets) and their versions: supervisors read them, only
            // ADMIN replaces them.
            route(
                    HttpMethod.GET,
                    Set.of(Roles.SUPERVISOR, Roles.ADMIN),
                    "/api/v1/triage/rules",
                    "/api/v1/triage/routing",
                    "/api/v1/triage/sla",
                    "/api/v1/triage/*/versions",
                    "/api/v1/triage/*/versions/*"),
            route(null, ADMIN, "/api/v1/triage/rules", "/api/v1/triage/routing", "/api/v1/triage/sla"),
            // Resolution's settings (the SLA clocks' warning share and calendars, the root-cause taxonomy): likewise.
            route(
                    HttpMethod.GET,
                    Set.of(Roles.SUPERVISOR, Roles.ADMIN),
                    "/api/v1/resolution/clocks",
                    "/api/v1/resolution/clocks/versions",
                    "/api/v1/resolution/clocks/versions/*",
                    "/api/v1/root-causes/versions",
                    "/api/v1/root-causes/versions/*"),
            route(HttpMethod.PUT, ADMIN, "/api/v1/resolution/clocks", "/api/v1/root-causes"),
            // Feedback's follow-up policy: likewise.
            route(
                    HttpMethod.GET,
                    Set.of(Roles.SUPERVISOR, Roles.ADMIN),
                    "/api/v1/follow-ups/policy",
                    "/api/v1/follow-ups/policy/versions",
                    "/api/v1/follow-ups/policy/versions/*"),
            route(HttpMethod.PUT, ADMIN, "/api/v1/follow-ups/policy"),
            // Casework: agents; approving a proposal and handing a case over: supervisors.
            route(HttpMethod.POST, SUPERVISOR, "/api/v1/cases/*/proposal/approve", "/api/v1/cases/*/reassign"),
            route(
                    null,
                    AGENT,
                    "/api/v1/cases",
                    "/api/v1/cases/**",
                    "/api/v1/tasks",
                    "/api/v1/root-causes",
                    "/api/v1/follow-ups",
                    "/api/v1/follow-ups/**",
                    "/api/v1/triage/**"));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private ApiRoutes() {}

    private static Route route(HttpMethod method, Set<String> roles, String... patterns) {
        return new Route(method, List.of(patterns), roles);
    }

    /**
     * Adds the table to a security chain as one decision ({@link TableAuthorization}): the first row a request matches
     * decides, with the role hierarchy; any other API route needs a valid token.
     */
    public static void apply(
            AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests,
            RoleHierarchy hierarchy) {
        requests.requestMatchers(TableAuthorization.REQUESTS).access(new TableAuthorization(TABLE, hierarchy));
    }

    /**
     * Whether the table lets {@code role} call {@code method path} (a route no row names: any role); the role
     * hierarchy applies. For tests and documentation: the security chain itself enforces the table.
     */
    public static boolean allows(HttpMethod method, String path, String role) {
        for (Route route : TABLE) {
            if (route.method() != null && !route.method().equals(method)) continue;
            if (route.patterns().stream().noneMatch(p -> PATHS.match(p, path))) continue;
            return route.isPublic()
                    || route.roles().contains(role)
                    || role.equals(Roles.SUPERVISOR) && route.roles().contains(Roles.AGENT);
        }
        return true;
    }
}

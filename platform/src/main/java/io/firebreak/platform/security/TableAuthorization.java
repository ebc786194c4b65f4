package io.firebreak.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The route/role table ({@link ApiRoutes}) as one authorization decision: the request's path is parsed once and
 * the rows' patterns, parsed when the chain is built, are tried in order; the first row that matches decides, and a
 * path under {@code /api/v1} that no row names needs a valid token. As a row per pattern in the security chain, every
 * row the request passed parsed its path again (and cached it in a request attribute through every wrapper): some
 * sixty parses for a request near the table's end, at the gateway and again at the service. The patterns match as
 * the chain's own path matchers do ({@link PathPatternParser#defaultInstance}, against the path within the
 * application), and the roles with the role hierarchy, as {@code hasAnyRole} does.
 */
final class TableAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String API = "/api/v1";
    private static final String SURVEY = "/survey/";

    /**
     * The requests the table decides: every path under {@code /api/v1} (and it) and under {@code /survey/}, found
     * by their prefix without parsing. Others go on to the chain's later rules.
     */
    static final RequestMatcher REQUESTS = request -> {
        String path = pathWithinApplication(request);
        return path.startsWith(SURVEY)
                || path.startsWith(API) && (path.length() == API.length() || path.charAt(API.length()) == '/');
    };

    private record Row(
            String method, List<PathPattern> patterns, AuthorizationManager<RequestAuthorizationContext> access) {

        boolean matches(String requestMethod, PathContainer path) {
            if (method != null && !method.equals(requestMethod)) return false;
            for (PathPattern pattern : patterns) {
                if (pattern.matches(path)) return true;
            }
            return false;
        }
    }

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private final List<Row> rows;
    private final AuthorizationManager<RequestAuthorizationContext> unlisted =
            AuthenticatedAuthorizationManager.authenticated();

    TableAuthorization(List<ApiRoutes.Route> table, RoleHierarchy hierarchy) {
        this.rows = table.stream()
                .map(route -> new Row(
                        route.method() == null ? null : route.method().name(),
                        route.patterns().stream()
                                .map(PathPatternParser.defaultInstance::parse)
                                .toList(),
                        access(route, hierarchy)))
                .toList();
    }

    private static AuthorizationManager<RequestAuthorizationContext> access(
            ApiRoutes.Route route, RoleHierarchy hierarchy) {
        if (route.isPublic()) return (authentication, context) -> GRANTED;
        AuthorityAuthorizationManager<RequestAuthorizationContext> roles =
                AuthorityAuthorizationManager.hasAnyRole(route.roles().toArray(String[]::new));
        roles.setRoleHierarchy(hierarchy);
        return roles;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        String method = request.getMethod();
        for (Row row : rows) {
            if (row.matches(method, path)) return row.access().authorize(authentication, context);
        }
        return unlisted.authorize(authentication, context);
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context == null || context.isEmpty() || !uri.startsWith(context) ? uri : uri.substring(context.length());
    }
}

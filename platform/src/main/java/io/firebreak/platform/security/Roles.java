package io.firebreak.platform.security;

import org.springframework.security.core.Authentication;

/**
 * The roles a token may carry (claim {@code roles}); a SUPERVISOR may do all an AGENT may. METRICS is a scraper's
 * (Prometheus): it reads {@code /actuator/prometheus} and nothing else.
 */
public final class Roles {

    public static final String AGENT = "AGENT";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String INTEGRATION = "INTEGRATION";
    public static final String ADMIN = "ADMIN";
    public static final String METRICS = "METRICS";

    public static final java.util.List<String> ALL = java.util.List.of(AGENT, SUPERVISOR, INTEGRATION, ADMIN, METRICS);

    private Roles() {}

    /** Whether the caller's token carries {@code role}. */
    public static boolean has(Authentication caller, String role) {
        return caller != null
                && caller.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}

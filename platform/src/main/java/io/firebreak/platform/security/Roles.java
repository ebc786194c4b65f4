package io.firebreak.platform.security;

/** The roles a token may carry (claim {@code roles}); a SUPERVISOR may do all an AGENT may. */
public final class Roles {

    public static final String AGENT = "AGENT";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String INTEGRATION = "INTEGRATION";
    public static final String ADMIN = "ADMIN";

    public static final java.util.List<String> ALL = java.util.List.of(AGENT, SUPERVISOR, INTEGRATION, ADMIN);

    private Roles() {}
}

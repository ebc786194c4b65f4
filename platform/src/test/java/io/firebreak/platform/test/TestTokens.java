package io.firebreak.platform.test;

import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.security.StaffScope;
import java.time.Duration;
import java.util.List;

/** Tokens for tests, signed with the secret that {@link Infrastructure#register} gives the services. */
public final class TestTokens {

    public static final String SECRET = "firebreak-test-secret-at-least-32-bytes-long";

    private TestTokens() {}

    /** Staff (AGENT, SUPERVISOR) work for every department; see {@link #forDepartments} for fewer. */
    public static String forRole(String role) {
        boolean staff = role.equals(Roles.AGENT) || role.equals(Roles.SUPERVISOR);
        return JwtTokens.mint(
                SECRET,
                "firebreak",
                role.toLowerCase() + "-1",
                List.of(role),
                staff ? List.of(StaffScope.EVERY) : List.of(),
                Duration.ofHours(1));
    }

    /** A staff token of {@code subject} with {@code role}, working for {@code departments} only. */
    public static String forDepartments(String subject, String role, String... departments) {
        return JwtTokens.mint(SECRET, "firebreak", subject, List.of(role), List.of(departments), Duration.ofHours(1));
    }

    public static String bearer(String role) {
        return "Bearer " + forRole(role);
    }
}

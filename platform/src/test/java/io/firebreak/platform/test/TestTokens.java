package io.firebreak.platform.test;

import io.firebreak.platform.security.JwtTokens;
import java.time.Duration;
import java.util.List;

/** Tokens for tests, signed with the secret that {@link Infrastructure#register} gives the services. */
public final class TestTokens {

    public static final String SECRET = "firebreak-test-secret-at-least-32-bytes-long";

    private TestTokens() {}

    public static String forRole(String role) {
        return JwtTokens.mint(SECRET, "firebreak", role.toLowerCase() + "-1", List.of(role), Duration.ofHours(1));
    }

    public static String bearer(String role) {
        return "Bearer " + forRole(role);
    }
}

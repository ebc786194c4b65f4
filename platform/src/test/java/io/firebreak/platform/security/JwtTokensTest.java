package io.firebreak.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The token secret: whoever knows it signs any token, so none is shipped and no placeholder is taken. */
class JwtTokensTest {

    @Test
    void aMissingShortOrPlaceholderSecretIsRefusedNamingTheVariable() {
        for (String secret : new String[] {
            null,
            "too-short",
            "change-me-placeholder-secret-of-at-least-32-bytes",
            " CHANGE-ME and then some more to be long"
        }) {
            assertThatThrownBy(() -> JwtTokens.key(secret))
                    .as(String.valueOf(secret))
                    .hasMessageContaining("FIREBREAK_SECURITY_JWT_SECRET");
        }
    }

    @Test
    void aRandomSecretOfEnoughBytesIsTaken() {
        assertThat(JwtTokens.key("k4Jx9-2vQ_pL7mRz0aYtWb3nHc8sFdGe5uKoXi1jNq6").getAlgorithm())
                .isEqualTo("HmacSHA256");
    }
}

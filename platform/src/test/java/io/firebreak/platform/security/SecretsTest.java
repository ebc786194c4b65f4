package io.firebreak.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** No secret ships: a missing, short or placeholder one stops the service, naming the setting and its variable. */
class SecretsTest {

    @Test
    void defaultSecrets_aMissingShortOrPlaceholderSecretIsRefusedNamingItsVariable() {
        for (String bad : new String[] {null, " ", "too-short", "change-me-please-this-is-long-enough-now"}) {
            assertThatThrownBy(() -> Secrets.required(bad, "firebreak.x.key", "FIREBREAK_X_KEY", 32, "keys x"))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("firebreak.x.key")
                    .hasMessageContaining("FIREBREAK_X_KEY")
                    .hasMessageContaining("keys x");
        }
        assertThat(Secrets.required("  0123456789abcdef0123456789abcdef  ", "p", "V", 32, "x"))
                .isEqualTo("0123456789abcdef0123456789abcdef");
    }
}

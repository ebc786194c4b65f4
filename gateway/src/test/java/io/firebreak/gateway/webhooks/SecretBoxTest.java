package io.firebreak.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A copy of the gateway's database alone gives no one the secrets that sign deliveries. */
class SecretBoxTest {

    private final SecretBox box = new SecretBox("a-key-of-at-least-32-characters-for-the-test");

    @Test
    void secretsAtRest_aSealedSecretHidesItAndOpensOnlyWithTheKey() {
        String secret = Signatures.newSecret();
        String stored = box.seal(secret);
        assertThat(stored).startsWith("enc:v1:").doesNotContain(secret.substring("whsec_".length()));
        assertThat(box.seal(secret)).as("a new nonce each time").isNotEqualTo(stored);
        assertThat(box.open(stored)).isEqualTo(secret);
        assertThat(box.open("whsec_stored-before-encryption"))
                .as("read as it is")
                .isEqualTo("whsec_stored-before-encryption");
        assertThat(box.seal(null)).isNull();
        SecretBox other = new SecretBox("another-key-of-at-least-32-characters-long");
        assertThatThrownBy(() -> other.open(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret-key");
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void secretsAtRest_theGatewayDoesNotStartWithoutAKey() {
        assertThatThrownBy(() -> new SecretBox(null)).hasMessageContaining("FIREBREAK_GATEWAY_WEBHOOKS_SECRET_KEY");
        assertThatThrownBy(() -> new SecretBox("change-me-to-something-random-and-long"))
                .hasMessageContaining("placeholder");
    }
}

package io.firebreak.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ConsoleOidcTest {

    private static final URI AUTHORIZE = URI.create("https://id.example.com/oauth2/authorize");
    private static final URI TOKEN = URI.create("https://id.example.com/oauth2/token");

    @Test
    void withoutAClientTheConsoleOffersNoSuchSignIn() {
        assertThat(new ConsoleOidc(null, null, " ", null, null).configured()).isFalse();
    }

    @Test
    void aClientGetsTheDefaultScopeAndIsNamedByItsProvidersHost() {
        ConsoleOidc oidc = new ConsoleOidc(AUTHORIZE, TOKEN, "console", null, null);

        assertThat(oidc.configured()).isTrue();
        assertThat(oidc.scope()).isEqualTo("openid");
        assertThat(oidc.name()).isEqualTo("id.example.com");
    }

    @Test
    void aClientNeedsBothEndpointsOverHttpsOrOnThisMachine() {
        assertThatThrownBy(() -> new ConsoleOidc(null, TOKEN, "console", null, null))
                .hasMessageContaining("firebreak.gateway.console.oidc.authorization-endpoint");
        assertThatThrownBy(() ->
                        new ConsoleOidc(AUTHORIZE, URI.create("http://id.example.com/token"), "console", null, null))
                .hasMessageContaining("firebreak.gateway.console.oidc.token-endpoint")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> new ConsoleOidc(AUTHORIZE, URI.create("/token"), "console", null, null))
                .hasMessageContaining("absolute");
        assertThat(new ConsoleOidc(
                                URI.create("http://localhost:9000/authorize"),
                                URI.create("http://127.0.0.1:9000/token"),
                                "console",
                                null,
                                "Dev IdP")
                        .name())
                .isEqualTo("Dev IdP");
    }
}

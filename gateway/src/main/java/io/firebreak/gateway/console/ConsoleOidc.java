package io.firebreak.gateway.console;

import java.net.URI;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity provider the console signs people in with, where one is configured ({@code
 * firebreak.gateway.console.oidc.*}): the authorization code flow with PKCE for a public client, run in the browser.
 * The provider must let this client redirect back to the console's address (the gateway's {@code /}) and answer its
 * token endpoint to that origin (CORS); the access token it issues is what the API checks (the gateway's JWT settings:
 * its JWKS, issuer and {@code roles} claim). Absent ({@code client-id} blank), the console offers no such sign-in.
 *
 * @param authorizationEndpoint where the browser is sent to sign in
 * @param tokenEndpoint where the console exchanges the code (with its verifier) for the tokens
 * @param clientId this console's client at the provider
 * @param scope what the console asks for; {@code openid} unless set
 * @param name how the sign-in button names the provider ("Sign in with …"); the provider's host unless set
 */
@ConfigurationProperties("firebreak.gateway.console.oidc")
public record ConsoleOidc(URI authorizationEndpoint, URI tokenEndpoint, String clientId, String scope, String name) {

    public ConsoleOidc {
        clientId = clientId == null || clientId.isBlank() ? null : clientId.strip();
        scope = scope == null || scope.isBlank() ? "openid" : scope.strip();
        if (clientId != null) {
            authorizationEndpoint = endpoint("authorization-endpoint", authorizationEndpoint);
            tokenEndpoint = endpoint("token-endpoint", tokenEndpoint);
            name = name == null || name.isBlank() ? authorizationEndpoint.getHost() : name.strip();
        }
    }

    /** Whether the console offers this sign-in. */
    public boolean configured() {
        return clientId != null;
    }

    /**
     * An absolute https address; plain http only on this machine (a provider under test). A code or a token never
     * crosses a network in the clear.
     */
    private static URI endpoint(String setting, URI uri) {
        String name = "firebreak.gateway.console.oidc." + setting;
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be the provider's absolute https address (with "
                    + "firebreak.gateway.console.oidc.client-id set), not '" + uri + "'");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean local = uri.getHost().equals("localhost")
                || uri.getHost().startsWith("127.")
                || uri.getHost().equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            throw new IllegalArgumentException(
                    name + " must use https (plain http only on this machine), not '" + uri + "'");
        }
        return uri;
    }
}

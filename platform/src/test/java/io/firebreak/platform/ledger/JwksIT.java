package io.firebreak.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.EmbeddedInfrastructure;
import io.firebreak.platform.test.TestTokens;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In production the tokens come from an identity provider, signed with its asymmetric keys published as a JWKS:
 * with {@code firebreak.security.jwk-set-uri} set, a service accepts tokens its keys signed (RS256, ES256) and no
 * token signed with a shared secret.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ledger")
class JwksIT {

    static final RSAKey RSA = generateRsa();
    static final ECKey EC = generateEc();
    static final HttpServer ISSUER = serve(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())));
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry);
        registry.add(
                "firebreak.mongo.database",
                () -> "jwks-" + UUID.randomUUID().toString().substring(0, 8));
        registry.add(
                "firebreak.security.jwk-set-uri",
                () -> "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/jwks.json");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void tokensOfTheIdentityProvidersKeysAreAcceptedAndNoSharedSecretToken() throws Exception {
        assertThat(status(sign(new RSASSASigner(RSA), JWSAlgorithm.RS256, RSA.getKeyID())))
                .as("RS256")
                .isEqualTo(404);
        assertThat(status(sign(new ECDSASigner(EC), JWSAlgorithm.ES256, EC.getKeyID())))
                .as("ES256")
                .isEqualTo(404);
        assertThat(status(TestTokens.forRole(Roles.AGENT)))
                .as("HS256 with a shared secret")
                .isEqualTo(401);
        RSAKey stranger = generateRsa();
        assertThat(status(sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, RSA.getKeyID())))
                .as("a key the identity provider does not publish")
                .isEqualTo(401);
    }

    private int status(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ledgers/any"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String sign(com.nimbusds.jose.JWSSigner signer, JWSAlgorithm algorithm, String keyId)
            throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm).keyID(keyId).build(),
                new JWTClaimsSet.Builder()
                        .issuer("firebreak")
                        .subject("agent-7")
                        .audience(JwtTokens.AUDIENCE)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .claim("roles", List.of(Roles.AGENT))
                        .build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static RSAKey generateRsa() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            byte[] body = keys.toString(true).getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

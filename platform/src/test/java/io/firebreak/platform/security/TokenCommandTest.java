package io.firebreak.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token command in every image: what a scraper's token minter (or an operator) runs. */
class TokenCommandTest {

    private static final String SECRET = "k4Jx9-2vQ_pL7mRz0aYtWb3nHc8sFdGe5uKoXi1jNq6";
    private static final Map<String, String> ENVIRONMENT = Map.of("FIREBREAK_SECURITY_JWT_SECRET", SECRET);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesAScrapersTokenSignedWithTheSharedSecretToTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scrape.token");

        int status = run(ENVIRONMENT, "METRICS", "prometheus", "--ttl", "P7D", "--out", file.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        SignedJWT token = SignedJWT.parse(Files.readString(file).strip());
        assertThat(token.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("prometheus");
        assertThat(claims.getIssuer()).isEqualTo("firebreak");
        assertThat(claims.getAudience()).containsExactly("firebreak");
        assertThat(claims.getStringListClaim("roles")).containsExactly(Roles.METRICS);
        assertThat(claims.getExpirationTime().toInstant())
                .isBetween(
                        Instant.now().plus(Duration.ofDays(7)).minusSeconds(60),
                        Instant.now().plus(Duration.ofDays(7)));
        assertThat(dir.resolve("scrape.token.new")).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("written to " + file)
                .doesNotContain(token.serialize());
    }

    @Test
    void printsTheTokenWithTheIssuerAndDepartmentsGiven() throws Exception {
        Map<String, String> environment =
                Map.of("FIREBREAK_SECURITY_JWT_SECRET", SECRET, "FIREBREAK_SECURITY_ISSUER", "https://idp.example");

        assertThat(run(environment, "AGENT,SUPERVISOR", "li.na", "--departments", "BILLING,LOGISTICS"))
                .isZero();

        JWTClaimsSet claims =
                SignedJWT.parse(out.toString(StandardCharsets.UTF_8).strip()).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://idp.example");
        assertThat(claims.getStringListClaim("roles")).containsExactly(Roles.AGENT, Roles.SUPERVISOR);
        assertThat(claims.getStringListClaim(StaffScope.CLAIM)).containsExactly("BILLING", "LOGISTICS");
    }

    @Test
    void refusesWhatNoServiceWouldAcceptSayingWhy() {
        assertThat(run(ENVIRONMENT, "ROOT", "someone")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Unknown role ROOT")
                .contains("Usage:");
        err.reset();
        assertThat(run(ENVIRONMENT, "METRICS", "prometheus", "--ttl", "P60D")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at most PT744H");
        err.reset();
        assertThat(run(ENVIRONMENT, "METRICS", "prometheus", "--ttl", "a week")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not an ISO-8601 duration");
        err.reset();
        assertThat(run(ENVIRONMENT, "METRICS")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("A role and a subject are required");
        err.reset();
        assertThat(run(Map.of(), "METRICS", "prometheus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FIREBREAK_SECURITY_JWT_SECRET");
        assertThat(out.size()).isZero();
    }

    private int run(Map<String, String> environment, String... args) {
        return TokenCommand.run(
                args,
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}

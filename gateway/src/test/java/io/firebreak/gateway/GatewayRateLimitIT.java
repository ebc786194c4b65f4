package io.firebreak.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.EmbeddedInfrastructure;
import io.firebreak.platform.test.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Per-client rate limits: a burst of three, then 429 with Retry-After for that client only. */
@SpringBootTest(
        classes = GatewayApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "firebreak.security.jwt-secret=" + TestTokens.SECRET,
            "firebreak.gateway.rate-limit.requests-per-second=1",
            "firebreak.gateway.rate-limit.burst=" + GatewayRateLimitIT.BURST
        })
@DirtiesContext
class GatewayRateLimitIT {

    static final int BURST = 3;

    static final ServiceStub SERVICE = ServiceStub.start("any");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry, "gateway");
        for (String service : List.of("intake", "triage", "resolution", "feedback")) {
            registry.add("firebreak.gateway.services." + service, SERVICE::url);
        }
    }

    @AfterAll
    static void stopStub() {
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
        // The first request through a fresh gateway is slow; keep that out of the timed burst.
        gateway.get("/api/v1/cases/warm-up", "Authorization", bearer("warm-up-" + UUID.randomUUID()));
    }

    @Test
    void answers429WithRetryAfterOnceAClientHasSpentItsBurst() {
        String client = bearer("burst-" + UUID.randomUUID());
        List<Integer> statuses = new ArrayList<>();
        GatewayClient.Answer limited = null;
        // A token may come back while these run (one per second), hence a few more tries than the burst.
        for (int i = 0; i < BURST + 3 && limited == null; i++) {
            GatewayClient.Answer answer = gateway.get("/api/v1/cases/c-" + i, "Authorization", client);
            statuses.add(answer.status());
            if (answer.status() == 429) limited = answer;
        }

        assertThat(statuses.subList(0, BURST)).containsOnly(200);
        assertThat(limited).as("a 429 after %s", statuses).isNotNull();
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().path("status").asInt()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 2L);

        GatewayClient.Answer other =
                gateway.get("/api/v1/cases/c-1", "Authorization", bearer("other-" + UUID.randomUUID()));
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void limitsOnlyTheApi() {
        for (int i = 0; i < BURST + 2; i++) {
            assertThat(gateway.get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }

    private static String bearer(String subject) {
        return "Bearer "
                + JwtTokens.mint(TestTokens.SECRET, "firebreak", subject, List.of(Roles.AGENT), Duration.ofMinutes(10));
    }

    @Test
    void rateLimitDodging_forwardingHeadersFromAClientNeitherMakeItAnotherClientNorLiftTheLimit() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BURST + 3 && !statuses.contains(429); i++) {
            statuses.add(gateway.get(
                            "/survey/s-" + i,
                            "X-Forwarded-For",
                            "10.9." + i + ".1",
                            "Forwarded",
                            "for=10.8." + i + ".1",
                            "X-Forwarded-Prefix",
                            "/dodge-" + i)
                    .status());
        }
        assertThat(statuses)
                .as("a new forwarded address and prefix on every request")
                .contains(429);
        List<Integer> health = new ArrayList<>();
        for (int i = 0; i < BURST + 3 && !health.contains(429); i++) {
            health.add(gateway.get("/actuator/health", "X-Forwarded-For", "10.7." + i + ".1")
                    .status());
        }
        assertThat(health).as("the whole system's health is limited too").contains(429);
    }
}

package io.firebreak.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.EmbeddedInfrastructure;
import io.firebreak.platform.test.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Services that are down, failing or slow: the gateway answers 503/504 problem+json naming the service. */
@SpringBootTest(
        classes = GatewayApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "firebreak.security.jwt-secret=" + TestTokens.SECRET,
            "firebreak.gateway.route-timeout=1s",
            "firebreak.gateway.connect-timeout=1s",
            "firebreak.gateway.circuit-breaker.minimum-calls=3",
            "firebreak.gateway.circuit-breaker.sliding-window=3",
            "firebreak.gateway.circuit-breaker.failure-rate-percent=50",
            "firebreak.gateway.circuit-breaker.open-for=60s"
        })
@DirtiesContext
class GatewayResilienceIT {

    static final String PROBLEM_JSON = "application/problem+json";

    static final ServiceStub INTAKE = ServiceStub.start("intake");
    static final ServiceStub TRIAGE = ServiceStub.start("triage");
    static final ServiceStub FEEDBACK = ServiceStub.start("feedback");
    static final String RESOLUTION_URL = ServiceStub.refusingUrl();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry, "gateway");
        registry.add("firebreak.gateway.services.intake", INTAKE::url);
        registry.add("firebreak.gateway.services.triage", TRIAGE::url);
        registry.add("firebreak.gateway.services.resolution", () -> RESOLUTION_URL);
        registry.add("firebreak.gateway.services.feedback", FEEDBACK::url);
    }

    @AfterAll
    static void stopStubs() {
        Stream.of(INTAKE, TRIAGE, FEEDBACK).forEach(ServiceStub::close);
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    GatewayClient gateway;
    String agent;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
        agent = TestTokens.bearer(Roles.AGENT);
    }

    @Test
    void answers503ProblemNamingTheServiceOnceItIsDown() {
        assertThat(gateway.get("/api/v1/complaints/c-1", "Authorization", agent).status())
                .isEqualTo(200);

        INTAKE.close();
        GatewayClient.Answer answer = gateway.get("/api/v1/complaints/c-1", "Authorization", agent);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("service").asString()).isEqualTo("intake");
        assertThat(problem.path("detail").asString()).contains("intake");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/complaints/c-1");
        assertThat(problem.path("correlationId").asString()).isEqualTo(answer.header("X-Correlation-Id"));
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresWhileOtherServicesStillAnswer() {
        for (int i = 0; i < 3; i++) {
            GatewayClient.Answer refused = gateway.get("/api/v1/cases/c-" + i, "Authorization", agent);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().path("service").asString()).isEqualTo("resolution");
        }
        assertThat(breakers.circuitBreaker("resolution").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        GatewayClient.Answer heldBack = gateway.get("/api/v1/cases/c-9", "Authorization", agent);

        assertThat(heldBack.status()).isEqualTo(503);
        assertThat(heldBack.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(heldBack.header("Retry-After")).isEqualTo("60");
        assertThat(heldBack.json().path("service").asString()).isEqualTo("resolution");
        assertThat(heldBack.json().path("detail").asString()).contains("held back");
        assertThat(breakers.circuitBreaker("resolution").getMetrics().getNumberOfNotPermittedCalls())
                .isEqualTo(1);
        assertThat(gateway.get("/api/v1/follow-ups", "Authorization", agent).status())
                .isEqualTo(200);
    }

    @Test
    void answers504ProblemWhenTheServiceIsTooSlow() {
        CountDownLatch slow = TRIAGE.holdAnswers();
        try {
            GatewayClient.Answer answer = gateway.get("/api/v1/triage/c-1", "Authorization", agent);

            assertThat(answer.status()).isEqualTo(504);
            assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
            assertThat(answer.json().path("service").asString()).isEqualTo("triage");
            assertThat(answer.json().path("status").asInt()).isEqualTo(504);
        } finally {
            slow.countDown();
        }
    }
}

package io.firebreak.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.gateway.GatewayApplication;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.EmbeddedInfrastructure;
import io.firebreak.platform.test.TestEvents;
import io.firebreak.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two gateways share the store and the consumer group: whichever consumed an event stores its alert, and a
 * supervisor connected to either gateway sees every alert live, once.
 */
@SpringBootTest(
        classes = GatewayApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
@DirtiesContext
class TwoGatewaysIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestEvents EVENTS =
            new TestEvents(EmbeddedInfrastructure.shared().kafkaBootstrapServers());
    /** A group and a database of their own: no other test's gateway takes these events. */
    private static final String GROUP =
            "gateway-pair-" + UUID.randomUUID().toString().substring(0, 8);

    private static final Map<String, Object> SHARED = new HashMap<>();

    /** This gateway's settings, kept to start the second one with. */
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register((name, value) -> SHARED.put(name, value.get()));
        SHARED.put("spring.application.name", GROUP);
        SHARED.put("firebreak.mongo.database", GROUP);
        SHARED.put("firebreak.gateway.alerts.tail-interval", "100ms");
        SHARED.forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aSupervisorOnEitherGatewaySeesEveryAlertOnce() throws Exception {
        Map<String, Object> second = new HashMap<>(SHARED);
        second.put("spring.config.name", "gateway");
        second.put("server.port", "0");
        // As arguments: over gateway.yml (the builder's properties would be defaults, under it).
        String[] arguments = second.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext other =
                new SpringApplicationBuilder(GatewayApplication.class).run(arguments)) {
            assertThat(other.getEnvironment().getProperty("firebreak.mongo.database"))
                    .isEqualTo(GROUP);
            assertThat(other.getEnvironment().getProperty("spring.application.name"))
                    .isEqualTo(GROUP);
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            await().atMost(WAIT)
                    .until(() -> status(otherPort, "/actuator/health/readiness") == 200
                            && status(port, "/actuator/health/readiness") == 200);
            String department = "DEPT-" + UUID.randomUUID().toString().substring(0, 8);
            String bearer = TestTokens.bearer(Roles.SUPERVISOR);
            try (SseClient here = new SseClient(stream(port, department), "Authorization", bearer);
                    SseClient there = new SseClient(stream(otherPort, department), "Authorization", bearer)) {
                await().atMost(WAIT)
                        .until(() -> here.status() == 200
                                && there.status() == 200
                                && !here.comments().isEmpty()
                                && !there.comments().isEmpty());
                List<String> complaints = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String complaintId = "C-" + UUID.randomUUID();
                    complaints.add(complaintId);
                    Instant due = Instant.now().plus(2, ChronoUnit.HOURS);
                    EVENTS.publish(new ResponsibilityAssigned(
                            complaintId,
                            Instant.now(),
                            department,
                            List.of(),
                            ComplaintClass.ORDINARY,
                            due,
                            due.plus(1, ChronoUnit.DAYS)));
                    EVENTS.publish(new ComplaintClassified(
                            complaintId,
                            Instant.now(),
                            ComplaintClass.MAJOR,
                            null,
                            List.of(new Reason("legal-action", "律师")),
                            "v1",
                            "received"));
                }
                for (SseClient stream : List.of(here, there)) {
                    // All of them, and no more for a while after: none twice.
                    await().atMost(WAIT)
                            .during(Duration.ofMillis(500))
                            .until(() -> stream.events().size() == complaints.size());
                }
                for (SseClient stream : List.of(here, there)) {
                    List<String> alerted = stream.events().stream()
                            .map(e ->
                                    JSON.readTree(e.data()).path("complaintId").asString())
                            .toList();
                    assertThat(alerted).containsExactlyInAnyOrderElementsOf(complaints);
                }
            }
        }
    }

    private static String stream(int port, String department) {
        return "http://127.0.0.1:" + port + "/api/v1/alerts/stream?department=" + department;
    }

    private static int status(int port, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}

package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * One whole standalone system shared by the end-to-end tests of a test run (started on first use, stopped when the
 * JVM ends), and the steps they take through the gateway's API, as an agent would.
 */
final class SystemUnderTest {

    static final Duration STEP = Duration.ofSeconds(30);

    private static StandaloneSystem system;
    private static TestApi api;
    private static TestIdentityProvider identityProvider;

    private SystemUnderTest() {}

    static synchronized StandaloneSystem system() {
        if (system == null) {
            Path data;
            try {
                data = Files.createTempDirectory("firebreak-e2e");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            closedLoopSettings();
            // The console's sign-in with an identity provider: one on this machine, signing tokens as the system does.
            identityProvider = new TestIdentityProvider(data.resolve("jwt-secret"));
            System.setProperty(
                    "firebreak.gateway.console.oidc.authorization-endpoint",
                    identityProvider.base().resolve("/authorize").toString());
            System.setProperty(
                    "firebreak.gateway.console.oidc.token-endpoint",
                    identityProvider.base().resolve("/token").toString());
            System.setProperty("firebreak.gateway.console.oidc.client-id", TestIdentityProvider.CLIENT_ID);
            System.setProperty("firebreak.gateway.console.oidc.name", "Test IdP");
            StandaloneSystem started = Firebreak.start(data, Ports.free());
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.close();
                                FileSystemUtils.deleteRecursively(data.toFile());
                            },
                            "e2e-system-stop"));
            started.awaitReady(Duration.ofMinutes(2));
            system = started;
            api = new TestApi(system.gatewayUrl(), role -> "Bearer " + started.token(role));
        }
        return system;
    }

    /**
     * Feedback's and resolution's clocks on a test's scale (every service reads system properties): a follow-up is
     * due a second after the resolution, and a burst of four same-cause resolutions over an empty history sparks. Webhooks may go
     * to receivers on this machine.
     */
    private static void closedLoopSettings() {
        // Every trace recorded (see RecordedSpansConfiguration), not Spring Boot's default tenth of them.
        System.setProperty("management.tracing.sampling.probability", "1.0");
        System.setProperty("firebreak.feedback.follow-up.delay", "1s");
        System.setProperty("firebreak.feedback.follow-up.scan-interval", "200ms");
        System.setProperty("firebreak.feedback.sparks.min-count", "4");
        // Resolution's clocks (SLA, tasks, promises) looked at twice a second: a promise of seconds can break.
        System.setProperty("firebreak.resolution.sla-clocks.scan-interval", "500ms");
        // The tests' webhook receivers listen on this machine, over plain http.
        System.setProperty("firebreak.gateway.webhooks.allow-http", "true");
        System.setProperty("firebreak.gateway.webhooks.allow-private-targets", "true");
        // Triage's semantic reader (off by default for its cost): the review queue hears it.
        System.setProperty("firebreak.triage.semantic.enabled", "true");
    }

    /** The identity provider the console's sign-in offers. */
    static TestIdentityProvider identityProvider() {
        system();
        return identityProvider;
    }

    static TestApi api() {
        system();
        return api;
    }

    static JsonNode caseFile(String id) {
        TestApi.Response response = api().get("/api/v1/complaints/" + id, Roles.AGENT);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the case file satisfies the condition, and returns it. */
    static JsonNode awaitCaseFile(String id, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(STEP).until(() -> condition.test(last[0] = caseFile(id)));
        return last[0];
    }

    static JsonNode awaitStatus(String id, String status) {
        return awaitCaseFile(id, c -> status.equals(c.get("status").asString()));
    }

    static void awaitCase(String id, String state) {
        await().atMost(STEP).until(() -> {
            TestApi.Response response = api().get("/api/v1/cases/" + id, Roles.AGENT);
            return response.status() == 200
                    && state.equals(response.json().get("state").asString());
        });
    }

    /** Records a follow-up; feedback learns of the resolution from its topic, and answers 409 until it has. */
    static TestApi.Response awaitFollowUp(String id, String body) {
        TestApi.Response[] last = new TestApi.Response[1];
        await().atMost(STEP).until(() -> {
            last[0] = api().post("/api/v1/complaints/" + id + "/follow-up", Roles.AGENT, body);
            return last[0].status() == 201;
        });
        return last[0];
    }

    /** Submits a complaint and returns its id. */
    static String submit(String role, String json) {
        TestApi.Response submitted = api().post("/api/v1/complaints", role, json);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json().get("id").asString();
    }

    /** Takes a complaint through acknowledge, resolve and a happy follow-up to CLOSED. */
    static void closeHappily(String id) {
        awaitCase(id, "ASSIGNED");
        assertThat(api().post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api().post(
                                "/api/v1/cases/" + id + "/resolve",
                                Roles.AGENT,
                                "{\"summary\":\"Sorted out\",\"rootCause\":\"PRODUCT_DEFECT\"}")
                        .status())
                .isEqualTo(200);
        awaitFollowUp(id, "{\"satisfied\":true,\"score\":5}");
        awaitStatus(id, "CLOSED");
    }

    /** The stored alerts about these complaints (the newest 200 of all), as a supervisor lists them. */
    static List<JsonNode> alertsAbout(List<String> complaintIds) {
        return alertsAbout(api(), complaintIds);
    }

    /** As above, from the system {@code api} talks to. */
    static List<JsonNode> alertsAbout(TestApi api, List<String> complaintIds) {
        TestApi.Response list = api.get("/api/v1/alerts?limit=200", Roles.SUPERVISOR);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(list.json().path("items").spliterator(), false)
                .filter(a -> complaintIds.contains(a.path("complaintId").asString()))
                .toList();
    }

    static List<JsonNode> alertsAbout(String complaintId) {
        return alertsAbout(List.of(complaintId));
    }

    /** The kinds of the alerts about a complaint, newest first, from the system {@code api} talks to. */
    static List<String> alertKinds(TestApi api, String complaintId) {
        return alertsAbout(api, List.of(complaintId)).stream()
                .map(a -> a.path("kind").asString())
                .toList();
    }

    /** Whether a record is an SLA breach of this complaint. */
    static boolean breachOf(ConsumerRecord<String, String> record, String complaintId) {
        return complaintId.equals(record.key())
                && "firebreak.sla.breached".equals(CloudEvents.header(record.headers(), CloudEvents.TYPE));
    }
}

package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.SlaClock;
import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TopicProbe;
import io.firebreak.resolution.ResolutionApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The SLA clocks on the whole system with short targets (an ORDINARY complaint's first response is due after
 * {@link #FIRST_RESPONSE}, a MAJOR one's resolution after {@link #MAJOR_RESOLUTION}) and two resolution instances
 * scanning the same cases: a breach fires exactly once, re-triages the complaint ESCALATED and alerts once; a case
 * waiting for the customer does not breach; and a deadline that passes while the system is down fires once after it
 * starts again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaClocksE2EIT {

    static final Duration FIRST_RESPONSE = Duration.ofSeconds(6);
    static final Duration MAJOR_RESOLUTION = Duration.ofSeconds(12);
    private static final Duration STEP = Duration.ofSeconds(40);
    private static final EventCodec CODEC = new EventCodec();
    /** Short targets for the classes these tests use; the escalated class keeps its hour, so nothing fires twice. */
    static final Map<String, Map<String, String>> SETTINGS = Map.of(
            "triage",
                    Map.of(
                            "firebreak.triage.sla.ordinary.first-response", FIRST_RESPONSE.toString(),
                            "firebreak.triage.sla.major.resolution", MAJOR_RESOLUTION.toString()),
            "resolution", Map.of("firebreak.resolution.sla-clocks.scan-interval", "PT0.2S"));

    @TempDir
    static Path data;

    private static Ports ports;
    private static StandaloneSystem system;

    @BeforeAll
    static void start() {
        ports = Ports.free();
        system = startWithTwoResolutionInstances();
    }

    @AfterAll
    static void stop() {
        if (system != null) system.close();
    }

    @Test
    @Order(1)
    void aBreachFiresOnceAcrossTwoResolutionInstancesReTriagesEscalatedAndAlertsOnce() {
        assertThat(system.context("resolution-2").isActive())
                .as("a second resolution instance runs")
                .isTrue();
        try (TopicProbe probe = new TopicProbe(system.kafkaBootstrapServers(), Topics.RESOLUTION)) {
            String id = submit(ordinary("The kettle leaks"));
            assertThat(awaitCase(id).path("complaintClass").asString()).isEqualTo("ORDINARY");

            List<ConsumerRecord<String, String>> breaches = probe.await(r -> SystemUnderTest.breachOf(r, id), 1);
            assertThat(CODEC.fromJson(breaches.get(0).value(), SlaBreached.class)
                            .clock())
                    .isEqualTo(SlaClock.FIRST_RESPONSE);
            JsonNode file = awaitCaseFile(
                    id,
                    c -> "ESCALATED"
                            .equals(c.path("classification")
                                    .path("complaintClass")
                                    .asString()));
            assertThat(file.path("classification").path("reasons").findValuesAsString("rule"))
                    .contains("sla-breached");
            await().atMost(STEP)
                    .until(() -> SystemUnderTest.alertKinds(api(), id).contains("ESCALATED")
                            && SystemUnderTest.alertKinds(api(), id).contains("SLA_BREACH"));

            // Both instances keep scanning every 200 ms: still one breach, one alert.
            assertThat(probe.drain(r -> SystemUnderTest.breachOf(r, id), Duration.ofSeconds(3)))
                    .hasSize(1);
            assertThat(SystemUnderTest.alertKinds(api(), id).stream().filter("SLA_BREACH"::equals))
                    .hasSize(1);
            assertThat(SystemUnderTest.alertKinds(api(), id).stream().filter("ESCALATED"::equals))
                    .hasSize(1);
        }
    }

    @Test
    @Order(2)
    void aCaseWaitingForTheCustomerDoesNotBreachWhileItWaits() {
        try (TopicProbe probe = new TopicProbe(system.kafkaBootstrapServers(), Topics.RESOLUTION)) {
            String id = submit(ordinary("我要找律师起诉你们，水壶漏电"));
            JsonNode opened = awaitCase(id);
            assertThat(opened.path("complaintClass").asString()).isEqualTo("MAJOR");
            Instant due = Instant.parse(opened.path("resolutionDue").asString());
            ok(api().post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}"));
            ok(api().post("/api/v1/cases/" + id + "/investigate", Roles.AGENT, ""));
            ok(api().post(
                            "/api/v1/cases/" + id + "/wait-for-customer",
                            Roles.AGENT,
                            "{\"reason\":\"Waiting for the photos of the kettle\"}"));
            assertThat(Instant.now()).as("paused before the resolution was due").isBefore(due);

            // Well past the planned due time, still waiting: no breach.
            await().atMost(STEP).until(() -> Instant.now().isAfter(due.plusSeconds(3)));
            assertThat(probe.drain(r -> SystemUnderTest.breachOf(r, id), Duration.ofMillis(500)))
                    .isEmpty();
            JsonNode waiting = api().get("/api/v1/cases/" + id, Roles.AGENT).json();
            assertThat(waiting.path("state").asString()).isEqualTo("PENDING_CUSTOMER");
            assertThat(waiting.path("breached")).isEmpty();
            assertThat(SystemUnderTest.alertKinds(api(), id)).doesNotContain("SLA_BREACH");

            // Back from the customer: the resolution clock runs again, its due time later by the time waited.
            JsonNode resumed = ok(api().post("/api/v1/cases/" + id + "/resume", Roles.AGENT, ""))
                    .json();
            assertThat(Instant.parse(resumed.path("resolutionDue").asString())).isAfter(due.plusSeconds(3));
        }
    }

    @Test
    @Order(3)
    void aDeadlineThatPassesWhileTheSystemIsDownFiresOnceAfterItStartsAgain() {
        String id = submit(ordinary("The kettle leaks from the lid"));
        JsonNode opened = awaitCase(id);
        assertThat(opened.path("complaintClass").asString()).isEqualTo("ORDINARY");
        Instant due = Instant.parse(opened.path("firstResponseDue").asString());
        assertThat(Instant.now()).as("stopped before the deadline").isBefore(due);

        system.close();
        // The deadline passes while nothing runs.
        await().atMost(STEP).until(() -> Instant.now().isAfter(due.plusMillis(500)));
        Instant restarted = Instant.now();
        system = startWithTwoResolutionInstances();

        try (TopicProbe probe = new TopicProbe(system.kafkaBootstrapServers(), Topics.RESOLUTION)) {
            List<ConsumerRecord<String, String>> breaches = probe.await(r -> SystemUnderTest.breachOf(r, id), 1);
            assertThat(CODEC.fromJson(breaches.get(0).value(), SlaBreached.class)
                            .occurredAt())
                    .isAfter(restarted);
            awaitCaseFile(
                    id,
                    c -> "ESCALATED"
                            .equals(c.path("classification")
                                    .path("complaintClass")
                                    .asString()));
            await().atMost(STEP)
                    .until(() -> SystemUnderTest.alertKinds(api(), id).contains("SLA_BREACH"));
            assertThat(probe.drain(r -> SystemUnderTest.breachOf(r, id), Duration.ofSeconds(3)))
                    .hasSize(1);
            assertThat(SystemUnderTest.alertKinds(api(), id).stream().filter("SLA_BREACH"::equals))
                    .hasSize(1);
        }
    }

    private static StandaloneSystem startWithTwoResolutionInstances() {
        StandaloneSystem started = Firebreak.start(data, ports, SETTINGS);
        try {
            started.startInstance(ResolutionApplication.class, ResolutionApplication.NAME, "resolution-2", 0);
            started.awaitReady(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    private static TestApi api() {
        return new TestApi(system.gatewayUrl(), role -> "Bearer " + system.token(role));
    }

    private static String submit(String json) {
        TestApi.Response submitted = api().post("/api/v1/complaints", Roles.AGENT, json);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json().path("id").asString();
    }

    private static String ordinary(String description) {
        return "{\"channel\":\"LETTER\",\"customer\":{\"id\":\"CRM-" + CaseResolutionE2EIT.random()
                + "\"},\"description\":\"" + description + "\"}";
    }

    private static JsonNode awaitCase(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(STEP).until(() -> {
            TestApi.Response response = api().get("/api/v1/cases/" + id, Roles.AGENT);
            last[0] = response.status() == 200 ? response.json() : null;
            return last[0] != null;
        });
        return last[0];
    }

    private static JsonNode awaitCaseFile(String id, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(STEP)
                .until(() -> condition.test(
                        last[0] = api().get("/api/v1/complaints/" + id, Roles.AGENT)
                                .json()));
        return last[0];
    }

    private static TestApi.Response ok(TestApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}

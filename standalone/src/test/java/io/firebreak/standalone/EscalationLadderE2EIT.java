package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.Topics;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The escalation ladder, end to end, with first responses due in seconds: a complaint nobody answers climbs from its
 * agent to the department's senior, then (LOGISTICS has no expert) to its supervisor, then to its head, one rung per
 * breach; at the head the ladder ends: the last breach stands, no new clock, no more breaches. At every rung the case
 * file names the owner the case has, and the supervisors hear of each breach once.
 */
class EscalationLadderE2EIT {

    private static final Duration STEP = Duration.ofSeconds(40);
    private static final Map<String, Map<String, String>> SETTINGS = Map.of(
            "triage",
                    Map.of(
                            "firebreak.triage.sla.ordinary.first-response", "PT4S",
                            "firebreak.triage.sla.escalated.first-response", "PT4S"),
            "resolution", Map.of("firebreak.resolution.sla-clocks.scan-interval", "PT0.2S"));

    @TempDir
    static Path data;

    private static StandaloneSystem system;

    @BeforeAll
    static void start() {
        system = Firebreak.start(data, Ports.free(), SETTINGS);
        system.awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        if (system != null) system.close();
    }

    @Test
    void anUnansweredComplaintClimbsOneRungPerBreachToTheHeadAndStopsThere() {
        try (TopicProbe probe = new TopicProbe(system.kafkaBootstrapServers(), Topics.RESOLUTION)) {
            TestApi.Response submitted =
                    api().post("/api/v1/complaints", Roles.AGENT, """
                    {"channel":"LETTER","customer":{"id":"CRM-LADDER-%s"},"description":"快递三天没到，包裹还没送到"}""".formatted(CaseResolutionE2EIT.random()));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            String id = submitted.json().path("id").asString();

            List<String> owners = new ArrayList<>();
            owners.add(awaitOwner(id, o -> o != null && !o.isEmpty()));
            assertThat(caseOf(id).path("department").asString()).isEqualTo("LOGISTICS");
            for (String above : List.of("zhao.qiang", "lei.gang", "wu.ping")) {
                owners.add(awaitOwner(id, above::equals));
                agree(id);
            }
            assertThat(owners)
                    .as("agent, senior, (no expert: skipped) supervisor, head")
                    .containsExactly(owners.get(0), "zhao.qiang", "lei.gang", "wu.ping");
            assertThat(owners.get(0)).isIn("wang.lei", "david.liu");

            // The head's own clock runs out once more: that breach stands, and nothing restarts it.
            List<ConsumerRecord<String, String>> breaches = probe.await(r -> SystemUnderTest.breachOf(r, id), 4);
            assertThat(probe.drain(r -> SystemUnderTest.breachOf(r, id), Duration.ofSeconds(8)))
                    .as("one breach per rung, then none")
                    .hasSize(4);
            assertThat(caseOf(id).path("owner").asString()).isEqualTo("wu.ping");
            assertThat(breaches).hasSize(4);
            await().atMost(STEP)
                    .untilAsserted(() -> assertThat(SystemUnderTest.alertKinds(api(), id).stream()
                                    .filter("SLA_BREACH"::equals))
                            .as("each breach alerted once")
                            .hasSize(4));
            assertThat(SystemUnderTest.alertKinds(api(), id).stream().filter("ESCALATED"::equals))
                    .as("the class rose once")
                    .hasSize(1);
        }
    }

    private static String awaitOwner(String id, java.util.function.Predicate<String> wanted) {
        String[] owner = new String[1];
        await().atMost(STEP).untilAsserted(() -> {
            TestApi.Response response = api().get("/api/v1/cases/" + id, Roles.AGENT);
            owner[0] = response.status() == 200 ? response.json().path("owner").asString(null) : null;
            assertThat(owner[0])
                    .as(
                            "the case's owner; the complaint's triage: %s",
                            api().get("/api/v1/triage/" + id, Roles.SUPERVISOR).body())
                    .matches(wanted::test);
        });
        return owner[0];
    }

    /** The case file names the owner and department the case has. */
    private static void agree(String id) {
        JsonNode theCase = caseOf(id);
        await().atMost(STEP).untilAsserted(() -> {
            JsonNode file = api().get("/api/v1/complaints/" + id, Roles.AGENT).json();
            assertThat(file.path("owner").path("owner").asString())
                    .isEqualTo(theCase.path("owner").asString());
            assertThat(file.path("owner").path("primaryDepartment").asString())
                    .isEqualTo(theCase.path("department").asString());
        });
    }

    private static JsonNode caseOf(String id) {
        return api().get("/api/v1/cases/" + id, Roles.AGENT).json();
    }

    private static TestApi api() {
        return new TestApi(system.gatewayUrl(), role -> "Bearer " + system.token(role));
    }
}

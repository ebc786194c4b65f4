package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.alertsAbout;
import static io.firebreak.standalone.SystemUnderTest.awaitCase;
import static io.firebreak.standalone.SystemUnderTest.awaitCaseFile;
import static io.firebreak.standalone.SystemUnderTest.awaitStatus;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A case worked through the gateway on the whole system, as agents and supervisors would: a proposal accepted and
 * the case resolved; a proposal rejected, which escalates the complaint and alerts supervisors (listed and
 * streamed); another department's required task holding up the resolution; and a supervisor's alert stream that
 * drops and reconnects with {@code Last-Event-ID} and misses nothing, repeats nothing.
 */
class CaseResolutionE2EIT {

    static StandaloneSystem system;
    static TestApi api;
    static TopicProbe topics;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.system();
        api = SystemUnderTest.api();
        topics = new TopicProbe(system.kafkaBootstrapServers(), Topics.RESOLUTION, Topics.TRIAGE);
    }

    @AfterAll
    static void stop() {
        if (topics != null) topics.close();
    }

    @Test
    void aComplaintIsAcknowledgedInvestigatedProposedAcceptedAndResolved() {
        String id = submit(Roles.AGENT, complaint("The kettle I bought leaks from the base", "CRM-" + random()));
        awaitCase(id, "ASSIGNED");

        ok(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{\"message\":\"We are on it\"}"));
        ok(api.post("/api/v1/cases/" + id + "/investigate", Roles.AGENT, ""));
        TestApi.Response proposed = ok(api.post("/api/v1/cases/" + id + "/proposal", Roles.AGENT, proposal()));
        assertThat(proposed.json().path("state").asString()).isEqualTo("PROPOSED");
        JsonNode plan = proposed.json().path("proposal");
        assertThat(plan.path("steps"))
                .extracting(
                        s -> s.path("number").asInt() + ". " + s.path("what").asString())
                .containsExactly("1. Collect the kettle", "2. Send a new kettle", "3. Call the customer back");
        assertThat(plan.path("remedies"))
                .extracting(r -> r.path("type").asString())
                .containsExactly("APOLOGY", "REPLACEMENT", "REFUND");
        TestApi.Response early = api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, resolution());
        assertThat(early.status()).as("not before the customer accepted").isEqualTo(409);
        assertThat(early.isProblem()).isTrue();

        TestApi.Response accepted = ok(api.post(
                "/api/v1/cases/" + id + "/proposal/answer", Roles.AGENT, "{\"accepted\":true,\"comment\":\"好的\"}"));
        assertThat(accepted.json().path("proposal").path("status").asString()).isEqualTo("ACCEPTED");
        TestApi.Response resolved = ok(api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, resolution()));
        assertThat(resolved.json().path("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("history"))
                .extracting(h -> h.path("to").asString())
                .containsExactly("ASSIGNED", "ACKNOWLEDGED", "INVESTIGATING", "PROPOSED", "RESOLVED");

        JsonNode file = awaitStatus(id, "RESOLVED");
        assertThat(file.path("timeline").findValuesAsString("type"))
                .containsSubsequence(
                        "firebreak.case.acknowledged", "firebreak.proposal.made", "firebreak.case.resolved");
        // Investigating and the accepted answer are case updates: every step of the case is on the topic.
        assertThat(topics.await(
                        r -> id.equals(r.key()) && type(r).startsWith("firebreak.case.")
                                || id.equals(r.key()) && type(r).startsWith("firebreak.proposal."),
                        6))
                .extracting(CaseResolutionE2EIT::type)
                .containsExactly(
                        "firebreak.case.opened",
                        "firebreak.case.acknowledged",
                        "firebreak.case.updated",
                        "firebreak.proposal.made",
                        "firebreak.case.updated",
                        "firebreak.case.resolved");
    }

    @Test
    void aRejectedProposalEscalatesTheComplaintAndAlertsSupervisorsListedAndStreamed() {
        try (AlertStream stream = AlertStream.open(system.gatewayUrl(), bearer(Roles.SUPERVISOR), null)) {
            String id = submit(Roles.AGENT, complaint("The invoice shows the wrong amount", "CRM-" + random()));
            awaitCase(id, "ASSIGNED");
            ok(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}"));
            ok(api.post("/api/v1/cases/" + id + "/investigate", Roles.AGENT, ""));
            ok(api.post("/api/v1/cases/" + id + "/proposal", Roles.AGENT, proposal()));

            TestApi.Response rejected = ok(api.post(
                    "/api/v1/cases/" + id + "/proposal/answer",
                    Roles.AGENT,
                    "{\"accepted\":false,\"comment\":\"一个水壶不够，我要赔偿\"}"));
            assertThat(rejected.json().path("state").asString()).isEqualTo("INVESTIGATING");

            JsonNode escalated = awaitCaseFile(
                    id,
                    c -> "ESCALATED"
                            .equals(c.path("classification")
                                    .path("complaintClass")
                                    .asString()));
            assertThat(escalated.path("classification").path("reasons"))
                    .extracting(r -> r.path("rule").asString())
                    .contains("proposal-rejected");
            assertThat(escalated.path("classification").path("reasons").findValuesAsString("en"))
                    .anySatisfy(en -> assertThat(en).contains("rejected by the customer"));
            assertThat(escalated.path("timeline").findValuesAsString("type"))
                    .containsSubsequence("firebreak.proposal.rejected", "firebreak.complaint.classified");

            List<AlertStream.Received> streamed =
                    stream.await(a -> id.equals(a.complaintId()), 2, SystemUnderTest.STEP);
            assertThat(streamed)
                    .extracting(AlertStream.Received::kind)
                    .containsExactlyInAnyOrder("PROPOSAL_REJECTED", "ESCALATED");
            List<JsonNode> listed = alertsAbout(id);
            assertThat(listed)
                    .extracting(a -> a.path("kind").asString())
                    .containsExactlyInAnyOrder("PROPOSAL_REJECTED", "ESCALATED");
            assertThat(listed)
                    .extracting(a -> a.path("id").asLong())
                    .containsExactlyInAnyOrderElementsOf(
                            streamed.stream().map(AlertStream.Received::id).toList());
        }
    }

    @Test
    void aRequiredTaskOfAnotherDepartmentHoldsUpTheResolutionUntilItsOwnerCompletesIt() {
        String id =
                submit(Roles.AGENT, complaint("The parcel never arrived and I was charged twice", "CRM-" + random()));
        awaitCase(id, "ASSIGNED");
        ok(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}"));
        String department = "BILLING-" + random();
        Instant due = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);

        TestApi.Response given = api.post(
                "/api/v1/cases/" + id + "/tasks",
                Roles.AGENT,
                "{\"department\":\""
                        + department + "\",\"owner\":\"li.na\",\"what\":\"Refund the second charge\",\"dueAt\":\"" + due
                        + "\",\"required\":true}");
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        // Numbered after the tasks the case has (the secondary department's, when triage named one).
        JsonNode tasks = given.json().path("tasks");
        JsonNode task = tasks.get(tasks.size() - 1);
        String taskId = task.path("id").asString();
        assertThat(taskId).isEqualTo("T" + tasks.size());
        assertThat(task.path("department").asString()).isEqualTo(department);

        TestApi.Response blocked = api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, resolution());
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.isProblem()).isTrue();
        assertThat(blocked.json().path("detail").asString()).contains(taskId, department, "Refund the second charge");
        TestApi.Response queue = api.get("/api/v1/tasks?department=" + department, Roles.AGENT);
        assertThat(queue.json().path("items"))
                .extracting(i -> i.path("complaintId").asString())
                .containsExactly(id);

        TestApi.Response someoneElse =
                api.post("/api/v1/cases/" + id + "/tasks/" + taskId + "/complete", Roles.AGENT, "{}");
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(someoneElse.isProblem()).isTrue();
        ok(agent("li.na")
                .post(
                        "/api/v1/cases/" + id + "/tasks/" + taskId + "/complete",
                        Roles.AGENT,
                        "{\"note\":\"Second charge refunded\"}"));
        assertThat(api.get("/api/v1/tasks?department=" + department, Roles.AGENT)
                        .json()
                        .path("items"))
                .isEmpty();
        ok(api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, resolution()));

        JsonNode file = awaitStatus(id, "RESOLVED");
        assertThat(file.path("timeline").findValuesAsString("type"))
                .containsSubsequence("firebreak.task.assigned", "firebreak.task.completed", "firebreak.case.resolved");
    }

    @Test
    void aSupervisorWhoseStreamDropsAndReconnectsWithLastEventIdGetsEveryAlertExactlyOnce() {
        List<String> complaints = new ArrayList<>();
        List<AlertStream.Received> all = new ArrayList<>();
        try (AlertStream first = AlertStream.open(system.gatewayUrl(), bearer(Roles.SUPERVISOR), null)) {
            for (int i = 0; i < 3; i++) complaints.add(submit(Roles.AGENT, major()));
            first.await(a -> complaints.contains(a.complaintId()), 3, SystemUnderTest.STEP);
            all.addAll(first.received());
        }
        Long lastSeen = all.get(all.size() - 1).id();
        // While nobody listens, more alerts happen.
        for (int i = 0; i < 3; i++) complaints.add(submit(Roles.AGENT, major()));
        await().atMost(SystemUnderTest.STEP).until(() -> alertsAbout(complaints).size() >= 6);

        try (AlertStream second = AlertStream.open(system.gatewayUrl(), bearer(Roles.SUPERVISOR), lastSeen)) {
            for (int i = 0; i < 2; i++) complaints.add(submit(Roles.AGENT, major()));
            await().atMost(SystemUnderTest.STEP)
                    .until(() -> alertsAbout(complaints).size() >= 8);
            List<Long> expected = alertsAbout(complaints).stream()
                    .map(a -> a.path("id").asLong())
                    .toList();
            second.await(
                    a -> expected.contains(a.id()) && a.id() > lastSeen,
                    (int) expected.stream().filter(e -> e > lastSeen).count(),
                    SystemUnderTest.STEP);
            assertThat(second.received()).allSatisfy(a -> assertThat(a.id()).isGreaterThan(lastSeen));
            all.addAll(second.received());

            List<Long> receivedIds = all.stream().map(AlertStream.Received::id).toList();
            assertThat(new HashSet<>(receivedIds)).as("no alert twice").hasSize(receivedIds.size());
            Set<Long> mine = new HashSet<>(all.stream()
                    .filter(a -> complaints.contains(a.complaintId()))
                    .map(AlertStream.Received::id)
                    .toList());
            assertThat(mine).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(all.stream()
                            .filter(a -> complaints.contains(a.complaintId()))
                            .map(AlertStream.Received::kind))
                    .containsOnly("MAJOR")
                    .hasSize(8);
        }
    }

    private static String complaint(String description, String customerId) {
        return "{\"channel\":\"WEB_FORM\",\"customer\":{\"id\":\"" + customerId + "\"},\"description\":\"" + description
                + "\"}";
    }

    /** A complaint the rules make MAJOR (a threat of legal action), from a customer of its own. */
    static String major() {
        return complaint("我要找律师起诉你们，这个电热水壶漏电", "CRM-" + random());
    }

    private static String proposal() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return "{\"steps\":["
                + step("Collect the kettle", "LOGISTICS", now.plus(Duration.ofDays(1))) + ","
                + step("Send a new kettle", "LOGISTICS", now.plus(Duration.ofDays(2))) + ","
                + step("Call the customer back", "agent", now.plus(Duration.ofDays(3))) + "],"
                + "\"remedies\":[{\"type\":\"APOLOGY\"},{\"type\":\"REPLACEMENT\"},"
                + "{\"type\":\"REFUND\",\"amount\":30,\"currency\":\"CNY\"}]}";
    }

    private static String step(String what, String who, Instant by) {
        return "{\"what\":\"" + what + "\",\"who\":\"" + who + "\",\"by\":\"" + by + "\"}";
    }

    private static String resolution() {
        return "{\"summary\":\"Replaced and refunded\",\"rootCause\":\"PRODUCT_DEFECT\"}";
    }

    private static TestApi.Response ok(TestApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static String bearer(String role) {
        return "Bearer " + system.token(role);
    }

    /** An API client acting as a named agent of the system. */
    private static TestApi agent(String name) {
        String token =
                JwtTokens.mint(system.jwtSecret(), Credentials.ISSUER, name, List.of(Roles.AGENT), Duration.ofHours(1));
        return new TestApi(system.gatewayUrl(), role -> "Bearer " + token);
    }

    static String type(ConsumerRecord<String, String> record) {
        return CloudEvents.header(record.headers(), CloudEvents.TYPE);
    }

    static String random() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }
}

package io.firebreak.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.firebreak.events.CaseChange;
import io.firebreak.events.CaseState;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.PromiseWarned;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.ResolutionEvents.SlaWarned;
import io.firebreak.events.ResolutionEvents.TaskOverdue;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.gateway.GatewayApplication;
import io.firebreak.platform.security.JwtTokens;
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
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Supervisors' alerts from the services' events: stored once per event, listed, acknowledged and streamed. */
@SpringBootTest(
        classes = GatewayApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "firebreak.gateway.alerts.keep-alive=1s",
            "firebreak.gateway.alerts.max-streams-per-client=3",
            "firebreak.gateway.alerts.max-replay=5"
        })
@DirtiesContext
class AlertsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TestEvents EVENTS =
            new TestEvents(EmbeddedInfrastructure.shared().kafkaBootstrapServers());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry, "gateway");
    }

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    /**
     * Publishes triage's assignment of the complaint and waits until the gateway has remembered it, as it has long
     * before one of the case's tasks or promises falls due: the gateway reads triage's and resolution's topics in
     * turn, not in the order things happened (a partition with a backlog comes later).
     */
    private void assignedAndKnown(String complaintId, String department) {
        EVENTS.publish(assigned(complaintId, department, null));
        await().atMost(WAIT).until(() -> {
            Document known = database.getCollection("complaints")
                    .find(Filters.eq("_id", complaintId))
                    .first();
            return known != null && department.equals(known.getString("department"));
        });
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMajorClassificationRaisesAnAlertWithItsSummaryAndLink() {
        String department = department();
        String complaintId = complaint();
        Instant due = Instant.parse("2026-11-23T17:30:00Z");
        EVENTS.publish(assigned(complaintId, department, due));
        EVENTS.publish(major(complaintId));

        JsonNode alert = awaitAlerts("department=" + department, 1).get(0);

        assertThat(alert.path("kind").asString()).isEqualTo("MAJOR");
        assertThat(alert.path("complaintId").asString()).isEqualTo(complaintId);
        assertThat(alert.path("class").asString()).isEqualTo("MAJOR");
        assertThat(alert.path("department").asString()).isEqualTo(department);
        assertThat(alert.path("summary").asString())
                .isEqualTo("MAJOR complaint " + complaintId + " for " + department
                        + ": legal-action [律师]; first response due 2026-11-23 17:30 UTC");
        assertThat(alert.path("link").asString()).isEqualTo("/api/v1/complaints/" + complaintId);
        assertThat(alert.path("id").asLong()).isPositive();
        assertThat(alert.path("createdAt").isNull()).isFalse();
        assertThat(alert.path("acknowledgedBy").isNull()).isTrue();
    }

    @Test
    void anAlertTellsTheCaseAsItNowStands_itsDepartmentOwnerAndDueTimeNotTriagesFirstChoice() {
        String first = department();
        String handedTo = department();
        String complaintId = complaint();
        Instant triageDue = Instant.parse("2026-11-24T02:04:00Z");
        Instant caseDue = Instant.parse("2026-11-23T23:06:00Z");
        EVENTS.publish(assigned(complaintId, first, triageDue));
        EVENTS.publish(
                new CaseOpened(complaintId, Instant.now(), first, null, triageDue, triageDue.plusSeconds(86_400)));
        EVENTS.publish(new CaseUpdated(
                complaintId,
                Instant.now(),
                CaseChange.HANDED_OVER,
                "lead-1",
                "carrier's fault",
                CaseState.ACKNOWLEDGED,
                "agent-7",
                handedTo,
                triageDue,
                caseDue));
        EVENTS.publish(new SlaWarned(complaintId, Instant.now(), SlaClock.RESOLUTION, caseDue));

        JsonNode alert = awaitAlerts("department=" + handedTo, 1).get(0);

        assertThat(alert.path("kind").asString()).isEqualTo("SLA_WARNING");
        // (Its class comes from triage's topic, which may be read before or after this one's.)
        assertThat(alert.path("summary").asString())
                .startsWith("SLA warning: resolution for ")
                .endsWith(
                        "complaint " + complaintId + " (" + handedTo + ", owner agent-7) is due 2026-11-23 23:06 UTC");
    }

    @Test
    void anOverdueTaskAlertsTheSupervisorsOfItsDepartment() {
        String caseDepartment = department();
        String taskDepartment = department();
        String complaintId = complaint();
        Instant due = Instant.parse("2026-11-23T12:00:00Z");
        assignedAndKnown(complaintId, caseDepartment);
        EVENTS.publish(
                new TaskOverdue(complaintId, Instant.now(), "T1", taskDepartment, null, "Refund the fee", due, true));

        JsonNode alert = awaitAlerts("department=" + taskDepartment, 1).get(0);

        assertThat(alert.path("kind").asString()).isEqualTo("TASK_OVERDUE");
        assertThat(alert.path("summary").asString())
                .isEqualTo("Task T1 for " + taskDepartment + " on ORDINARY"
                        + " complaint " + complaintId + " (" + caseDepartment
                        + ") is overdue: \"Refund the fee\" was due"
                        + " 2026-11-23 12:00 UTC (nobody has taken it); the case cannot be resolved until it is done");
    }

    @Test
    void aPromiseAboutToBeBrokenWarnsAndABrokenOneAlertsWithTheCasesOwnerAndDueTime() {
        String department = department();
        String complaintId = complaint();
        Instant due = Instant.parse("2026-11-23T10:00:00Z");
        assignedAndKnown(complaintId, department);
        EVENTS.publish(new PromiseWarned(
                complaintId, Instant.now(), "P1", "Call the customer back", due, "agent-7", department));
        EVENTS.publish(new PromiseBroken(
                complaintId, Instant.now(), "P1", "Call the customer back", due, "agent-7", department));

        List<JsonNode> alerts = awaitAlerts("department=" + department, 2);

        assertThat(alerts)
                .extracting(a -> a.path("kind").asString())
                .containsExactlyInAnyOrder("PROMISE_WARNING", "PROMISE_BROKEN");
        assertThat(alerts)
                .filteredOn(a -> a.path("kind").asString().equals("PROMISE_BROKEN"))
                .singleElement()
                .satisfies(a -> assertThat(a.path("summary").asString())
                        .isEqualTo("Promise P1 to the customer of "
                                + "ORDINARY complaint " + complaintId + " (" + department
                                + ") was broken: \"Call the customer"
                                + " back\" was due 2026-11-23 10:00 UTC; the customer has been told of the delay"))
                .satisfies(a -> assertThat(a.path("summaryZh").asString())
                        .isEqualTo("对普通投诉 " + complaintId + "（"
                                + department + "）客户的承诺 P1未兑现：“Call the customer back”应于 2026-11-23 10:00 UTC 前完成；"
                                + "已向客户说明延误"));
    }

    @Test
    void aRedeliveredEventMakesNoSecondAlert() {
        String department = department();
        String complaintId = complaint();
        String eventId = UUID.randomUUID().toString();
        EVENTS.publish(
                assigned(complaintId, department, null), UUID.randomUUID().toString(), 0);
        EVENTS.publish(major(complaintId), eventId, 0);
        EVENTS.publish(major(complaintId), eventId, 0);
        // Consumed after both copies (same partition): once its alert is there, so are all the first two raise.
        String marker = complaint();
        EVENTS.publish(assigned(marker, department, null), UUID.randomUUID().toString(), 0);
        EVENTS.publish(major(marker), UUID.randomUUID().toString(), 0);

        List<JsonNode> alerts = awaitAlerts("department=" + department, 2);

        assertThat(alerts).extracting(a -> a.path("complaintId").asString()).containsExactly(marker, complaintId);
    }

    @Test
    void listsNewestFirstFilteredByKindClassAndDepartment() {
        String department = department();
        String major = complaint();
        String escalated = complaint();
        EVENTS.publish(assigned(major, department, null));
        EVENTS.publish(major(major));
        List<JsonNode> first = awaitAlerts("department=" + department, 1);
        EVENTS.publish(assigned(escalated, department, null));
        EVENTS.publish(new ComplaintClassified(
                escalated,
                Instant.now(),
                ComplaintClass.ESCALATED,
                ComplaintClass.ORDINARY,
                List.of(new Reason("repeat-contact", "C-earlier")),
                "v1",
                "message"));
        List<JsonNode> both = awaitAlerts("department=" + department, 2);
        EVENTS.publish(new SlaBreached(escalated, Instant.now(), SlaClock.FIRST_RESPONSE, Instant.now()));
        awaitAlerts("department=" + department, 3);

        assertThat(both).extracting(a -> a.path("complaintId").asString()).containsExactly(escalated, major);
        assertThat(both.get(0).path("summary").asString())
                .contains("ESCALATED", "(was ORDINARY)", "repeat-contact [C-earlier]");
        assertThat(list("department=" + department + "&kind=MAJOR"))
                .extracting(a -> a.path("complaintId").asString())
                .containsExactly(major);
        assertThat(list("department=" + department + "&class=ESCALATED"))
                .extracting(a -> a.path("kind").asString())
                .containsExactly("SLA_BREACH", "ESCALATED");
        assertThat(list("department=" + department + "&kind=SLA_BREACH")
                        .get(0)
                        .path("summary")
                        .asString())
                .startsWith("SLA breached: first response for ESCALATED complaint " + escalated);
        assertThat(list("department=" + department + "&after="
                        + first.get(0).path("id").asLong()))
                .hasSize(2);
        assertThat(list("department=" + department + "&limit=1")).hasSize(1);
        assertThat(list("department=NOWHERE-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void acknowledgingRecordsWhoAndWhenAndASecondTimeIsAConflictNamingThem() {
        String department = department();
        String complaintId = complaint();
        EVENTS.publish(assigned(complaintId, department, null));
        EVENTS.publish(major(complaintId));
        long id = awaitAlerts("department=" + department, 1).get(0).path("id").asLong();

        HttpResponse<String> first = post("/api/v1/alerts/" + id + "/acknowledge", supervisor("sup-ann"));
        HttpResponse<String> second = post("/api/v1/alerts/" + id + "/acknowledge", supervisor("sup-bob"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first.body()).path("acknowledgedBy").asString()).isEqualTo("sup-ann");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(second.body()).path("detail").asString()).contains("sup-ann");
        assertThat(json(second.body()).path("acknowledgedBy").asString()).isEqualTo("sup-ann");
        JsonNode seen = list("department=" + department).get(0);
        assertThat(seen.path("acknowledgedBy").asString()).isEqualTo("sup-ann");
        assertThat(seen.path("acknowledgedAt").isNull()).isFalse();
        assertThat(post("/api/v1/alerts/999999999/acknowledge", supervisor("sup-ann"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theStreamDeliversANewAlertLiveAndAReconnectGetsExactlyTheAlertsAfterItsLastEventId() {
        String department = department();
        String bearer = TestTokens.bearer(Roles.SUPERVISOR);
        String url = "http://127.0.0.1:" + port + "/api/v1/alerts/stream?department=" + department;
        String first = complaint();
        List<String> later = new ArrayList<>();
        String lastEventId;
        try (SseClient stream = new SseClient(url, "Authorization", bearer)) {
            await().atMost(WAIT).until(() -> stream.status() == 200);
            await().atMost(WAIT).until(() -> !stream.comments().isEmpty());
            assertThat(stream.comments().get(0))
                    .as("the stream opens at once, before any keep-alive")
                    .isEqualTo("alerts stream open");
            EVENTS.publish(assigned(first, department, null));
            EVENTS.publish(major(first));

            await().atMost(WAIT).until(() -> stream.events().size() == 1);
            SseClient.Event live = stream.events().get(0);
            assertThat(live.name()).isEqualTo("alert");
            assertThat(json(live.data()).path("complaintId").asString()).isEqualTo(first);
            assertThat(live.id())
                    .isEqualTo(String.valueOf(json(live.data()).path("id").asLong()));
            await().atMost(WAIT).until(() -> stream.comments().contains("keep-alive"));
            lastEventId = live.id();
        }
        // While no one listens: two more alerts.
        for (int i = 0; i < 2; i++) {
            String complaintId = complaint();
            later.add(complaintId);
            EVENTS.publish(assigned(complaintId, department, null));
            EVENTS.publish(major(complaintId));
        }
        awaitAlerts("department=" + department, 3);

        try (SseClient resumed = new SseClient(url, "Authorization", bearer, "Last-Event-ID", lastEventId)) {
            await().atMost(WAIT).until(() -> resumed.events().size() == 2);
            String next = complaint();
            EVENTS.publish(assigned(next, department, null));
            EVENTS.publish(major(next));
            await().atMost(WAIT).until(() -> resumed.events().size() == 3);

            List<String> complaints = resumed.events().stream()
                    .map(e -> json(e.data()).path("complaintId").asString())
                    .toList();
            assertThat(complaints.subList(0, 2)).containsExactlyInAnyOrderElementsOf(later);
            assertThat(complaints.get(2)).isEqualTo(next);
            assertThat(complaints).doesNotContain(first);
            List<Long> ids =
                    resumed.events().stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id > Long.parseLong(lastEventId));
        }
    }

    @Test
    void streamAbuse_aCallersNewestStreamTakesTheOldestsPlace_andAReconnectFromTheStartGetsOnlyTheNewest() {
        String bearer = "Bearer " + TestTokens.forDepartments("streams-" + UUID.randomUUID(), Roles.SUPERVISOR, "*");
        String other = "Bearer " + TestTokens.forDepartments("others-" + UUID.randomUUID(), Roles.SUPERVISOR, "*");
        String department = department();
        String url = "http://127.0.0.1:" + port + "/api/v1/alerts/stream?department=" + department;
        List<SseClient> open = new ArrayList<>();
        try (SseClient someoneElses = new SseClient(url, "Authorization", other)) {
            await().atMost(WAIT).until(() -> someoneElses.status() == 200);
            for (int i = 0; i < 4; i++) {
                SseClient stream = new SseClient(url, "Authorization", bearer);
                open.add(stream);
                await().atMost(WAIT).until(() -> stream.status() == 200);
            }
            SseClient oldest = open.get(0);
            await().atMost(WAIT).until(oldest::ended);
            assertThat(oldest.events()).as("the oldest is told why it ends").hasSize(1);
            SseClient.Event superseded = oldest.events().get(0);
            assertThat(superseded.name()).isEqualTo("superseded");
            assertThat(json(superseded.data()).path("cap").asInt()).isEqualTo(3);
            assertThat(json(superseded.data()).path("detail").asString()).contains("at most 3");

            String complaintId = complaint();
            EVENTS.publish(assigned(complaintId, department, null));
            EVENTS.publish(major(complaintId));
            List<SseClient> held = open.subList(1, 4);
            await().atMost(WAIT)
                    .until(() -> held.stream().allMatch(s -> alerts(s).size() == 1)
                            && alerts(someoneElses).size() == 1);
            assertThat(held).as("the newest three stay open").noneMatch(SseClient::ended);
            assertThat(someoneElses.ended())
                    .as("another caller's stream is not theirs to count")
                    .isFalse();
            assertThat(alerts(oldest))
                    .as("nothing reaches the stream that made way")
                    .isEmpty();
        } finally {
            open.forEach(SseClient::close);
        }

        String replayed = department();
        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String complaintId = complaint();
            complaints.add(complaintId);
            EVENTS.publish(assigned(complaintId, replayed, null));
            EVENTS.publish(major(complaintId));
        }
        // The newest five by id: alerts are numbered as their events are consumed, partition by partition, so not
        // necessarily in the order the complaints were published.
        List<JsonNode> stored = awaitAlerts("department=" + replayed, 7);
        List<String> newestFive = new ArrayList<>(stored.subList(0, 5).stream()
                .map(alert -> alert.path("complaintId").asString())
                .toList());
        java.util.Collections.reverse(newestFive);
        String fresh = "Bearer " + TestTokens.forDepartments("replay-" + UUID.randomUUID(), Roles.SUPERVISOR, "*");
        String replayedUrl = "http://127.0.0.1:" + port + "/api/v1/alerts/stream?department=" + replayed;
        try (SseClient replay = new SseClient(replayedUrl, "Authorization", fresh, "Last-Event-ID", "0")) {
            await().atMost(WAIT).until(() -> replay.events().size() >= 5);
            await().during(java.time.Duration.ofMillis(500))
                    .atMost(WAIT)
                    .until(() -> replay.events().size() == 5);
            assertThat(replay.events().stream()
                            .map(e -> json(e.data()).path("complaintId").asString()))
                    .as("the newest five, oldest first")
                    .containsExactlyElementsOf(newestFive);
            assertThat(newestFive).as("of this test's complaints").isSubsetOf(complaints);
        }
    }

    @Test
    void anAgentIsForbiddenTheAlerts() {
        String agent = TestTokens.bearer(Roles.AGENT);

        HttpResponse<String> list = get("/api/v1/alerts", agent);
        HttpResponse<String> stream = get("/api/v1/alerts/stream", agent);
        HttpResponse<String> acknowledge = post("/api/v1/alerts/1/acknowledge", agent);

        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(stream.statusCode()).isEqualTo(403);
        assertThat(acknowledge.statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/alerts", TestTokens.bearer(Roles.SUPERVISOR)).statusCode())
                .isEqualTo(200);
    }

    private static ResponsibilityAssigned assigned(String complaintId, String department, Instant firstResponseDue) {
        Instant due = firstResponseDue == null ? Instant.now().plus(2, ChronoUnit.HOURS) : firstResponseDue;
        return new ResponsibilityAssigned(
                complaintId,
                Instant.now(),
                department,
                List.of(),
                ComplaintClass.ORDINARY,
                due,
                due.plus(1, ChronoUnit.DAYS));
    }

    private static ComplaintClassified major(String complaintId) {
        return new ComplaintClassified(
                complaintId,
                Instant.now(),
                ComplaintClass.MAJOR,
                null,
                List.of(new Reason("legal-action", "律师")),
                "v1",
                "received");
    }

    private static String complaint() {
        return "C-" + UUID.randomUUID();
    }

    private static String department() {
        return "DEPT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String supervisor(String subject) {
        return "Bearer "
                + JwtTokens.mint(
                        TestTokens.SECRET, "firebreak", subject, List.of(Roles.SUPERVISOR), Duration.ofMinutes(5));
    }

    private List<JsonNode> awaitAlerts(String query, int count) {
        return await().atMost(WAIT).until(() -> list(query), alerts -> alerts.size() >= count);
    }

    private List<JsonNode> list(String query) {
        HttpResponse<String> answer = get("/api/v1/alerts?" + query, TestTokens.bearer(Roles.SUPERVISOR));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<JsonNode> alerts = new ArrayList<>();
        json(answer.body()).path("items").forEach(alerts::add);
        return alerts;
    }

    private HttpResponse<String> get(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", bearer)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }

    private HttpResponse<String> post(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", bearer)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The alerts a stream received (not its other events). */
    private static List<SseClient.Event> alerts(SseClient stream) {
        return stream.events().stream().filter(e -> "alert".equals(e.name())).toList();
    }
}

package io.firebreak.resolution.cases;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.SlaClock;
import io.firebreak.events.Topics;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.ServiceContract;
import io.firebreak.platform.test.TestApi;
import io.firebreak.resolution.ResolutionApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The resolution service's behaviour against a real broker and store: the same tests run on embedded
 * infrastructure and, where Docker is present, on containers.
 */
@SpringBootTest(classes = ResolutionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=resolution", "firebreak.resolution.sla-clocks.scan-interval=200ms"})
abstract class ResolutionContract extends ServiceContract {

    @Autowired
    MongoDatabase database;

    @Autowired
    SlaClockScanner scanner;

    ResolutionContract() {
        super(Topics.RESOLUTION);
    }

    @Test
    void assignmentOpensACaseAndPublishesCaseOpened() {
        String id = newId();
        Instant firstDue = later(4);
        events.publish(assigned(id, "BILLING", firstDue, later(72)));

        TestApi.Response response = awaitState(id, "ASSIGNED");
        assertThat(response.json().path("department").asString()).isEqualTo("BILLING");
        assertThat(Instant.parse(response.json().path("firstResponseDue").asString())).isEqualTo(firstDue);
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 1);
        assertThat(type(published.get(0))).isEqualTo("firebreak.case.opened");
        assertThat(CloudEvents.header(published.get(0).headers(), CloudEvents.SOURCE))
                .isEqualTo("/firebreak/resolution");
        assertThat(CODEC.fromJson(published.get(0).value(), CaseOpened.class).department()).isEqualTo("BILLING");
    }

    @Test
    void laterAssignmentUpdatesOwnerAndDueTimesWithoutOpeningAgain() {
        String id = newId();
        events.publish(assigned(id, "BILLING", later(4), later(72)));
        awaitState(id, "ASSIGNED");
        Instant newFirstDue = later(1);

        events.publish(assigned(id, "LOGISTICS", newFirstDue, later(24)));

        await().atMost(WAIT).untilAsserted(() -> {
            TestApi.Response response = api.get("/api/v1/cases/" + id, Roles.AGENT);
            assertThat(response.json().path("department").asString()).isEqualTo("LOGISTICS");
            assertThat(Instant.parse(response.json().path("firstResponseDue").asString())).isEqualTo(newFirstDue);
        });
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}").status()).isEqualTo(200);
        assertThat(probe.await(r -> id.equals(r.key()), 2)).extracting(ResolutionContract::type)
                .containsExactly("firebreak.case.opened", "firebreak.case.acknowledged");
    }

    @Test
    void acknowledgedThenResolvedCasePublishesEachStepInOrder() {
        String id = openCase("LOGISTICS");

        TestApi.Response acknowledged = api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT,
                "{\"message\":\"您好，我们已经在查快递了\"}");
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().path("state").asString()).isEqualTo("ACKNOWLEDGED");

        TestApi.Response resolved = api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT,
                "{\"summary\":\"Parcel found and delivered\",\"rootCause\":\"DELIVERY_LOGISTICS\"}");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("resolution").path("rootCause").asString()).isEqualTo("DELIVERY_LOGISTICS");

        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 3);
        assertThat(published).extracting(ResolutionContract::type).containsExactly(
                "firebreak.case.opened", "firebreak.case.acknowledged", "firebreak.case.resolved");
        CaseAcknowledged ack = CODEC.fromJson(published.get(1).value(), CaseAcknowledged.class);
        assertThat(ack.by()).isEqualTo("agent-1");
        assertThat(ack.message()).isEqualTo("您好，我们已经在查快递了");
        CaseResolved done = CODEC.fromJson(published.get(2).value(), CaseResolved.class);
        assertThat(done.by()).isEqualTo("agent-1");
        assertThat(done.department()).isEqualTo("LOGISTICS");
        assertThat(done.rootCause()).isEqualTo("DELIVERY_LOGISTICS");
        assertThat(done.summary()).isEqualTo("Parcel found and delivered");
    }

    @Test
    void resolvingAnUnacknowledgedCaseIsConflictNamingTheState() {
        String id = openCase("BILLING");

        TestApi.Response response = api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT,
                "{\"summary\":\"done\",\"rootCause\":\"BILLING\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("state").asString()).isEqualTo("ASSIGNED");
        assertThat(response.json().path("detail").asString()).contains("ASSIGNED");
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT).json().path("state").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void unknownRootCauseIsBadRequestNamingTheFieldAndTheAllowedCodes() {
        String id = openCase("BILLING");
        api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");

        TestApi.Response response = api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT,
                "{\"summary\":\"done\",\"rootCause\":\"BAD_LUCK\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("rootCause");
        assertThat(response.json().path("errors").get(0).path("reason").asString())
                .contains("BAD_LUCK", "PRODUCT_DEFECT");
        assertThat(response.json().path("allowed")).extracting(n -> n.asString()).contains("PRODUCT_DEFECT", "OTHER");
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT).json().path("state").asString())
                .isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void missingOrOverlongSummaryIsBadRequestNamingTheField() {
        String id = openCase("BILLING");
        api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");

        TestApi.Response missing =
                api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, "{\"rootCause\":\"OTHER\"}");
        TestApi.Response overlong = api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT,
                "{\"summary\":\"" + "x".repeat(4001) + "\",\"rootCause\":\"OTHER\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("summary");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.json().path("errors").get(0).path("field").asString()).isEqualTo("summary");
    }

    @Test
    void unknownCaseIsNotFoundAsProblemJson() {
        TestApi.Response get = api.get("/api/v1/cases/no-such-case", Roles.AGENT);
        TestApi.Response acknowledge = api.post("/api/v1/cases/no-such-case/acknowledge", Roles.AGENT, "{}");

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.isProblem()).isTrue();
        assertThat(acknowledge.status()).isEqualTo(404);
        assertThat(acknowledge.isProblem()).isTrue();
    }

    @Test
    void reopenedCaseMustBeAcknowledgedAgainAndIsResolvedAgain() {
        String id = resolvedCase("PRODUCT_QUALITY");

        events.publish(new ComplaintReopened(id, Instant.now(), "follow-up: not satisfied, score 2/5"));
        awaitState(id, "REOPENED");

        TestApi.Response tooSoon = api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT,
                "{\"summary\":\"again\",\"rootCause\":\"PRODUCT_DEFECT\"}");
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.json().path("state").asString()).isEqualTo("REOPENED");
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}").status()).isEqualTo(200);
        TestApi.Response resolved = api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT,
                "{\"summary\":\"Replaced the unit\",\"rootCause\":\"PRODUCT_DEFECT\"}");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("reopenCount").asInt()).isEqualTo(1);

        assertThat(probe.await(r -> id.equals(r.key()), 5)).extracting(ResolutionContract::type).containsExactly(
                "firebreak.case.opened", "firebreak.case.acknowledged", "firebreak.case.resolved",
                "firebreak.case.acknowledged", "firebreak.case.resolved");
    }

    @Test
    void redeliveredAssignmentChangesNothing() {
        String id = newId();
        String eventId = UUID.randomUUID().toString();
        ResponsibilityAssigned first = assigned(id, "BILLING", later(4), later(72));
        events.publish(first, eventId, 0);
        awaitState(id, "ASSIGNED");
        events.publish(assigned(id, "LOGISTICS", later(1), later(24)), UUID.randomUUID().toString(), 0);
        await().atMost(WAIT).until(() -> "LOGISTICS".equals(
                api.get("/api/v1/cases/" + id, Roles.AGENT).json().path("department").asString()));
        String before = api.get("/api/v1/cases/" + id, Roles.AGENT).body();

        // The first assignment again, then a marker on the same partition: once the marker is done, so is the repeat.
        events.publish(first, eventId, 0);
        String marker = newId();
        events.publish(assigned(marker, "BILLING", later(4), later(72)), UUID.randomUUID().toString(), 0);
        probe.await(r -> marker.equals(r.key()), 1);

        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT).body()).isEqualTo(before);
        assertThat(probe.matching(r -> id.equals(r.key()))).hasSize(1);
    }

    @Test
    void redeliveredReopenDoesNotReopenTheCaseResolvedAgain() {
        String id = resolvedCase("BILLING");
        String reopenId = UUID.randomUUID().toString();
        ComplaintReopened reopened = new ComplaintReopened(id, Instant.now(), "not satisfied");
        events.publish(reopened, reopenId, 0);
        awaitState(id, "REOPENED");
        api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");
        api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, "{\"summary\":\"again\",\"rootCause\":\"BILLING\"}");
        awaitState(id, "RESOLVED");
        String marker = resolvedCase("BILLING");

        events.publish(reopened, reopenId, 0);
        events.publish(new ComplaintReopened(marker, Instant.now(), "marker"), UUID.randomUUID().toString(), 0);
        awaitState(marker, "REOPENED");

        TestApi.Response response = api.get("/api/v1/cases/" + id, Roles.AGENT);
        assertThat(response.json().path("state").asString()).isEqualTo("RESOLVED");
        assertThat(response.json().path("reopenCount").asInt()).isEqualTo(1);
    }

    @Test
    void passedDeadlineIsBreachedOnceAndPublished() {
        String id = newId();
        Instant firstDue = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        events.publish(assigned(id, "BILLING", firstDue, later(72)));

        List<ConsumerRecord<String, String>> breaches =
                probe.await(r -> id.equals(r.key()) && "firebreak.sla.breached".equals(type(r)), 1);
        SlaBreached breach = CODEC.fromJson(breaches.get(0).value(), SlaBreached.class);
        assertThat(breach.clock()).isEqualTo(SlaClock.FIRST_RESPONSE);
        assertThat(breach.dueAt()).isEqualTo(firstDue);
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT).json().path("breached").get(0).asString())
                .isEqualTo("FIRST_RESPONSE");

        assertThat(scanner.scan()).isZero();
    }

    @Test
    void concurrentScansFireEachDeadlineOnce() {
        List<String> ids = List.of(newId(), newId(), newId(), newId());
        Instant past = Instant.now().minusSeconds(60);
        ids.forEach(id -> events.publish(assigned(id, "BILLING", past, past.plusSeconds(30))));
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> api.get("/api/v1/cases/" + id, Roles.AGENT)
                .status() == 200));

        // Two more "instances" scanning at once, beside the service's own scheduled scan.
        CompletableFuture.allOf(CompletableFuture.runAsync(scanner::scan), CompletableFuture.runAsync(scanner::scan))
                .join();
        await().atMost(WAIT).until(() -> ids.stream().allMatch(this::outboxIsEmpty) && scanner.scan() == 0);

        List<ConsumerRecord<String, String>> breaches = probe.await(
                r -> ids.contains(r.key()) && "firebreak.sla.breached".equals(type(r)), ids.size() * 2);
        assertThat(probe.drain(r -> ids.contains(r.key()) && "firebreak.sla.breached".equals(type(r)),
                Duration.ofSeconds(1))).hasSize(ids.size() * 2);
        assertThat(breaches).extracting(r -> r.key() + "/" + CODEC.fromJson(r.value(), SlaBreached.class).clock())
                .doesNotHaveDuplicates();
    }

    @Test
    void rootCausesAreListedWithEnglishAndChineseLabels() {
        TestApi.Response response = api.get("/api/v1/root-causes", Roles.AGENT);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isEqualTo(9);
        assertThat(response.json().get(0).path("code").asString()).isEqualTo("PRODUCT_DEFECT");
        assertThat(response.json().get(0).path("en").asString()).isEqualTo("Product defect");
        assertThat(response.json().get(0).path("zh").asString()).isEqualTo("产品缺陷");
    }

    @Test
    void requestWithoutTokenIsUnauthorizedAsProblemJson() {
        TestApi.Response response = api.post("/api/v1/cases/any/acknowledge", null, "{}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void roleOtherThanAgentIsForbiddenAsProblemJson() {
        String id = openCase("BILLING");

        TestApi.Response response = api.post("/api/v1/cases/" + id + "/acknowledge", Roles.INTEGRATION, "{}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT).json().path("state").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void readinessIsUpWithoutAToken() {
        TestApi.Response health = api.get("/actuator/health/readiness", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    private String openCase(String department) {
        String id = newId();
        events.publish(assigned(id, department, later(4), later(72)));
        awaitState(id, "ASSIGNED");
        return id;
    }

    private String resolvedCase(String department) {
        String id = openCase(department);
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT,
                "{\"summary\":\"Refunded\",\"rootCause\":\"BILLING\"}").status()).isEqualTo(200);
        return id;
    }

    private TestApi.Response awaitState(String id, String state) {
        TestApi.Response[] last = new TestApi.Response[1];
        await().atMost(WAIT).untilAsserted(() -> {
            last[0] = api.get("/api/v1/cases/" + id, Roles.AGENT);
            assertThat(last[0].status()).isEqualTo(200);
            assertThat(last[0].json().path("state").asString()).isEqualTo(state);
        });
        return last[0];
    }

    private boolean outboxIsEmpty(String id) {
        Document stored = database.getCollection("cases").find(eq("_id", id)).first();
        return stored != null && stored.getList("outbox", Document.class, List.of()).isEmpty();
    }

    private static ResponsibilityAssigned assigned(String id, String department, Instant firstDue,
            Instant resolutionDue) {
        return new ResponsibilityAssigned(id, Instant.now(), department, List.of(), ComplaintClass.ORDINARY,
                firstDue, resolutionDue);
    }

    private static Instant later(int hours) {
        return Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MILLIS);
    }
}

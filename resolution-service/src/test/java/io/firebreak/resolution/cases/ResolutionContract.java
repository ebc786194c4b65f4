package io.firebreak.resolution.cases;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.firebreak.events.CaseChange;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.events.ResolutionEvents.PromiseKept;
import io.firebreak.events.ResolutionEvents.PromiseMade;
import io.firebreak.events.ResolutionEvents.ProposalMade;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.ResolutionEvents.SlaWarned;
import io.firebreak.events.ResolutionEvents.TaskAssigned;
import io.firebreak.events.ResolutionEvents.TaskDeclined;
import io.firebreak.events.ResolutionEvents.TaskOverdue;
import io.firebreak.events.SlaClock;
import io.firebreak.events.Topics;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.ServiceContract;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TestTokens;
import io.firebreak.resolution.ResolutionApplication;
import io.firebreak.resolution.ResolutionProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The resolution service's behaviour against a real broker and store: the same tests run on embedded
 * infrastructure and, where Docker is present, on containers.
 */
@SpringBootTest(
        classes = ResolutionApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=resolution",
            "firebreak.resolution.sla-clocks.scan-interval=200ms",
            "firebreak.resolution.sla-clocks.calendars.CUSTOMER_CARE.zone=Asia/Shanghai",
            "firebreak.resolution.sla-clocks.calendars.CUSTOMER_CARE.days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
            "firebreak.resolution.sla-clocks.calendars.CUSTOMER_CARE.opens=09:00",
            "firebreak.resolution.sla-clocks.calendars.CUSTOMER_CARE.closes=18:00",
            "firebreak.resolution.sla-clocks.calendars.CUSTOMER_CARE.holidays=2026-11-23"
        })
abstract class ResolutionContract extends ServiceContract {

    @Autowired
    MongoDatabase database;

    @Autowired
    SlaClockScanner scanner;

    @Autowired
    AggregateStore<ComplaintCase> store;

    @Autowired
    ResolutionProperties properties;

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
        assertThat(Instant.parse(response.json().path("firstResponseDue").asString()))
                .isEqualTo(firstDue);
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 1);
        assertThat(type(published.get(0))).isEqualTo("firebreak.case.opened");
        assertThat(CloudEvents.header(published.get(0).headers(), CloudEvents.SOURCE))
                .isEqualTo("/firebreak/resolution");
        assertThat(CODEC.fromJson(published.get(0).value(), CaseOpened.class).department())
                .isEqualTo("BILLING");
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
            assertThat(Instant.parse(response.json().path("firstResponseDue").asString()))
                    .isEqualTo(newFirstDue);
        });
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        // The later assignment moved the case: every reader hears of it as it now stands.
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 3);
        assertThat(published)
                .extracting(ResolutionContract::type)
                .containsExactly("firebreak.case.opened", "firebreak.case.updated", "firebreak.case.acknowledged");
        CaseUpdated moved = CODEC.fromJson(published.get(1).value(), CaseUpdated.class);
        assertThat(moved.change()).isEqualTo(CaseChange.REASSIGNED);
        assertThat(moved.department()).isEqualTo("LOGISTICS");
        assertThat(moved.firstResponseDue()).isEqualTo(newFirstDue);
    }

    @Test
    void oneOwner_theCaseOpensWithTheOwnerTriageChoseAndAnEscalationMovesItToTheNewOne() {
        String id = newId();
        events.publish(new ResponsibilityAssigned(
                id, Instant.now(), "BILLING", List.of(), ComplaintClass.ORDINARY, later(4), later(72), "zhang.min"));
        JsonNode opened = awaitState(id, "ASSIGNED").json();
        assertThat(opened.path("owner").asString())
                .as("triage's owner, not the first to acknowledge")
                .isEqualTo("zhang.min");
        assertThat(api.get("/api/v1/cases?owner=zhang.min", Roles.AGENT)
                        .json()
                        .path("items")
                        .findValuesAsString("complaintId"))
                .contains(id);
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("owner")
                        .asString())
                .as("acknowledging does not take the case")
                .isEqualTo("zhang.min");

        // Triage naming another owner in the same class (a breach's escalation climbing the ladder): the case follows.
        Instant later = later(96);
        events.publish(new ResponsibilityAssigned(
                id, Instant.now(), "BILLING", List.of(), ComplaintClass.ORDINARY, later(4), later, "someone.else"));
        await().atMost(WAIT)
                .until(() -> api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("resolutionDue")
                        .asString()
                        .equals(later.toString()));
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("owner")
                        .asString())
                .isEqualTo("someone.else");
        // A supervisor's hand-over stands when triage names the same owner again.
        assertThat(api.post(
                                "/api/v1/cases/" + id + "/reassign",
                                Roles.SUPERVISOR,
                                "{\"owner\":\"li.na\",\"reason\":\"knows the customer\"}")
                        .status())
                .isEqualTo(200);
        Instant again = later(100);
        events.publish(new ResponsibilityAssigned(
                id, Instant.now(), "BILLING", List.of(), ComplaintClass.ORDINARY, later(4), again, "someone.else"));
        await().atMost(WAIT)
                .until(() -> api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("resolutionDue")
                        .asString()
                        .equals(again.toString()));
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("owner")
                        .asString())
                .isEqualTo("li.na");
        // An escalation: a more severe class, the owner triage chose for it.
        events.publish(new ResponsibilityAssigned(
                id, Instant.now(), "BILLING", List.of(), ComplaintClass.MAJOR, later(1), later(24), "senior.li"));
        await().atMost(WAIT)
                .until(() -> api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("complaintClass")
                        .asString()
                        .equals("MAJOR"));
        JsonNode escalated = api.get("/api/v1/cases/" + id, Roles.AGENT).json();
        assertThat(escalated.path("owner").asString()).isEqualTo("senior.li");
        assertThat(api.get("/api/v1/cases?owner=zhang.min", Roles.AGENT)
                        .json()
                        .path("items")
                        .findValuesAsString("complaintId"))
                .doesNotContain(id);
    }

    @Test
    void acknowledgedThenResolvedCasePublishesEachStepInOrder() {
        String id = openCase("LOGISTICS");

        TestApi.Response acknowledged =
                api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{\"message\":\"您好，我们已经在查快递了\"}");
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().path("state").asString()).isEqualTo("ACKNOWLEDGED");

        TestApi.Response resolved = api.post(
                "/api/v1/cases/" + id + "/resolve",
                Roles.AGENT,
                "{\"summary\":\"Parcel found and delivered\",\"rootCause\":\"DELIVERY_LOGISTICS\"}");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("resolution").path("rootCause").asString())
                .isEqualTo("DELIVERY_LOGISTICS");

        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 3);
        assertThat(published)
                .extracting(ResolutionContract::type)
                .containsExactly("firebreak.case.opened", "firebreak.case.acknowledged", "firebreak.case.resolved");
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

        TestApi.Response response = api.post(
                "/api/v1/cases/" + id + "/resolve", Roles.AGENT, "{\"summary\":\"done\",\"rootCause\":\"BILLING\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("state").asString()).isEqualTo("ASSIGNED");
        assertThat(response.json().path("detail").asString()).contains("ASSIGNED");
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("ASSIGNED");
    }

    @Test
    void anActionDecidedOnAStateTheCaseHasLeftIsRefusedAndChangesNothing() {
        String id = openCase("BILLING");
        TestApi.Response read = api.get("/api/v1/cases/" + id, Roles.AGENT);
        String tag = read.json().path("etag").asString();
        assertThat(tag).isNotBlank();
        assertThat(read.headers().firstValue("ETag")).contains("\"" + tag + "\"");

        // Someone else acknowledges first; the second person's note was written on the case as it was before.
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        TestApi.Response stale = api.post(
                "/api/v1/cases/" + id + "/notes",
                Roles.AGENT,
                "{\"text\":\"Customer called again\",\"internal\":true}",
                Map.of("If-Match", "\"" + tag + "\""));

        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.json().path("title").asString()).isEqualTo("Changed meanwhile");
        TestApi.Response now = api.get("/api/v1/cases/" + id, Roles.AGENT);
        assertThat(now.json().path("internalNotes")).isEmpty();
        String current = now.json().path("etag").asString();
        assertThat(current).isNotEqualTo(tag);

        // Read again, the same note goes in; without If-Match, an action acts on the case as it is.
        assertThat(api.post(
                                "/api/v1/cases/" + id + "/notes",
                                Roles.AGENT,
                                "{\"text\":\"Customer called again\",\"internal\":true}",
                                Map.of("If-Match", "\"" + current + "\""))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + id + "/notes", Roles.AGENT, "{\"text\":\"And again\",\"internal\":true}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aCasesTagStaysWhileItsEventsArePublished() {
        String id = openCase("BILLING");
        await().atMost(WAIT).until(() -> outboxIsEmpty(id));
        long before = storedVersion(id);
        // The answer to the action shows the case as written, its events still waiting in the outbox.
        TestApi.Response acknowledged = api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");
        assertThat(acknowledged.status()).isEqualTo(200);
        String tag = acknowledged.json().path("etag").asString();

        // The relay's write (the published events leave the document, its version moves) is not a change of the case.
        await().atMost(WAIT).until(() -> outboxIsEmpty(id));
        assertThat(storedVersion(id)).isEqualTo(before + 2);
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("etag")
                        .asString())
                .isEqualTo(tag);
    }

    private long storedVersion(String id) {
        return database.getCollection("cases")
                .find(eq("_id", id))
                .first()
                .get("version", Number.class)
                .longValue();
    }

    @Test
    void unknownRootCauseIsBadRequestNamingTheFieldAndTheAllowedCodes() {
        String id = openCase("BILLING");
        api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");

        TestApi.Response response = api.post(
                "/api/v1/cases/" + id + "/resolve", Roles.AGENT, "{\"summary\":\"done\",\"rootCause\":\"BAD_LUCK\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("rootCause");
        assertThat(response.json().path("errors").get(0).path("reason").asString())
                .contains("BAD_LUCK", "PRODUCT_DEFECT");
        assertThat(response.json().path("allowed"))
                .extracting(n -> n.asString())
                .contains("PRODUCT_DEFECT", "OTHER");
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void missingOrOverlongSummaryIsBadRequestNamingTheField() {
        String id = openCase("BILLING");
        api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");

        TestApi.Response missing =
                api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, "{\"rootCause\":\"OTHER\"}");
        TestApi.Response overlong = api.post(
                "/api/v1/cases/" + id + "/resolve",
                Roles.AGENT,
                "{\"summary\":\"" + "x".repeat(4001) + "\",\"rootCause\":\"OTHER\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().path("errors").get(0).path("field").asString())
                .isEqualTo("summary");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.json().path("errors").get(0).path("field").asString())
                .isEqualTo("summary");
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

        TestApi.Response tooSoon = api.post(
                "/api/v1/cases/" + id + "/resolve",
                Roles.AGENT,
                "{\"summary\":\"again\",\"rootCause\":\"PRODUCT_DEFECT\"}");
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.json().path("state").asString()).isEqualTo("REOPENED");
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        TestApi.Response resolved = api.post(
                "/api/v1/cases/" + id + "/resolve",
                Roles.AGENT,
                "{\"summary\":\"Replaced the unit\",\"rootCause\":\"PRODUCT_DEFECT\"}");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("reopenCount").asInt()).isEqualTo(1);

        assertThat(probe.await(r -> id.equals(r.key()), 6))
                .extracting(ResolutionContract::type)
                .containsExactly(
                        "firebreak.case.opened",
                        "firebreak.case.acknowledged",
                        "firebreak.case.resolved",
                        "firebreak.case.updated",
                        "firebreak.case.acknowledged",
                        "firebreak.case.resolved");
    }

    @Test
    void assignmentsArrivingTogetherOpenEachCaseOnceAndAReassignmentAmongThemMovesItsCaseAfter() {
        String moved = newId();
        String other = newId();
        Instant newFirstDue = later(1);

        // Back to back on one partition: taken in one poll when they arrive together, one by one otherwise.
        events.publish(
                assigned(moved, "BILLING", later(4), later(72)),
                UUID.randomUUID().toString(),
                0);
        events.publish(
                assigned(other, "BILLING", later(4), later(72)),
                UUID.randomUUID().toString(),
                0);
        events.publish(
                assigned(moved, "LOGISTICS", newFirstDue, later(24)),
                UUID.randomUUID().toString(),
                0);

        probe.await(r -> other.equals(r.key()), 1);
        List<ConsumerRecord<String, String>> published = probe.await(r -> moved.equals(r.key()), 2);
        assertThat(published)
                .extracting(ResolutionContract::type)
                .containsExactly("firebreak.case.opened", "firebreak.case.updated");
        assertThat(CODEC.fromJson(published.get(1).value(), CaseUpdated.class).department())
                .isEqualTo("LOGISTICS");
        TestApi.Response response = api.get("/api/v1/cases/" + moved, Roles.AGENT);
        assertThat(response.json().path("department").asString()).isEqualTo("LOGISTICS");
        assertThat(Instant.parse(response.json().path("firstResponseDue").asString()))
                .isEqualTo(newFirstDue);
        assertThat(api.get("/api/v1/cases/" + other, Roles.AGENT)
                        .json()
                        .path("department")
                        .asString())
                .isEqualTo("BILLING");
    }

    @Test
    void redeliveredAssignmentChangesNothing() {
        String id = newId();
        String eventId = UUID.randomUUID().toString();
        ResponsibilityAssigned first = assigned(id, "BILLING", later(4), later(72));
        events.publish(first, eventId, 0);
        awaitState(id, "ASSIGNED");
        events.publish(
                assigned(id, "LOGISTICS", later(1), later(24)),
                UUID.randomUUID().toString(),
                0);
        await().atMost(WAIT)
                .until(() -> "LOGISTICS"
                        .equals(api.get("/api/v1/cases/" + id, Roles.AGENT)
                                .json()
                                .path("department")
                                .asString()));
        String before = api.get("/api/v1/cases/" + id, Roles.AGENT).body();

        // The first assignment again, then a marker on the same partition: once the marker is done, so is the repeat.
        events.publish(first, eventId, 0);
        String marker = newId();
        events.publish(
                assigned(marker, "BILLING", later(4), later(72)),
                UUID.randomUUID().toString(),
                0);
        probe.await(r -> marker.equals(r.key()), 1);

        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT).body()).isEqualTo(before);
        assertThat(probe.matching(r -> id.equals(r.key())))
                .as("opened, then moved once")
                .extracting(ResolutionContract::type)
                .containsExactly("firebreak.case.opened", "firebreak.case.updated");
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
        events.publish(
                new ComplaintReopened(marker, Instant.now(), "marker"),
                UUID.randomUUID().toString(),
                0);
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
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("breached")
                        .get(0)
                        .asString())
                .isEqualTo("FIRST_RESPONSE");

        assertThat(scanner.scan()).isZero();
    }

    @Test
    void concurrentScansFireEachDeadlineOnce() {
        List<String> ids = List.of(newId(), newId(), newId(), newId());
        Instant past = Instant.now().minusSeconds(60);
        ids.forEach(id -> events.publish(assigned(id, "BILLING", past, past.plusSeconds(30))));
        await().atMost(WAIT)
                .until(() -> ids.stream()
                        .allMatch(id ->
                                api.get("/api/v1/cases/" + id, Roles.AGENT).status() == 200));

        // Two more "instances" scanning at once, beside the service's own scheduled scan.
        CompletableFuture.allOf(CompletableFuture.runAsync(scanner::scan), CompletableFuture.runAsync(scanner::scan))
                .join();
        await().atMost(WAIT).until(() -> ids.stream().allMatch(this::outboxIsEmpty) && scanner.scan() == 0);

        List<ConsumerRecord<String, String>> breaches =
                probe.await(r -> ids.contains(r.key()) && "firebreak.sla.breached".equals(type(r)), ids.size() * 2);
        assertThat(probe.drain(
                        r -> ids.contains(r.key()) && "firebreak.sla.breached".equals(type(r)), Duration.ofSeconds(1)))
                .hasSize(ids.size() * 2);
        assertThat(breaches)
                .extracting(r -> r.key() + "/"
                        + CODEC.fromJson(r.value(), SlaBreached.class).clock())
                .doesNotHaveDuplicates();
    }

    @Test
    void adminReplacesTheClockSettingsAndTheTaxonomyTheNextCaseAndResolutionUseThemAndPastVersionsStayReadable() {
        TestApi.Response clocks = api.get("/api/v1/resolution/clocks", Roles.SUPERVISOR);
        assertThat(clocks.status()).as(clocks.body()).isEqualTo(200);
        String before = clocks.json().path("version").asString();
        TestApi.Response taxonomy = api.get("/api/v1/root-causes/versions", Roles.SUPERVISOR);
        assertThat(taxonomy.status()).as(taxonomy.body()).isEqualTo(200);
        JsonNode shippedTaxonomy = taxonomy.json().path("items").get(0);
        try {
            TestApi.Response bad = api.put("/api/v1/resolution/clocks", Roles.ADMIN, "{\"warnAt\":1.5}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("warnAt");
            assertThat(api.put("/api/v1/resolution/clocks", Roles.SUPERVISOR, "{\"warnAt\":0.5}")
                            .status())
                    .isEqualTo(403);
            TestApi.Response put = api.put("/api/v1/resolution/clocks", Roles.ADMIN, "{\"warnAt\":0.5}");
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            String after = put.json().path("version").asString();
            assertThat(after).isNotEqualTo(before).startsWith("clocks-");

            String id = openCase("LOGISTICS");
            JsonNode opened = api.get("/api/v1/cases/" + id, Roles.AGENT).json();
            assertThat(opened.path("clocksVersion").asString())
                    .as("the case records the version it was planned with")
                    .isEqualTo(after);
            assertThat(api.get("/api/v1/resolution/clocks/versions/" + before, Roles.SUPERVISOR)
                            .json()
                            .path("warnAt")
                            .decimalValue())
                    .isEqualByComparingTo("0.75");

            TestApi.Response duplicate = api.put(
                    "/api/v1/root-causes",
                    Roles.ADMIN,
                    "{\"rootCauses\":[{\"code\":\"X\",\"en\":\"x\",\"zh\":\"x\"},{\"code\":\"X\",\"en\":\"y\",\"zh\":\"y\"}]}");
            assertThat(duplicate.status()).isEqualTo(400);
            TestApi.Response narrowed = api.put(
                    "/api/v1/root-causes",
                    Roles.ADMIN,
                    "{\"rootCauses\":[{\"code\":\"WEATHER\",\"en\":\"Weather\",\"zh\":\"天气\"}]}");
            assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
            assertThat(api.get("/api/v1/root-causes", Roles.AGENT)
                            .json()
                            .path("items")
                            .findValuesAsString("code"))
                    .containsExactly("WEATHER");
            api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");
            TestApi.Response old = api.post(
                    "/api/v1/cases/" + id + "/resolve",
                    Roles.AGENT,
                    "{\"summary\":\"done\",\"rootCause\":\"BILLING\"}");
            assertThat(old.status())
                    .as("a code the active taxonomy no longer has")
                    .isEqualTo(400);
            TestApi.Response resolved = api.post(
                    "/api/v1/cases/" + id + "/resolve",
                    Roles.AGENT,
                    "{\"summary\":\"done\",\"rootCause\":\"WEATHER\"}");
            assertThat(resolved.status()).isEqualTo(200);
            assertThat(resolved.json()
                            .path("resolution")
                            .path("taxonomyVersion")
                            .asString())
                    .as("the resolution records the taxonomy it named a code of")
                    .isEqualTo(narrowed.json().path("version").asString());
        } finally {
            assertThat(api.put("/api/v1/resolution/clocks", Roles.ADMIN, clocks.body())
                            .status())
                    .isEqualTo(200);
            assertThat(api.put("/api/v1/root-causes", Roles.ADMIN, shippedTaxonomy.toString())
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void rootCausesAreListedWithEnglishAndChineseLabels() {
        TestApi.Response response = api.get("/api/v1/root-causes", Roles.AGENT);

        assertThat(response.status()).isEqualTo(200);
        JsonNode causes = response.json().path("items");
        assertThat(causes.size()).isEqualTo(9);
        assertThat(causes.get(0).path("code").asString()).isEqualTo("PRODUCT_DEFECT");
        assertThat(causes.get(0).path("en").asString()).isEqualTo("Product defect");
        assertThat(causes.get(0).path("zh").asString()).isEqualTo("产品缺陷");
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
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("ASSIGNED");
    }

    @Test
    void readinessIsUpWithoutAToken() {
        TestApi.Response health = api.get("/actuator/health/readiness", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void investigatingWaitingForTheCustomerAndResumingRecordThePause() {
        String id = openCase("LOGISTICS");
        TestApi.Response tooSoon = api.post("/api/v1/cases/" + id + "/investigate", Roles.AGENT, "");
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.isProblem()).isTrue();
        assertThat(tooSoon.json().path("state").asString()).isEqualTo("ASSIGNED");
        api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");

        TestApi.Response investigating = api.post("/api/v1/cases/" + id + "/investigate", Roles.AGENT, "");
        assertThat(investigating.status()).isEqualTo(200);
        assertThat(investigating.json().path("state").asString()).isEqualTo("INVESTIGATING");
        TestApi.Response noReason = api.post("/api/v1/cases/" + id + "/wait-for-customer", Roles.AGENT, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").get(0).path("field").asString())
                .isEqualTo("reason");

        TestApi.Response waiting =
                api.post("/api/v1/cases/" + id + "/wait-for-customer", Roles.AGENT, "{\"reason\":\"等待客户提供照片\"}");
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.json().path("state").asString()).isEqualTo("PENDING_CUSTOMER");
        assertThat(waiting.json().path("pauses").get(0).path("startedAt").isMissingNode())
                .isFalse();
        assertThat(waiting.json().path("pauses").get(0).path("endedAt").isNull())
                .isTrue();

        TestApi.Response resumed = api.post("/api/v1/cases/" + id + "/resume", Roles.AGENT, "");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("state").asString()).isEqualTo("INVESTIGATING");
        assertThat(resumed.json().path("pauses").get(0).path("reason").asString())
                .isEqualTo("等待客户提供照片");
        assertThat(Instant.parse(
                        resumed.json().path("pauses").get(0).path("endedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(
                        resumed.json().path("pauses").get(0).path("startedAt").asString()));
        assertThat(api.post("/api/v1/cases/" + id + "/resume", Roles.AGENT, "")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("INVESTIGATING");
    }

    @Test
    void acceptedProposalIsNumberedPublishedAndLetsTheCaseBeResolved() {
        String id = investigatingCase("BILLING");

        TestApi.Response proposed = api.post(
                "/api/v1/cases/" + id + "/proposal",
                Roles.AGENT,
                proposal("{\"type\":\"APOLOGY\"},{\"type\":\"REFUND\",\"amount\":199.00,\"currency\":\"CNY\"}"));
        assertThat(proposed.status()).isEqualTo(200);
        assertThat(proposed.json().path("state").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.json().path("proposal").path("steps"))
                .extracting(n -> n.path("number").asInt())
                .containsExactly(1, 2, 3);
        TestApi.Response early = api.post(
                "/api/v1/cases/" + id + "/resolve", Roles.AGENT, "{\"summary\":\"done\",\"rootCause\":\"BILLING\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("state").asString()).isEqualTo("PROPOSED");

        TestApi.Response accepted = api.post(
                "/api/v1/cases/" + id + "/proposal/answer", Roles.AGENT, "{\"accepted\":true,\"comment\":\"可以\"}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("proposal").path("status").asString()).isEqualTo("ACCEPTED");
        TestApi.Response resolved = api.post(
                "/api/v1/cases/" + id + "/resolve",
                Roles.AGENT,
                "{\"summary\":\"Refunded\",\"rootCause\":\"BILLING\"}");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("state").asString()).isEqualTo("RESOLVED");

        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 12);
        // Each dated step of ours is a promise to the customer, made with the proposal and kept by the resolution.
        assertThat(published)
                .extracting(ResolutionContract::type)
                .containsExactly(
                        "firebreak.case.opened",
                        "firebreak.case.acknowledged",
                        "firebreak.case.updated",
                        "firebreak.proposal.made",
                        "firebreak.promise.made",
                        "firebreak.promise.made",
                        "firebreak.promise.made",
                        "firebreak.case.updated",
                        "firebreak.case.resolved",
                        "firebreak.promise.kept",
                        "firebreak.promise.kept",
                        "firebreak.promise.kept");
        ProposalMade made = CODEC.fromJson(published.get(3).value(), ProposalMade.class);
        assertThat(made.steps())
                .extracting(s -> s.number() + ". " + s.what())
                .containsExactly("1. 核实账单", "2. 退款", "3. 回电确认");
        assertThat(made.remedies()).hasSize(2);
        assertThat(made.remedies().get(1).amount()).isEqualByComparingTo("199");
        assertThat(made.approvedBy()).isNull();
    }

    @Test
    void rejectedProposalReturnsToInvestigatingAndPublishesTheRejection() {
        String id = investigatingCase("BILLING");
        api.post("/api/v1/cases/" + id + "/proposal", Roles.AGENT, proposal("{\"type\":\"EXPLANATION\"}"));

        TestApi.Response rejected = api.post(
                "/api/v1/cases/" + id + "/proposal/answer", Roles.AGENT, "{\"accepted\":false,\"comment\":\"这不够\"}");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("state").asString()).isEqualTo("INVESTIGATING");
        assertThat(rejected.json().path("proposal").path("status").asString()).isEqualTo("REJECTED");
        List<ConsumerRecord<String, String>> published =
                probe.await(r -> id.equals(r.key()) && "firebreak.proposal.rejected".equals(type(r)), 1);
        ProposalRejected event = CODEC.fromJson(published.get(0).value(), ProposalRejected.class);
        assertThat(event.comment()).isEqualTo("这不够");
        TestApi.Response again =
                api.post("/api/v1/cases/" + id + "/proposal/answer", Roles.AGENT, "{\"accepted\":true}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("state").asString()).isEqualTo("INVESTIGATING");
    }

    @Test
    void anAnswerReportedByATicketingSystemThroughIntakeIsRecordedOnCaseOnce() {
        String id = investigatingCase("BILLING");
        api.post("/api/v1/cases/" + id + "/proposal", Roles.AGENT, proposal("{\"type\":\"EXPLANATION\"}"));
        String eventId = java.util.UUID.randomUUID().toString();

        events.publish(
                new io.firebreak.events.IntakeEvents.ProposalAnswered(id, Instant.now(), false, "Not enough", "jira-1"),
                eventId);

        List<ConsumerRecord<String, String>> rejected =
                probe.await(r -> id.equals(r.key()) && "firebreak.proposal.rejected".equals(type(r)), 1);
        assertThat(CODEC.fromJson(rejected.get(0).value(), ProposalRejected.class)
                        .comment())
                .isEqualTo("Not enough");
        awaitState(id, "INVESTIGATING");
        // The same event again changes nothing; the next proposal's answer is recorded in its turn.
        events.publish(
                new io.firebreak.events.IntakeEvents.ProposalAnswered(id, Instant.now(), false, "Not enough", "jira-1"),
                eventId);
        api.post("/api/v1/cases/" + id + "/proposal", Roles.AGENT, proposal("{\"type\":\"APOLOGY\"}"));
        events.publish(new io.firebreak.events.IntakeEvents.ProposalAnswered(id, Instant.now(), true, "OK", "jira-1"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "ACCEPTED"
                        .equals(api.get("/api/v1/cases/" + id, Roles.AGENT)
                                .json()
                                .path("proposal")
                                .path("status")
                                .asString()));
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("proposal")
                        .path("answerComment")
                        .asString())
                .isEqualTo("OK");
        assertThat(probe.drain(
                        r -> id.equals(r.key()) && "firebreak.proposal.rejected".equals(type(r)),
                        Duration.ofMillis(500)))
                .hasSize(1);
    }

    @Test
    void invalidProposalIsBadRequestNamingEachFieldAndChangesNothing() {
        String id = investigatingCase("BILLING");

        TestApi.Response response = api.post(
                "/api/v1/cases/" + id + "/proposal",
                Roles.AGENT,
                proposal("{\"type\":\"REFUND\"},{\"type\":\"APOLOGY\",\"amount\":10,\"currency\":\"CNY\"}"));
        TestApi.Response noSteps = api.post(
                "/api/v1/cases/" + id + "/proposal",
                Roles.AGENT,
                "{\"steps\":[],\"remedies\":[{\"type\":\"APOLOGY\"}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors"))
                .extracting(n -> n.path("field").asString())
                .containsExactly("remedies[0].amount", "remedies[1].amount");
        assertThat(noSteps.status()).isEqualTo(400);
        assertThat(noSteps.json().path("errors").get(0).path("field").asString())
                .isEqualTo("steps");
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                                .json()
                                .path("proposal")
                                .isMissingNode()
                        || api.get("/api/v1/cases/" + id, Roles.AGENT)
                                .json()
                                .path("proposal")
                                .isNull())
                .isTrue();
    }

    @Test
    void proposalBeforeInvestigatingIsConflictNamingTheState() {
        String id = openCase("BILLING");

        TestApi.Response response =
                api.post("/api/v1/cases/" + id + "/proposal", Roles.AGENT, proposal("{\"type\":\"APOLOGY\"}"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("state").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void largeCompensationWaitsForASupervisorsApprovalBeforeItIsProposed() {
        String id = investigatingCase("BILLING");

        TestApi.Response awaiting = api.post(
                "/api/v1/cases/" + id + "/proposal",
                Roles.AGENT,
                proposal("{\"type\":\"APOLOGY\"},{\"type\":\"COMPENSATION\",\"amount\":1500,\"currency\":\"CNY\"}"));
        assertThat(awaiting.status()).isEqualTo(200);
        assertThat(awaiting.json().path("state").asString()).isEqualTo("INVESTIGATING");
        assertThat(awaiting.json().path("proposal").path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        TestApi.Response byAgent = api.post("/api/v1/cases/" + id + "/proposal/approve", Roles.AGENT, "");
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.isProblem()).isTrue();

        TestApi.Response approved = api.post("/api/v1/cases/" + id + "/proposal/approve", Roles.SUPERVISOR, "");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("PROPOSED");
        TestApi.Response twice = api.post("/api/v1/cases/" + id + "/proposal/approve", Roles.SUPERVISOR, "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("state").asString()).isEqualTo("PROPOSED");

        List<ConsumerRecord<String, String>> made =
                probe.await(r -> id.equals(r.key()) && "firebreak.proposal.made".equals(type(r)), 1);
        assertThat(CODEC.fromJson(made.get(0).value(), ProposalMade.class).approvedBy())
                .isEqualTo("supervisor-1");
        assertThat(probe.matching(r -> id.equals(r.key()) && "firebreak.proposal.made".equals(type(r))))
                .hasSize(1);
    }

    @Test
    void internalNotesAndCustomerMessagesAreShownApart() {
        String id = openCase("BILLING");

        api.post("/api/v1/cases/" + id + "/notes", Roles.AGENT, "{\"text\":\"查一下快递单号\",\"internal\":true}");
        TestApi.Response response =
                api.post("/api/v1/cases/" + id + "/notes", Roles.AGENT, "{\"text\":\"我们正在为您核实\",\"internal\":false}");
        TestApi.Response blank = api.post("/api/v1/cases/" + id + "/notes", Roles.AGENT, "{\"internal\":true}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("internalNotes"))
                .extracting(n -> n.path("text").asString())
                .containsExactly("查一下快递单号");
        assertThat(response.json().path("customerMessages"))
                .extracting(n -> n.path("text").asString())
                .containsExactly("我们正在为您核实");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("errors").get(0).path("field").asString()).isEqualTo("text");
    }

    @Test
    void supervisorReassignsWithAReasonKeptOnTheCaseAndAnAgentMayNot() {
        String id = openCase("BILLING");

        TestApi.Response byAgent = api.post(
                "/api/v1/cases/" + id + "/reassign", Roles.AGENT, "{\"owner\":\"agent-7\",\"reason\":\"workload\"}");
        TestApi.Response noReason =
                api.post("/api/v1/cases/" + id + "/reassign", Roles.SUPERVISOR, "{\"owner\":\"agent-7\"}");
        TestApi.Response reassigned = api.post(
                "/api/v1/cases/" + id + "/reassign",
                Roles.SUPERVISOR,
                "{\"owner\":\"agent-7\",\"department\":\"LOGISTICS\",\"reason\":\"courier issue\"}");

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.isProblem()).isTrue();
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").get(0).path("field").asString())
                .isEqualTo("reason");
        assertThat(reassigned.status()).isEqualTo(200);
        assertThat(reassigned.json().path("owner").asString()).isEqualTo("agent-7");
        assertThat(reassigned.json().path("department").asString()).isEqualTo("LOGISTICS");
        assertThat(reassigned.json().path("reassignments").get(0).path("reason").asString())
                .isEqualTo("courier issue");
        assertThat(reassigned.json().path("reassignments").get(0).path("by").asString())
                .isEqualTo("supervisor-1");
        assertThat(reassigned
                        .json()
                        .path("reassignments")
                        .get(0)
                        .path("fromDepartment")
                        .asString())
                .isEqualTo("BILLING");
    }

    @Test
    void queueIsOrderedByTheNearestDueTimeAndPagedByCursor() {
        String department = "Q-" + UUID.randomUUID();
        String third = openCase(department, later(9), later(72));
        String first = openCase(department, later(1), later(72));
        String second = openCase(department, later(5), later(72));
        api.post("/api/v1/cases/" + second + "/acknowledge", Roles.AGENT, "{}");
        // Acknowledged: now ordered by its resolution due time, the last of the three.

        TestApi.Response page1 = api.get("/api/v1/cases?department=" + department + "&limit=2", Roles.AGENT);
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.json().path("items"))
                .extracting(n -> n.path("complaintId").asString())
                .containsExactly(first, third);
        String cursor = page1.json().path("next").asString();
        TestApi.Response page2 =
                api.get("/api/v1/cases?department=" + department + "&limit=2&cursor=" + cursor, Roles.AGENT);
        assertThat(page2.json().path("items"))
                .extracting(n -> n.path("complaintId").asString())
                .containsExactly(second);
        assertThat(page2.json().path("next").isNull()
                        || page2.json().path("next").isMissingNode())
                .isTrue();

        TestApi.Response dueSoon = api.get(
                "/api/v1/cases?department=" + department + "&dueBefore=" + later(4) + "&state=ASSIGNED", Roles.AGENT);
        assertThat(dueSoon.json().path("items"))
                .extracting(n -> n.path("complaintId").asString())
                .containsExactly(first);
        TestApi.Response owned = api.get("/api/v1/cases?department=" + department + "&owner=agent-1", Roles.AGENT);
        assertThat(owned.json().path("items"))
                .extracting(n -> n.path("complaintId").asString())
                .containsExactly(second);
    }

    @Test
    void badQueueParametersAreBadRequestNamingThem() {
        TestApi.Response response =
                api.get("/api/v1/cases?state=DONE&limit=0&dueBefore=tomorrow&cursor=%21%21", Roles.AGENT);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors"))
                .extracting(n -> n.path("field").asString())
                .containsExactlyInAnyOrder("state", "limit", "dueBefore", "cursor");
        assertThat(api.get("/api/v1/cases?limit=101", Roles.AGENT).status()).isEqualTo(400);
    }

    private String investigatingCase(String department) {
        String id = openCase(department);
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + id + "/investigate", Roles.AGENT, "")
                        .status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void requiredTaskOfAnotherDepartmentHoldsUpTheResolutionUntilItsOwnerCompletesIt() {
        String id = openCase("LOGISTICS");
        api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");
        Instant due = later(8);

        TestApi.Response given = api.post(
                "/api/v1/cases/" + id + "/tasks",
                Roles.AGENT,
                "{\"department\":\"BILLING\",\"owner\":\"li.na\",\"what\":\"Refund the delivery fee\"," + "\"dueAt\":\""
                        + due + "\",\"required\":true}");
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        JsonNode task = given.json().path("tasks").get(0);
        assertThat(task.path("id").asString()).isEqualTo("T1");
        assertThat(task.path("status").asString()).isEqualTo("OPEN");
        assertThat(Instant.parse(task.path("dueAt").asString())).isEqualTo(due);

        TestApi.Response blocked = api.post(
                "/api/v1/cases/" + id + "/resolve",
                Roles.AGENT,
                "{\"summary\":\"Delivered\",\"rootCause\":\"DELIVERY_LOGISTICS\"}");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.isProblem()).isTrue();
        assertThat(blocked.json().path("detail").asString()).contains("T1 (BILLING, Refund the delivery fee");
        assertThat(blocked.json().path("openTasks").get(0).path("id").asString())
                .isEqualTo("T1");

        TestApi.Response notTheOwner = api.post("/api/v1/cases/" + id + "/tasks/T1/complete", Roles.AGENT, "{}");
        assertThat(notTheOwner.status()).isEqualTo(403);
        assertThat(notTheOwner.isProblem()).isTrue();
        assertThat(notTheOwner.json().path("detail").asString()).contains("li.na");

        TestApi.Response done = agent("li.na", "BILLING")
                .post("/api/v1/cases/" + id + "/tasks/T1/complete", Roles.AGENT, "{\"note\":\"Refunded 12 CNY\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("tasks").get(0).path("status").asString()).isEqualTo("DONE");
        assertThat(done.json().path("tasks").get(0).path("note").asString()).isEqualTo("Refunded 12 CNY");
        assertThat(api.post(
                                "/api/v1/cases/" + id + "/resolve",
                                Roles.AGENT,
                                "{\"summary\":\"Delivered\",\"rootCause\":\"DELIVERY_LOGISTICS\"}")
                        .status())
                .isEqualTo(200);

        assertThat(probe.await(r -> id.equals(r.key()), 5))
                .extracting(ResolutionContract::type)
                .containsExactly(
                        "firebreak.case.opened",
                        "firebreak.case.acknowledged",
                        "firebreak.task.assigned",
                        "firebreak.task.completed",
                        "firebreak.case.resolved");
    }

    @Test
    void unownedTaskIsClaimedThenDeclinedWithAReasonAndASupervisorMayCloseAnyTask() {
        String id = openCase("LOGISTICS");
        api.post(
                "/api/v1/cases/" + id + "/tasks",
                Roles.AGENT,
                "{\"department\":\"QUALITY\"," + "\"what\":\"Check the batch\",\"dueAt\":\"" + later(4)
                        + "\",\"required\":true}");
        api.post(
                "/api/v1/cases/" + id + "/tasks",
                Roles.AGENT,
                "{\"department\":\"BILLING\"," + "\"what\":\"Refund\",\"dueAt\":\"" + later(2)
                        + "\",\"required\":false}");

        TestApi.Response unclaimed = agent("zhou.min", "QUALITY")
                .post("/api/v1/cases/" + id + "/tasks/T1/decline", Roles.AGENT, "{\"reason\":\"not ours\"}");
        assertThat(unclaimed.status()).isEqualTo(403);
        assertThat(unclaimed.json().path("detail").asString()).contains("claim it first");
        assertThat(agent("zhou.min", "QUALITY")
                        .post("/api/v1/cases/" + id + "/tasks/T1/claim", Roles.AGENT, "")
                        .status())
                .isEqualTo(200);
        TestApi.Response noReason =
                agent("zhou.min", "QUALITY").post("/api/v1/cases/" + id + "/tasks/T1/decline", Roles.AGENT, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").get(0).path("field").asString())
                .isEqualTo("reason");
        TestApi.Response declined = agent("zhou.min", "QUALITY")
                .post(
                        "/api/v1/cases/" + id + "/tasks/T1/decline",
                        Roles.AGENT,
                        "{\"reason\":\"The batch is fine: a transport damage\"}");
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().path("tasks").get(0).path("status").asString())
                .isEqualTo("DECLINED");
        assertThat(declined.json().path("tasks").get(0).path("reason").asString())
                .isEqualTo("The batch is fine: a transport damage");
        TestApi.Response again =
                agent("zhou.min", "QUALITY").post("/api/v1/cases/" + id + "/tasks/T1/complete", Roles.AGENT, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.post("/api/v1/cases/" + id + "/tasks/T9/complete", Roles.SUPERVISOR, "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/cases/" + id + "/tasks/T2/complete", Roles.SUPERVISOR, "{}")
                        .status())
                .isEqualTo(200);

        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 6);
        assertThat(published)
                .extracting(ResolutionContract::type)
                .containsExactly(
                        "firebreak.case.opened",
                        "firebreak.task.assigned",
                        "firebreak.task.assigned",
                        "firebreak.task.assigned",
                        "firebreak.task.declined",
                        "firebreak.task.completed");
        TaskAssigned claimed = CODEC.fromJson(published.get(3).value(), TaskAssigned.class);
        assertThat(claimed.owner()).isEqualTo("zhou.min");
        TaskDeclined why = CODEC.fromJson(published.get(4).value(), TaskDeclined.class);
        assertThat(why.reason()).isEqualTo("The batch is fine: a transport damage");
        assertThat(why.department()).isEqualTo("QUALITY");
    }

    @Test
    void departmentsOpenTasksAreListedNearestDueFirstAndBadTasksAreBadRequests() {
        String department = "D-" + UUID.randomUUID();
        String a = openCase("LOGISTICS");
        String b = openCase("LOGISTICS");
        api.post(
                "/api/v1/cases/" + a + "/tasks",
                Roles.AGENT,
                "{\"department\":\"" + department + "\",\"what\":\"later\",\"dueAt\":\"" + later(9)
                        + "\",\"required\":true}");
        api.post(
                "/api/v1/cases/" + b + "/tasks",
                Roles.AGENT,
                "{\"department\":\"" + department
                        + "\",\"owner\":\"li.na\",\"what\":\"sooner\",\"dueAt\":\"" + later(3)
                        + "\",\"required\":true}");
        api.post(
                "/api/v1/cases/" + b + "/tasks",
                Roles.AGENT,
                "{\"department\":\"" + department
                        + "\",\"owner\":\"li.na\",\"what\":\"done already\",\"dueAt\":\"" + later(1)
                        + "\",\"required\":true}");
        agent("li.na", "BILLING").post("/api/v1/cases/" + b + "/tasks/T2/complete", Roles.AGENT, "{}");

        TestApi.Response open = api.get("/api/v1/tasks?department=" + department + "&open=true", Roles.AGENT);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().path("items"))
                .extracting(n -> n.path("complaintId").asString() + "/"
                        + n.path("task").path("what").asString())
                .containsExactly(b + "/sooner", a + "/later");
        TestApi.Response mine =
                api.get("/api/v1/tasks?department=" + department + "&owner=li.na&open=false", Roles.AGENT);
        assertThat(mine.json().path("items"))
                .extracting(n -> n.path("task").path("what").asString())
                .containsExactly("done already", "sooner");
        // A page at a time: the cursor of one page starts the next.
        TestApi.Response first = api.get("/api/v1/tasks?department=" + department + "&limit=1", Roles.AGENT);
        assertThat(first.json().path("items"))
                .extracting(n -> n.path("task").path("what").asString())
                .containsExactly("sooner");
        TestApi.Response second = api.get(
                "/api/v1/tasks?department=" + department + "&limit=1&cursor="
                        + first.json().path("next").asString(),
                Roles.AGENT);
        assertThat(second.json().path("items"))
                .extracting(n -> n.path("task").path("what").asString())
                .containsExactly("later");
        assertThat(second.json().path("next").isNull()).isTrue();
        assertThat(api.get("/api/v1/tasks?department=" + department + "&cursor=%25%25", Roles.AGENT)
                        .status())
                .isEqualTo(400);

        TestApi.Response past = api.post(
                "/api/v1/cases/" + a + "/tasks",
                Roles.AGENT,
                "{\"department\":\"X\"," + "\"what\":\"x\",\"dueAt\":\""
                        + Instant.now().minusSeconds(60) + "\",\"required\":true}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("dueAt");
        TestApi.Response missing = api.post("/api/v1/cases/" + a + "/tasks", Roles.AGENT, "{\"what\":\"x\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(api.get("/api/v1/tasks?limit=0&department=X", Roles.AGENT).status())
                .isEqualTo(400);
        TestApi.Response unknown = api.get("/api/v1/cases?awaitingApproval=true", Roles.SUPERVISOR);
        assertThat(unknown.status())
                .as("a filter the list does not have is refused, not ignored")
                .isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo("awaitingApproval");
        TestApi.Response everyone = api.get("/api/v1/tasks", Roles.AGENT);
        assertThat(everyone.status())
                .as("every task of every case: no bounded list")
                .isEqualTo(400);
        assertThat(everyone.json().path("errors").get(0).path("field").asString())
                .isEqualTo("department");
    }

    @Test
    void openTaskPastItsDueTimeIsShownOverdueAndAnnouncedOnce() {
        String id = openCase("LOGISTICS");
        api.post(
                "/api/v1/cases/" + id + "/tasks",
                Roles.AGENT,
                "{\"department\":\"BILLING\"," + "\"what\":\"Refund\",\"dueAt\":\""
                        + Instant.now().plusMillis(300) + "\",\"required\":false}");

        await().atMost(WAIT).untilAsserted(() -> {
            TestApi.Response view = api.get("/api/v1/cases/" + id, Roles.AGENT);
            assertThat(view.json().path("tasks").get(0).path("overdue").asBoolean())
                    .isTrue();
            assertThat(view.json().path("overdueTasks").asInt()).isEqualTo(1);
        });
        ConsumerRecord<String, String> overdue = probe.await(
                        r -> id.equals(r.key()) && "firebreak.task.overdue".equals(type(r)), 1)
                .get(0);
        assertThat(CODEC.fromJson(overdue.value(), TaskOverdue.class).department())
                .isEqualTo("BILLING");
        // The scanner runs every 200 ms: still one announcement.
        assertThat(probe.drain(
                        r -> id.equals(r.key()) && "firebreak.task.overdue".equals(type(r)), Duration.ofSeconds(1)))
                .hasSize(1);
    }

    @Test
    void aCallbackPromisedAndNotMadeIsWarnedThenBrokenOnceAndCounted() {
        String id = openCase("LOGISTICS");
        // Its warning at 75% of the time given: a window of a second, the scan runs every 200 ms.
        Instant callbackBy = Instant.now().plusSeconds(4);
        TestApi.Response acknowledged = api.post(
                "/api/v1/cases/" + id + "/acknowledge",
                Roles.AGENT,
                "{\"message\":\"We will call you back\",\"callbackBy\":\"" + callbackBy + "\"}");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().path("promises").get(0).path("status").asString())
                .isEqualTo("OPEN");
        PromiseMade made = CODEC.fromJson(
                probe.await(r -> id.equals(r.key()) && "firebreak.promise.made".equals(type(r)), 1)
                        .get(0)
                        .value(),
                PromiseMade.class);
        assertThat(made.dueAt()).isEqualTo(callbackBy);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode view = api.get("/api/v1/cases/" + id, Roles.AGENT).json();
            assertThat(view.path("promises").get(0).path("status").asString()).isEqualTo("BROKEN");
            assertThat(view.path("brokenPromises").asInt()).isEqualTo(1);
        });
        assertThat(probe.await(r -> id.equals(r.key()) && "firebreak.promise.warned".equals(type(r)), 1))
                .hasSize(1);
        // The scanner runs every 200 ms: broken once, no loop.
        assertThat(probe.drain(
                        r -> id.equals(r.key()) && "firebreak.promise.broken".equals(type(r)), Duration.ofSeconds(1)))
                .hasSize(1);

        TestApi.Response kept = api.post("/api/v1/cases/" + id + "/promises/P1/keep", Roles.AGENT, "");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        PromiseKept late = CODEC.fromJson(
                probe.await(r -> id.equals(r.key()) && "firebreak.promise.kept".equals(type(r)), 1)
                        .get(0)
                        .value(),
                PromiseKept.class);
        assertThat(late.onTime()).isFalse();
        TestApi.Response unknown = api.post("/api/v1/cases/" + id + "/promises/P7/keep", Roles.AGENT, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("title").asString()).isEqualTo("Promise not found");
        TestApi.Response past = api.post(
                "/api/v1/cases/" + openCase("LOGISTICS") + "/acknowledge",
                Roles.AGENT,
                "{\"callbackBy\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
    }

    @Test
    void aRetriedNoteWithTheSameIdempotencyKeyIsStoredOnceAndAnotherNoteUnderItIsRefused() {
        String id = openCase("LOGISTICS");
        Map<String, String> key = Map.of("Idempotency-Key", "note-" + id);
        String body = "{\"text\":\"Called the carrier\",\"internal\":true}";

        TestApi.Response first = api.post("/api/v1/cases/" + id + "/notes", Roles.AGENT, body, key);
        TestApi.Response retry = api.post("/api/v1/cases/" + id + "/notes", Roles.AGENT, body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT).json().path("internalNotes"))
                .hasSize(1);
        TestApi.Response other = api.post(
                "/api/v1/cases/" + id + "/notes", Roles.AGENT, "{\"text\":\"Something else\",\"internal\":true}", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.isProblem()).isTrue();
        TestApi.Response badKey = api.post(
                "/api/v1/cases/" + id + "/notes", Roles.AGENT, body, Map.of("Idempotency-Key", "k".repeat(129)));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
        // An error is not kept: the same key may be used again once the request is right.
        Map<String, String> fresh = Map.of("Idempotency-Key", "note2-" + id);
        assertThat(api.post("/api/v1/cases/" + id + "/notes", Roles.AGENT, "{\"internal\":true}", fresh)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/cases/" + id + "/notes", Roles.AGENT, body, fresh)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT).json().path("internalNotes"))
                .hasSize(2);
    }

    /** An API client acting as another member of staff (token subject {@code name}) of {@code departments}. */
    private TestApi agent(String name, String... departments) {
        return new TestApi(
                URI.create("http://localhost:" + port),
                role -> "Bearer " + TestTokens.forDepartments(name, role, departments));
    }

    @Test
    void staffScope_anAgentOfAnotherDepartmentReadsTheCaseButActsOnNothingOfIt() {
        String id = openCase("BILLING");
        TestApi logistics = agent("wu.lei", "LOGISTICS");
        assertThat(logistics.get("/api/v1/cases/" + id, Roles.AGENT).status())
                .as("reading is allowed")
                .isEqualTo(200);
        for (String[] action : List.of(
                new String[] {"acknowledge", "{}"},
                new String[] {"investigate", ""},
                new String[] {"notes", "{\"text\":\"mine now\",\"internal\":true}"},
                new String[] {
                    "tasks",
                    "{\"department\":\"LOGISTICS\",\"what\":\"x\",\"dueAt\":\"" + later(3) + "\",\"required\":true}"
                })) {
            TestApi.Response refused = logistics.post("/api/v1/cases/" + id + "/" + action[0], Roles.AGENT, action[1]);
            assertThat(refused.status()).as(action[0] + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.json().path("department").asString()).isEqualTo("BILLING");
        }
        TestApi.Response noDepartments =
                agent("nobody.yet").post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");
        assertThat(noDepartments.status()).as("a token naming no department").isEqualTo(403);
        assertThat(awaitState(id, "ASSIGNED").json().path("owner").isNull())
                .as("nothing changed")
                .isTrue();

        TestApi billing = agent("qian.li", "billing");
        assertThat(billing.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .as("its own department, in any case")
                .isEqualTo(200);
    }

    @Test
    void staffScope_tasksAreClaimedByTheirDepartmentAndClosedByTheirOwnerOrTheirDepartmentsSupervisor() {
        String id = openCase("LOGISTICS");
        api.post(
                "/api/v1/cases/" + id + "/tasks",
                Roles.AGENT,
                "{\"department\":\"QUALITY\"," + "\"what\":\"Check the batch\",\"dueAt\":\"" + later(4)
                        + "\",\"required\":true}");
        TestApi.Response foreign =
                agent("wu.lei", "LOGISTICS").post("/api/v1/cases/" + id + "/tasks/T1/claim", Roles.AGENT, "");
        assertThat(foreign.status()).as("another department's task").isEqualTo(403);
        assertThat(agent("sun.yu", "BILLING")
                        .post("/api/v1/cases/" + id + "/tasks/T1/complete", Roles.SUPERVISOR, "{}")
                        .status())
                .as("a supervisor of another department")
                .isEqualTo(403);
        assertThat(agent("zhou.min", "QUALITY")
                        .post("/api/v1/cases/" + id + "/tasks/T1/claim", Roles.AGENT, "")
                        .status())
                .isEqualTo(200);
        assertThat(agent("he.jing", "QUALITY")
                        .post(
                                "/api/v1/cases/" + id + "/tasks/T1/decline",
                                Roles.SUPERVISOR,
                                "{\"reason\":\"not a batch problem\"}")
                        .status())
                .as("its department's supervisor")
                .isEqualTo(200);
    }

    @Test
    void staffScope_aSupervisorApprovesOnlyHisDepartmentsProposals() {
        String id = investigatingCase("BILLING");
        TestApi.Response waiting = api.post(
                "/api/v1/cases/" + id + "/proposal",
                Roles.AGENT,
                proposal("{\"type\":\"REFUND\",\"amount\":5000,\"currency\":\"CNY\"}"));
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
        assertThat(waiting.json().path("proposal").path("status").asString())
                .as("a refund of 5000 CNY waits for approval")
                .isEqualTo("AWAITING_APPROVAL");
        assertThat(agent("sun.yu", "LOGISTICS")
                        .post("/api/v1/cases/" + id + "/proposal/approve", Roles.SUPERVISOR, "")
                        .status())
                .isEqualTo(403);
        assertThat(agent("he.jing", "BILLING")
                        .post("/api/v1/cases/" + id + "/proposal/approve", Roles.SUPERVISOR, "")
                        .status())
                .isEqualTo(200);
        TestApi.Response tooMuch = api.post(
                "/api/v1/cases/" + investigatingCase("BILLING") + "/proposal",
                Roles.AGENT,
                proposal("{\"type\":\"GOODWILL_GESTURE\",\"amount\":999999,\"currency\":\"CNY\"}"));
        assertThat(tooMuch.status())
                .as("above the ceiling: nobody may offer it")
                .isEqualTo(400);
        assertThat(tooMuch.json().path("errors").get(0).path("field").asString())
                .isEqualTo("remedies");
    }

    private static String proposal(String remedies) {
        return "{\"steps\":["
                + "{\"what\":\"核实账单\",\"who\":\"BILLING\",\"by\":\"" + later(2) + "\"},"
                + "{\"what\":\"退款\",\"who\":\"BILLING\",\"by\":\"" + later(24) + "\"},"
                + "{\"what\":\"回电确认\",\"who\":\"agent-1\",\"by\":\"" + later(48) + "\"}],"
                + "\"remedies\":[" + remedies + "]}";
    }

    private String openCase(String department, Instant firstDue, Instant resolutionDue) {
        String id = newId();
        events.publish(assigned(id, department, firstDue, resolutionDue));
        awaitState(id, "ASSIGNED");
        return id;
    }

    private String openCase(String department) {
        String id = newId();
        events.publish(assigned(id, department, later(4), later(72)));
        awaitState(id, "ASSIGNED");
        return id;
    }

    private String resolvedCase(String department) {
        String id = openCase(department);
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/cases/" + id + "/resolve",
                                Roles.AGENT,
                                "{\"summary\":\"Refunded\",\"rootCause\":\"BILLING\"}")
                        .status())
                .isEqualTo(200);
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

    @Test
    void warningIsPublishedAtThreeQuartersOfTheTimeOnce() {
        String id = newId();
        // Assigned 50 minutes ago with an hour to answer: the warning (at 45 minutes) is due, the breach is not.
        Instant assignedAt = Instant.now().minusSeconds(3000).truncatedTo(ChronoUnit.MILLIS);
        Instant firstDue = assignedAt.plusSeconds(3600);
        events.publish(new ResponsibilityAssigned(
                id, assignedAt, "BILLING", List.of(), ComplaintClass.ORDINARY, firstDue, later(72)));

        List<ConsumerRecord<String, String>> warnings =
                probe.await(r -> id.equals(r.key()) && "firebreak.sla.warned".equals(type(r)), 1);
        SlaWarned warning = CODEC.fromJson(warnings.get(0).value(), SlaWarned.class);
        assertThat(warning.clock()).isEqualTo(SlaClock.FIRST_RESPONSE);
        assertThat(warning.dueAt()).isEqualTo(firstDue);
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("warned")
                        .get(0)
                        .asString())
                .isEqualTo("FIRST_RESPONSE");
        // Warned: the next instant to look at is now the due time.
        assertThat(store.find(id).orElseThrow().value().nextDeadline()).isEqualTo(firstDue);
        assertThat(probe.drain(
                        r -> id.equals(r.key()) && "firebreak.sla.warned".equals(type(r)), Duration.ofSeconds(1)))
                .hasSize(1);
    }

    @Test
    void departmentWithBusinessHoursCountsOnlyWorkingTime() {
        String id = newId();
        // Friday 2026-11-20 17:00 in Shanghai; two hours to answer, one of them Friday's last, then the weekend
        // and Monday's holiday: due Tuesday 10:00 (02:00 UTC). Ten hours to resolve: Friday's one, Tuesday's nine,
        // due Tuesday 18:00 (10:00 UTC).
        Instant friday = Instant.parse("2026-11-20T09:00:00Z");
        events.publish(new ResponsibilityAssigned(
                id,
                friday,
                "CUSTOMER_CARE",
                List.of(),
                ComplaintClass.ORDINARY,
                friday.plus(Duration.ofHours(2)),
                friday.plus(Duration.ofHours(10))));

        TestApi.Response response = awaitState(id, "ASSIGNED");
        assertThat(Instant.parse(response.json().path("firstResponseDue").asString()))
                .isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
        assertThat(Instant.parse(response.json().path("resolutionDue").asString()))
                .isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void twoScannersOnTheSameCasesFireEachWarningAndBreachOnce() {
        // Exactly two scanners: the service's own is stopped for the test. Times lie in the past because the
        // broker refuses records stamped far in the future.
        scanner.stop();
        try {
            List<String> ids = List.of(newId(), newId(), newId(), newId(), newId());
            Instant start = Instant.now().minus(Duration.ofHours(40)).truncatedTo(ChronoUnit.MILLIS);
            ids.forEach(id -> events.publish(new ResponsibilityAssigned(
                    id,
                    start,
                    "BILLING",
                    List.of(),
                    ComplaintClass.ORDINARY,
                    start.plus(Duration.ofHours(16)),
                    start.plus(Duration.ofHours(32)))));
            await().atMost(WAIT)
                    .until(() -> ids.stream().allMatch(id -> store.find(id).isPresent()));

            // Past the first-response warning, then past both due times (the resolution warning's window missed).
            for (Duration at : List.of(Duration.ofHours(13), Duration.ofHours(36))) {
                Clock clock = Clock.fixed(start.plus(at), ZoneOffset.UTC);
                SlaClockScanner one = new SlaClockScanner(store, clock, properties);
                SlaClockScanner other = new SlaClockScanner(store, clock, properties);
                CompletableFuture.allOf(
                                CompletableFuture.runAsync(() -> scanUntilQuiet(one)),
                                CompletableFuture.runAsync(() -> scanUntilQuiet(other)))
                        .join();
                assertThat(one.scan() + other.scan()).isZero();
            }
            await().atMost(WAIT).until(() -> ids.stream().allMatch(this::outboxIsEmpty));

            List<String> expected = ids.stream()
                    .flatMap(id -> Stream.of(
                            id + "/firebreak.sla.warned/FIRST_RESPONSE",
                            id + "/firebreak.sla.breached/FIRST_RESPONSE",
                            id + "/firebreak.sla.breached/RESOLUTION"))
                    .toList();
            probe.await(r -> ids.contains(r.key()) && type(r).startsWith("firebreak.sla."), expected.size());
            assertThat(probe.drain(
                            r -> ids.contains(r.key()) && type(r).startsWith("firebreak.sla."), Duration.ofSeconds(1)))
                    .extracting(this::slaFiring)
                    .containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            scanner.start();
        }
    }

    @Test
    void scannerStartedAfterARestartFiresWhatFellDueWhileItWasDownOnce() {
        scanner.stop();
        try {
            List<String> ids = List.of(newId(), newId());
            Instant start = Instant.now().minus(Duration.ofHours(40)).truncatedTo(ChronoUnit.MILLIS);
            ids.forEach(id -> events.publish(new ResponsibilityAssigned(
                    id,
                    start,
                    "BILLING",
                    List.of(),
                    ComplaintClass.ORDINARY,
                    start.plus(Duration.ofHours(16)),
                    start.plus(Duration.ofHours(48)))));
            await().atMost(WAIT)
                    .until(() -> ids.stream().allMatch(id -> store.find(id).isPresent()));
            scanUntilQuiet(new SlaClockScanner(
                    store, Clock.fixed(start.plus(Duration.ofHours(1)), ZoneOffset.UTC), properties));
            assertThat(ids)
                    .allSatisfy(id -> assertThat(
                                    store.find(id).orElseThrow().value().warned())
                            .isEmpty());

            // "Down" from hour 1 to hour 40: a new scanner on the same store finds what fell due meanwhile (the
            // first-response breach, superseding its warning, and the resolution warning at hour 36).
            Clock afterRestart = Clock.fixed(start.plus(Duration.ofHours(40)), ZoneOffset.UTC);
            scanUntilQuiet(new SlaClockScanner(store, afterRestart, properties));
            assertThat(new SlaClockScanner(store, afterRestart, properties).scan())
                    .isZero();
            await().atMost(WAIT).until(() -> ids.stream().allMatch(this::outboxIsEmpty));

            List<String> expected = ids.stream()
                    .flatMap(id -> Stream.of(
                            id + "/firebreak.sla.breached/FIRST_RESPONSE", id + "/firebreak.sla.warned/RESOLUTION"))
                    .toList();
            probe.await(r -> ids.contains(r.key()) && type(r).startsWith("firebreak.sla."), expected.size());
            assertThat(probe.drain(
                            r -> ids.contains(r.key()) && type(r).startsWith("firebreak.sla."), Duration.ofSeconds(1)))
                    .extracting(this::slaFiring)
                    .containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            scanner.start();
        }
    }

    private static void scanUntilQuiet(SlaClockScanner scanner) {
        // Bounded: every scan fires at least one clock or ends the loop, and there are only so many clocks.
        for (int i = 0; i < 1000 && scanner.scan() > 0; i++) {
            // keep scanning while there is work
        }
    }

    private String slaFiring(ConsumerRecord<String, String> record) {
        SlaClock clock = "firebreak.sla.warned".equals(type(record))
                ? CODEC.fromJson(record.value(), SlaWarned.class).clock()
                : CODEC.fromJson(record.value(), SlaBreached.class).clock();
        return record.key() + "/" + type(record) + "/" + clock;
    }

    private boolean outboxIsEmpty(String id) {
        Document stored = database.getCollection("cases").find(eq("_id", id)).first();
        return stored != null
                && stored.getList("outbox", Document.class, List.of()).isEmpty();
    }

    private static ResponsibilityAssigned assigned(
            String id, String department, Instant firstDue, Instant resolutionDue) {
        return new ResponsibilityAssigned(
                id, Instant.now(), department, List.of(), ComplaintClass.ORDINARY, firstDue, resolutionDue);
    }

    private static Instant later(int hours) {
        return Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MILLIS);
    }
}

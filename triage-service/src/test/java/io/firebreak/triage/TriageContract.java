package io.firebreak.triage;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.SlaClock;
import io.firebreak.events.Topics;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.ServiceContract;
import io.firebreak.platform.test.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The triage service's behaviour against a real broker and store: the same tests run on embedded
 * infrastructure and, where Docker is present, on containers.
 */
@SpringBootTest(classes = TriageApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=triage")
abstract class TriageContract extends ServiceContract {

    @Autowired
    MongoDatabase database;

    TriageContract() {
        super(Topics.TRIAGE);
    }

    @Test
    void receivedComplaintIsClassifiedAndAssignedAndBothArePublishedInOrder() {
        String id = newId();
        Instant receivedAt = now();
        events.publish(received(id, receivedAt, "我已经找了律师要起诉你们，还被多扣费了，要求退款", EmotionLevel.UPSET));

        TestApi.Response triage = awaitTriage(id, 1);
        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("MAJOR");
        assertThat(triage.json().path("reasons").get(0).path("rule").asString()).isEqualTo("legal-action");
        assertThat(triage.json().path("reasons").get(0).path("evidence").asString()).isEqualTo("律师, 起诉");
        assertThat(triage.json().path("ruleSetVersion").asString()).isNotBlank();
        assertThat(triage.json().path("primaryDepartment").asString()).isEqualTo("BILLING");
        assertThat(instant(triage, "firstResponseDue")).isEqualTo(receivedAt.plus(Duration.ofMinutes(30)));
        assertThat(instant(triage, "resolutionDue")).isEqualTo(receivedAt.plus(Duration.ofHours(24)));

        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 2);
        assertThat(published).extracting(TriageContract::type)
                .containsExactly("firebreak.complaint.classified", "firebreak.responsibility.assigned");
        assertThat(published).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(id);
            assertThat(CloudEvents.header(r.headers(), CloudEvents.SOURCE)).isEqualTo("/firebreak/triage");
            assertThat(CloudEvents.header(r.headers(), CloudEvents.SUBJECT)).isEqualTo(id);
        });
        ComplaintClassified classified = CODEC.fromJson(published.get(0).value(), ComplaintClassified.class);
        assertThat(classified.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(classified.previousClass()).isNull();
        assertThat(classified.trigger()).isEqualTo("firebreak.complaint.received");
        ResponsibilityAssigned assigned = CODEC.fromJson(published.get(1).value(), ResponsibilityAssigned.class);
        assertThat(assigned.primaryDepartment()).isEqualTo("BILLING");
        assertThat(assigned.firstResponseDue()).isEqualTo(receivedAt.plus(Duration.ofMinutes(30)));
    }

    @Test
    void redeliveredComplaintReceivedChangesNothing() {
        String id = newId();
        String eventId = UUID.randomUUID().toString();
        ComplaintReceived received = received(id, now(), "快递三天没到", EmotionLevel.CALM);
        events.publish(received, eventId, 0);
        TestApi.Response before = awaitTriage(id, 1);
        probe.await(r -> id.equals(r.key()), 2);

        // The same event again, then a marker on the same partition: once the marker is done, so is the repeat.
        events.publish(received, eventId, 0);
        String marker = newId();
        events.publish(received(marker, now(), "marker", EmotionLevel.CALM), UUID.randomUUID().toString(), 0);
        probe.await(r -> marker.equals(r.key()), 2);

        assertThat(api.get("/api/v1/triage/" + id, Roles.AGENT).body()).isEqualTo(before.body());
        assertThat(probe.matching(r -> id.equals(r.key()))).hasSize(2);
    }

    @Test
    void reopenedComplaintRisesToEscalatedAndIsReassignedWithFreshDueTimes() {
        String id = newId();
        events.publish(received(id, now(), "The courier lost my parcel", EmotionLevel.CALM));
        awaitTriage(id, 1);
        Instant reopenedAt = now();

        events.publish(new ComplaintReopened(id, reopenedAt, "follow-up: not satisfied, score 1/5"));

        TestApi.Response triage = awaitTriage(id, 2);
        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("ESCALATED");
        assertThat(triage.json().path("history").get(1).path("previousClass").asString()).isEqualTo("ORDINARY");
        assertThat(triage.json().path("reasons").get(0).path("rule").asString())
                .isEqualTo("reopened-after-follow-up");
        assertThat(instant(triage, "firstResponseDue")).isEqualTo(reopenedAt.plus(Duration.ofHours(1)));
        assertThat(instant(triage, "resolutionDue")).isEqualTo(reopenedAt.plus(Duration.ofHours(24)));

        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 4);
        assertThat(published).extracting(TriageContract::type).containsExactly(
                "firebreak.complaint.classified", "firebreak.responsibility.assigned",
                "firebreak.complaint.classified", "firebreak.responsibility.assigned");
        ComplaintClassified raised = CODEC.fromJson(published.get(2).value(), ComplaintClassified.class);
        assertThat(raised.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(raised.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(raised.trigger()).isEqualTo("firebreak.complaint.reopened");
        ResponsibilityAssigned reassigned = CODEC.fromJson(published.get(3).value(), ResponsibilityAssigned.class);
        assertThat(reassigned.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(reassigned.primaryDepartment()).isEqualTo("LOGISTICS");
        assertThat(reassigned.resolutionDue()).isEqualTo(reopenedAt.plus(Duration.ofHours(24)));
    }

    @Test
    void slaBreachLeavesAMajorComplaintMajorButRecordsTheReason() {
        String id = newId();
        Instant receivedAt = now();
        events.publish(received(id, receivedAt, "I will report you to the regulator", EmotionLevel.CALM));
        awaitTriage(id, 1);
        Instant due = receivedAt.plus(Duration.ofMinutes(30));

        events.publish(new SlaBreached(id, due.plusSeconds(1), SlaClock.FIRST_RESPONSE, due));

        TestApi.Response triage = awaitTriage(id, 2);
        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("MAJOR");
        assertThat(triage.json().path("reasons")).extracting(r -> r.path("rule").asString())
                .containsExactly("regulator-or-consumer-body", "sla-breached");
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 4);
        ComplaintClassified again = CODEC.fromJson(published.get(2).value(), ComplaintClassified.class);
        assertThat(again.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(again.previousClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(again.trigger()).isEqualTo("firebreak.sla.breached");
    }

    @Test
    void reopenArrivingBeforeItsComplaintIsKeptAndAppliedWhenTheComplaintArrives() {
        String id = newId();
        Instant receivedAt = now();
        events.publish(new ComplaintReopened(id, receivedAt.plusSeconds(60), "customer called back unhappy"));
        await().atMost(WAIT).until(() -> {
            Document stored = database.getCollection("triage").find(eq("_id", id)).first();
            return stored != null && stored.getList("waiting", Document.class).size() == 1;
        });
        assertThat(api.get("/api/v1/triage/" + id, Roles.AGENT).status()).isEqualTo(404);

        events.publish(received(id, receivedAt, "快递丢了", EmotionLevel.CALM));

        TestApi.Response triage = awaitTriage(id, 2);
        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("ESCALATED");
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 4);
        assertThat(published).extracting(TriageContract::type).containsExactly(
                "firebreak.complaint.classified", "firebreak.responsibility.assigned",
                "firebreak.complaint.classified", "firebreak.responsibility.assigned");
        assertThat(CODEC.fromJson(published.get(0).value(), ComplaintClassified.class).complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(CODEC.fromJson(published.get(2).value(), ComplaintClassified.class).previousClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void unknownComplaintIsNotFoundAsProblemJson() {
        TestApi.Response response = api.get("/api/v1/triage/no-such-complaint", Roles.AGENT);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("detail").asString()).contains("no-such-complaint");
    }

    @Test
    void requestWithoutTokenIsUnauthorizedAsProblemJson() {
        TestApi.Response response = api.get("/api/v1/triage/any", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void roleOtherThanAgentIsForbiddenAsProblemJson() {
        TestApi.Response response = api.get("/api/v1/triage/any", Roles.INTEGRATION);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void supervisorMayReadADecisionAsAnAgentCan() {
        String id = newId();
        events.publish(received(id, now(), "退款还没到账", EmotionLevel.CALM));
        awaitTriage(id, 1);

        assertThat(api.get("/api/v1/triage/" + id, Roles.SUPERVISOR).status()).isEqualTo(200);
    }

    @Test
    void readinessIsUpWithoutAToken() {
        TestApi.Response health = api.get("/actuator/health/readiness", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    private TestApi.Response awaitTriage(String id, int historySize) {
        TestApi.Response[] last = new TestApi.Response[1];
        await().atMost(WAIT).untilAsserted(() -> {
            last[0] = api.get("/api/v1/triage/" + id, Roles.AGENT);
            assertThat(last[0].status()).isEqualTo(200);
            assertThat(last[0].json().path("history").size()).isEqualTo(historySize);
        });
        return last[0];
    }

    private static ComplaintReceived received(String id, Instant at, String description, EmotionLevel emotion) {
        return new ComplaintReceived(id, at, Channel.WEB_FORM, "cust-" + id, "138****0000", description, "SKU-1",
                "ORD-1", null, emotion, List.of(), null, null, List.of());
    }

    /** Now, to the millisecond the store keeps. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant instant(TestApi.Response response, String field) {
        return Instant.parse(response.json().path(field).asString());
    }
}

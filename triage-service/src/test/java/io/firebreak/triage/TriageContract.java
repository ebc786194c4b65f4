package io.firebreak.triage;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.EmotionRose;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
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
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The triage service's behaviour against a real broker and store: the same tests run on embedded
 * infrastructure and, where Docker is present, on containers.
 */
@SpringBootTest(
        classes = TriageApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=triage")
abstract class TriageContract extends ServiceContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        assertThat(triage.json().path("reasons").get(0).path("evidence").asString())
                .isEqualTo("律师, 起诉");
        assertThat(triage.json().path("ruleSetVersion").asString()).isNotBlank();
        assertThat(triage.json().path("reasons").get(0).path("en").asString())
                .isEqualTo("The customer threatens legal action (律师, 起诉).");
        assertThat(triage.json().path("reasons").get(0).path("zh").asString()).isEqualTo("客户提出法律手段（律师, 起诉）。");
        assertThat(triage.json().path("routingVersion").asString()).isNotBlank();
        assertThat(triage.json().path("primaryDepartment").asString()).isEqualTo("BILLING");
        assertThat(triage.json().path("owner").asString()).isEqualTo("zhang.min");
        assertThat(instant(triage, "firstResponseDue")).isEqualTo(receivedAt.plus(Duration.ofMinutes(30)));
        assertThat(instant(triage, "resolutionDue")).isEqualTo(receivedAt.plus(Duration.ofHours(24)));

        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 2);
        assertThat(published)
                .extracting(TriageContract::type)
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
        assertThat(assigned.owner()).isEqualTo("zhang.min");
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
        events.publish(
                received(marker, now(), "marker", EmotionLevel.CALM),
                UUID.randomUUID().toString(),
                0);
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
        assertThat(triage.json().path("history").get(1).path("previousClass").asString())
                .isEqualTo("ORDINARY");
        assertThat(triage.json().path("reasons").get(0).path("rule").asString()).isEqualTo("reopened-after-follow-up");
        assertThat(instant(triage, "firstResponseDue")).isEqualTo(reopenedAt.plus(Duration.ofHours(1)));
        assertThat(instant(triage, "resolutionDue")).isEqualTo(reopenedAt.plus(Duration.ofHours(24)));

        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 4);
        assertThat(published)
                .extracting(TriageContract::type)
                .containsExactly(
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
    void rejectedProposalRaisesTheComplaintToEscalatedWithTheReason() {
        String id = newId();
        events.publish(received(id, now(), "The courier lost my parcel", EmotionLevel.CALM));
        awaitTriage(id, 1);

        events.publish(new ProposalRejected(id, now(), "a voucher is not enough"));

        TestApi.Response triage = awaitTriage(id, 2);
        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("ESCALATED");
        assertThat(triage.json().path("reasons"))
                .extracting(r -> r.path("rule").asString())
                .contains("proposal-rejected");
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 4);
        ComplaintClassified raised = CODEC.fromJson(published.get(2).value(), ComplaintClassified.class);
        assertThat(raised.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(raised.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(raised.trigger()).isEqualTo("firebreak.proposal.rejected");
    }

    @Test
    void slaBreachLeavesAMajorComplaintMajorButRecordsTheReason() {
        String id = newId();
        Instant receivedAt = now();
        events.publish(
                received(id, receivedAt, "I will report you to the regulator about my parcel", EmotionLevel.CALM));
        awaitTriage(id, 1);
        Instant due = receivedAt.plus(Duration.ofMinutes(30));

        events.publish(new SlaBreached(id, due.plusSeconds(1), SlaClock.FIRST_RESPONSE, due));

        TestApi.Response triage = awaitTriage(id, 2);
        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("MAJOR");
        assertThat(triage.json().path("reasons"))
                .extracting(r -> r.path("rule").asString())
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
            Document stored =
                    database.getCollection("triage").find(eq("_id", id)).first();
            return stored != null && stored.getList("waiting", Document.class).size() == 1;
        });
        assertThat(api.get("/api/v1/triage/" + id, Roles.AGENT).status()).isEqualTo(404);

        events.publish(received(id, receivedAt, "快递丢了", EmotionLevel.CALM));

        TestApi.Response triage = awaitTriage(id, 2);
        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("ESCALATED");
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 4);
        assertThat(published)
                .extracting(TriageContract::type)
                .containsExactly(
                        "firebreak.complaint.classified", "firebreak.responsibility.assigned",
                        "firebreak.complaint.classified", "firebreak.responsibility.assigned");
        assertThat(CODEC.fromJson(published.get(0).value(), ComplaintClassified.class)
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(CODEC.fromJson(published.get(2).value(), ComplaintClassified.class)
                        .previousClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void complaintWithEarlierComplaintsOnTheSameMatterIsEscalated() {
        String id = newId();
        events.publish(new ComplaintReceived(
                id,
                now(),
                Channel.PHONE,
                "cust-" + id,
                "138****0000",
                "快递还没到",
                "SKU-1",
                "ORD-1",
                null,
                EmotionLevel.CALM,
                List.of(),
                CustomerStage.COMPLAINT,
                null,
                List.of("c-earlier-1")));

        TestApi.Response triage = awaitTriage(id, 1);

        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("ESCALATED");
        assertThat(triage.json().path("reasons").get(0).path("rule").asString()).isEqualTo("repeat-contact");
        assertThat(triage.json().path("reasons").get(0).path("evidence").asString())
                .isEqualTo("1 earlier complaint on the same matter: c-earlier-1");
        assertThat(triage.json().path("earlierComplaintIds").get(0).asString()).isEqualTo("c-earlier-1");
        assertThat(triage.json().path("owner").asString()).isEqualTo("zhao.qiang");
    }

    @Test
    void laterMessageWithALawyerThreatRaisesOrdinaryToMajorAndPublishesTheReclassification() {
        String id = newId();
        events.publish(received(id, now(), "快递还没到", EmotionLevel.CALM));
        assertThat(awaitTriage(id, 1).json().path("complaintClass").asString()).isEqualTo("ORDINARY");
        Instant said = now();

        events.publish(
                new MessageAdded(id, said, Channel.CHAT, "再不送到我就找律师起诉你们", false, EmotionLevel.ANGRY, List.of("律师")));

        TestApi.Response triage = awaitTriage(id, 2);
        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("MAJOR");
        assertThat(triage.json().path("reasons").get(0).path("rule").asString()).isEqualTo("legal-action");
        assertThat(triage.json().path("history").get(1).path("trigger").asString())
                .isEqualTo("firebreak.message.added");
        assertThat(instant(triage, "firstResponseDue")).isEqualTo(said.plus(Duration.ofMinutes(30)));
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 4);
        ComplaintClassified raised = CODEC.fromJson(published.get(2).value(), ComplaintClassified.class);
        assertThat(raised.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(raised.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(raised.trigger()).isEqualTo("firebreak.message.added");
        assertThat(raised.reasons()).extracting(r -> r.rule()).containsExactly("legal-action");
        ResponsibilityAssigned reassigned = CODEC.fromJson(published.get(3).value(), ResponsibilityAssigned.class);
        assertThat(reassigned.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(reassigned.owner()).isEqualTo("zhao.qiang");
    }

    @Test
    void emotionRiseShortensTheFirstResponseAndTheResolutionAndIsPublished() {
        String id = newId();
        Instant receivedAt = now();
        events.publish(received(id, receivedAt, "快递还没到", EmotionLevel.CALM));
        assertThat(instant(awaitTriage(id, 1), "firstResponseDue")).isEqualTo(receivedAt.plus(Duration.ofHours(4)));
        Instant rose = receivedAt.plusSeconds(60);

        events.publish(new EmotionRose(
                id, rose, EmotionLevel.CALM, EmotionLevel.FURIOUS, List.of("!!!"), CustomerStage.COMPLAINT));

        TestApi.Response triage = awaitTriage(id, 2);
        assertThat(triage.json().path("emotion").asString()).isEqualTo("FURIOUS");
        assertThat(triage.json().path("complaintClass").asString()).isEqualTo("ORDINARY");
        assertThat(instant(triage, "firstResponseDue")).isEqualTo(rose.plus(Duration.ofHours(1)));
        // A furious customer gets a quarter of the time left to resolve.
        assertThat(instant(triage, "resolutionDue"))
                .isEqualTo(rose.plus(Duration.between(rose, receivedAt.plus(Duration.ofHours(72)))
                        .dividedBy(4)));
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 4);
        assertThat(CODEC.fromJson(published.get(2).value(), ComplaintClassified.class)
                        .trigger())
                .isEqualTo("firebreak.emotion.rose");
        assertThat(CODEC.fromJson(published.get(3).value(), ResponsibilityAssigned.class)
                        .firstResponseDue())
                .isEqualTo(rose.plus(Duration.ofHours(1)));
    }

    @Test
    void complaintsArrivingTogetherAreSpreadOverTheDepartmentByLoad() {
        // Published at once, they are mostly decided in one poll: each must see the loads the ones before it made.
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = newId();
            ids.add(id);
            events.publish(received(id, now(), "快递还没到，等了一个星期了", EmotionLevel.CALM));
        }
        Map<String, Long> owners = ids.stream()
                .map(id -> awaitTriage(id, 1).json().path("owner").asString())
                .collect(java.util.stream.Collectors.groupingBy(o -> o, java.util.stream.Collectors.counting()));
        assertThat(owners.keySet()).containsExactlyInAnyOrder("wang.lei", "david.liu");
        assertThat(owners.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
    }

    @Test
    void resolvedComplaintNoLongerCountsInItsOwnersLoad() {
        String id = newId();
        events.publish(received(id, now(), "快递还没到", EmotionLevel.CALM));
        assertThat(awaitTriage(id, 1).json().path("open").asBoolean()).isTrue();

        events.publish(new CaseResolved(id, now(), "agent-1", "found it", "DELIVERY_LOGISTICS", "LOGISTICS", null));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(api.get("/api/v1/triage/" + id, Roles.AGENT)
                                .json()
                                .path("open")
                                .asBoolean())
                        .isFalse());
    }

    @Test
    void complaintsResolvedAndClosedTogetherAllLeaveTheirOwnersLoadsEachAtItsOwnTime() {
        // Published at once, they are mostly settled in one poll, with one read and one write.
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = newId();
            ids.add(id);
            events.publish(received(id, now(), "快递还没到", EmotionLevel.CALM));
        }
        ids.forEach(id ->
                assertThat(awaitTriage(id, 1).json().path("open").asBoolean()).isTrue());

        Instant base = now();
        for (int i = 0; i < ids.size() - 1; i++) {
            events.publish(new CaseResolved(
                    ids.get(i), base.plusSeconds(i), "agent-1", "found it", "DELIVERY_LOGISTICS", "LOGISTICS", null));
        }
        // The last one closed without a resolution triage heard of.
        events.publish(new ComplaintClosed(ids.get(ids.size() - 1), base.plusSeconds(ids.size() - 1), null));

        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Instant settledAt = base.plusSeconds(i);
            await().atMost(WAIT).untilAsserted(() -> {
                Document triage =
                        database.getCollection("triage").find(eq("_id", id)).first();
                assertThat(triage.getBoolean("open")).isFalse();
                assertThat(triage.getDate("settledAt").toInstant()).isEqualTo(settledAt);
            });
        }
    }

    @Test
    void adminRuleChangeTakesEffectForTheNextComplaintAndItsDecisionRecordsTheNewVersion() {
        TestApi.Response before = api.get("/api/v1/triage/rules", Roles.ADMIN);
        assertThat(before.status()).isEqualTo(200);
        String oldVersion = before.json().path("version").asString();
        ObjectNode changed = (ObjectNode) JSON.readTree(before.body());
        ((ArrayNode) changed.get("rules"))
                .addObject()
                .put("name", "zebra-threat")
                .put("complaintClass", "MAJOR")
                .put("en", "Zebra ({evidence}).")
                .put("zh", "斑马（{evidence}）。")
                .putArray("phrases")
                .add("zebra*");
        try {
            TestApi.Response unseen = api.put("/api/v1/triage/rules", Roles.ADMIN, JSON.writeValueAsString(changed));
            assertThat(unseen.status())
                    .as("no dry run of it yet: " + unseen.body())
                    .isEqualTo(409);
            assertThat(unseen.isProblem()).isTrue();
            assertThat(api.get("/api/v1/triage/rules", Roles.ADMIN)
                            .json()
                            .path("version")
                            .asString())
                    .isEqualTo(oldVersion);
            TestApi.Response dryRun =
                    api.post("/api/v1/triage/rules/dry-run", Roles.ADMIN, JSON.writeValueAsString(changed));
            assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
            assertThat(dryRun.json().path("fingerprint").asString())
                    .isEqualTo(unseen.json().path("fingerprint").asString());
            TestApi.Response put = api.put("/api/v1/triage/rules", Roles.ADMIN, JSON.writeValueAsString(changed));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            String newVersion = put.json().path("version").asString();
            assertThat(newVersion).isNotEqualTo(oldVersion);
            assertThat(put.json().path("createdBy").asString()).isEqualTo("admin-1");
            assertThat(api.get("/api/v1/triage/rules", Roles.SUPERVISOR)
                            .json()
                            .path("version")
                            .asString())
                    .isEqualTo(newVersion);

            String id = newId();
            events.publish(received(id, now(), "The courier ran over my zebras", EmotionLevel.CALM));

            TestApi.Response triage = awaitTriage(id, 1);
            assertThat(triage.json().path("complaintClass").asString()).isEqualTo("MAJOR");
            assertThat(triage.json().path("reasons").get(0).path("rule").asString())
                    .isEqualTo("zebra-threat");
            assertThat(triage.json().path("reasons").get(0).path("en").asString())
                    .isEqualTo("Zebra (zebras).");
            assertThat(triage.json().path("ruleSetVersion").asString()).isEqualTo(newVersion);
            assertThat(triage.json()
                            .path("history")
                            .get(0)
                            .path("ruleSetVersion")
                            .asString())
                    .isEqualTo(newVersion);
        } finally {
            restore("/api/v1/triage/rules", before);
        }
    }

    @Test
    void adminSlaTargetsChangeTheNextComplaintsDueTimesItsDecisionRecordsTheVersionAndPastVersionsStayReadable() {
        TestApi.Response before = api.get("/api/v1/triage/sla", Roles.SUPERVISOR);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        String oldVersion = before.json().path("version").asString();
        assertThat(before.json().path("ordinary").path("firstResponse").asString())
                .isEqualTo("PT4H");
        ObjectNode changed = (ObjectNode) JSON.readTree(before.body());
        ((ObjectNode) changed.get("ordinary")).put("firstResponse", "PT2H");
        try {
            TestApi.Response bad = api.put(
                    "/api/v1/triage/sla",
                    Roles.ADMIN,
                    "{\"ordinary\":{\"firstResponse\":\"PT5H\",\"resolution\":\"PT1H\"}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("errors").findValuesAsString("field")).contains("escalated", "major");
            assertThat(api.put("/api/v1/triage/sla", Roles.SUPERVISOR, JSON.writeValueAsString(changed))
                            .status())
                    .as("only ADMIN replaces settings")
                    .isEqualTo(403);

            TestApi.Response put = api.put("/api/v1/triage/sla", Roles.ADMIN, JSON.writeValueAsString(changed));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            String newVersion = put.json().path("version").asString();
            assertThat(newVersion).isNotEqualTo(oldVersion).startsWith("sla-");

            String id = newId();
            Instant received = now();
            events.publish(received(id, received, "The parcel is late", EmotionLevel.CALM));
            TestApi.Response triage = awaitTriage(id, 1);
            assertThat(Instant.parse(triage.json().path("firstResponseDue").asString()))
                    .isEqualTo(received.plus(Duration.ofHours(2)));
            assertThat(triage.json().path("history").get(0).path("slaVersion").asString())
                    .isEqualTo(newVersion);

            JsonNode versions = api.get("/api/v1/triage/sla/versions", Roles.SUPERVISOR)
                    .json()
                    .path("items");
            assertThat(versions.get(0).path("version").asString()).isEqualTo(newVersion);
            assertThat(api.get("/api/v1/triage/sla/versions/" + oldVersion, Roles.SUPERVISOR)
                            .json()
                            .path("ordinary")
                            .path("firstResponse")
                            .asString())
                    .as("the past version as it was")
                    .isEqualTo("PT4H");
            assertThat(api.get("/api/v1/triage/sla/versions/sla-999", Roles.SUPERVISOR)
                            .status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/triage/rules/versions", Roles.SUPERVISOR)
                            .json()
                            .path("items")
                            .size())
                    .isPositive();
        } finally {
            restore("/api/v1/triage/sla", before);
        }
    }

    @Test
    void badRuleSetIsRefusedNamingEachFieldAndTheActiveSetStays() {
        TestApi.Response before = api.get("/api/v1/triage/rules", Roles.ADMIN);
        ObjectNode bad = (ObjectNode) JSON.readTree(before.body());
        ArrayNode rules = (ArrayNode) bad.get("rules");
        int n = rules.size();
        rules.add(rules.get(0).deepCopy());
        ((ObjectNode) rules.get(1)).putArray("phrases");
        rules.addObject()
                .put("name", "rich")
                .put("complaintClass", "MAJOR")
                .putObject("amountAtLeast")
                .put("CNY", -5);

        TestApi.Response refused = api.put("/api/v1/triage/rules", Roles.ADMIN, JSON.writeValueAsString(bad));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "rules[1].phrases", "rules[" + n + "].name", "rules[" + (n + 1) + "].amountAtLeast[CNY]");
        assertThat(api.get("/api/v1/triage/rules", Roles.ADMIN)
                        .json()
                        .path("version")
                        .asString())
                .isEqualTo(before.json().path("version").asString());

        // A lexicon list that does not exist, alone or in a pair, is named rather than failing the request.
        ObjectNode unknownList = (ObjectNode) JSON.readTree(before.body());
        ((ArrayNode) unknownList.get("rules").get(0).get("phrases")).add("@nonsense");
        ((ArrayNode) unknownList.get("rules").get(1).get("phrases")).add("@platform ... @nonsense");
        TestApi.Response noList = api.put("/api/v1/triage/rules", Roles.ADMIN, JSON.writeValueAsString(unknownList));
        assertThat(noList.status()).as(noList.body()).isEqualTo(400);
        assertThat(noList.isProblem()).isTrue();
        assertThat(noList.json().path("errors").findValuesAsString("field")).containsExactly("rules[0]", "rules[1]");
        assertThat(noList.body()).contains("nonsense");
        TestApi.Response noListDryRun =
                api.post("/api/v1/triage/rules/dry-run", Roles.ADMIN, JSON.writeValueAsString(unknownList));
        assertThat(noListDryRun.status()).as(noListDryRun.body()).isEqualTo(400);

        ObjectNode unknownClass = (ObjectNode) JSON.readTree(before.body());
        ((ObjectNode) unknownClass.get("rules").get(0)).put("complaintClass", "SEVERE");
        TestApi.Response unknown = api.put("/api/v1/triage/rules", Roles.ADMIN, JSON.writeValueAsString(unknownClass));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .contains("complaintClass");
        assertThat(api.get("/api/v1/triage/rules", Roles.ADMIN)
                        .json()
                        .path("version")
                        .asString())
                .isEqualTo(before.json().path("version").asString());
    }

    @Test
    void adminRoutingChangeTakesEffectForTheNextComplaintAndABadTableIsRefused() {
        TestApi.Response before = api.get("/api/v1/triage/routing", Roles.SUPERVISOR);
        assertThat(before.status()).isEqualTo(200);
        ObjectNode changed = (ObjectNode) JSON.readTree(before.body());
        ObjectNode pets = ((ArrayNode) changed.get("departments")).insertObject(0);
        pets.put("name", "PETS").putArray("phrases").add("hamster*");
        ((ArrayNode) changed.get("roster"))
                .addObject()
                .put("id", "pet.keeper")
                .put("department", "PETS")
                .put("seniority", "AGENT")
                .put("capacity", 3)
                .putArray("skills")
                .add("en");
        try {
            TestApi.Response put = api.put("/api/v1/triage/routing", Roles.ADMIN, JSON.writeValueAsString(changed));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            String newVersion = put.json().path("version").asString();

            String id = newId();
            events.publish(received(id, now(), "The courier dropped my hamster cage", EmotionLevel.CALM));

            TestApi.Response triage = awaitTriage(id, 1);
            assertThat(triage.json().path("primaryDepartment").asString()).isEqualTo("PETS");
            assertThat(triage.json().path("secondaryDepartments").get(0).asString())
                    .isEqualTo("LOGISTICS");
            assertThat(triage.json().path("owner").asString()).isEqualTo("pet.keeper");
            assertThat(triage.json().path("routingVersion").asString()).isEqualTo(newVersion);

            ((ObjectNode) changed.get("roster").get(0))
                    .put("department", "NOWHERE")
                    .put("capacity", 0);
            TestApi.Response refused = api.put("/api/v1/triage/routing", Roles.ADMIN, JSON.writeValueAsString(changed));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("roster[0].department", "roster[0].capacity");
            assertThat(api.get("/api/v1/triage/routing", Roles.ADMIN)
                            .json()
                            .path("version")
                            .asString())
                    .isEqualTo(newVersion);
        } finally {
            restore("/api/v1/triage/routing", before);
        }
    }

    @Test
    void aRoutingTableMayNameTheLexiconsListsAndOneItLacksIsRefusedNamingTheDepartment() {
        TestApi.Response before = api.get("/api/v1/triage/routing", Roles.SUPERVISOR);
        ObjectNode changed = (ObjectNode) JSON.readTree(before.body());
        ((ArrayNode) changed.get("departments"))
                .insertObject(0)
                .put("name", "PETS")
                .putArray("phrases")
                .add("hamster*")
                .add("@no-such-list");

        TestApi.Response refused = api.put("/api/v1/triage/routing", Roles.ADMIN, JSON.writeValueAsString(changed));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("departments[0].phrases");
        assertThat(refused.body()).contains("no-such-list");
        assertThat(api.get("/api/v1/triage/routing", Roles.ADMIN)
                        .json()
                        .path("version")
                        .asString())
                .isEqualTo(before.json().path("version").asString());
        // The shipped table names the media list for public relations, stored written out.
        assertThat(before.body()).contains("journalist*").doesNotContain("@media");
    }

    @Test
    void rulesAndRoutingAreReadBySupervisorsAndAdminsAndChangedOnlyByAdmins() {
        TestApi.Response rules = api.get("/api/v1/triage/rules", Roles.SUPERVISOR);

        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.json().path("version").asString()).startsWith("rules-");
        assertThat(rules.json().path("rules").size()).isPositive();
        assertThat(api.get("/api/v1/triage/rules", Roles.AGENT).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/triage/routing", Roles.AGENT).status()).isEqualTo(403);
        TestApi.Response supervisorPut = api.put("/api/v1/triage/rules", Roles.SUPERVISOR, rules.body());
        assertThat(supervisorPut.status()).isEqualTo(403);
        assertThat(supervisorPut.isProblem()).isTrue();
        assertThat(api.put("/api/v1/triage/routing", null, "{}").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/triage/rules", Roles.ADMIN)
                        .json()
                        .path("version")
                        .asString())
                .isEqualTo(rules.json().path("version").asString());
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

    /** Puts back what was active before a test changed it (as a new version with the same content). */
    private void restore(String path, TestApi.Response before) {
        JsonNode body = JSON.readTree(before.body());
        if (path.endsWith("/rules")) { // a rule set becomes active only after its dry run
            assertThat(api.post(path + "/dry-run", Roles.ADMIN, JSON.writeValueAsString(body))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.put(path, Roles.ADMIN, JSON.writeValueAsString(body)).status())
                .isEqualTo(200);
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
        return new ComplaintReceived(
                id,
                at,
                Channel.WEB_FORM,
                "cust-" + id,
                "138****0000",
                description,
                "SKU-1",
                "ORD-1",
                null,
                emotion,
                List.of(),
                null,
                null,
                List.of());
    }

    /** Now, to the millisecond the store keeps. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant instant(TestApi.Response response, String field) {
        return Instant.parse(response.json().path(field).asString());
    }
}

package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.api;
import static io.firebreak.standalone.SystemUnderTest.awaitCaseFile;
import static io.firebreak.standalone.SystemUnderTest.awaitStatus;
import static io.firebreak.standalone.SystemUnderTest.closeHappily;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TopicProbe;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Intake and triage reading complaints as an experienced handler would, on the whole system through the gateway:
 * a duplicate merges, a repeat contact escalates, a furious later message re-triages, and an ADMIN rule change
 * takes effect for the next complaint (and a bad one is refused).
 */
class ComplaintReadingE2EIT {

    static TopicProbe topics;

    @BeforeAll
    static void start() {
        topics = new TopicProbe(SystemUnderTest.system().kafkaBootstrapServers(), Topics.INTAKE, Topics.TRIAGE);
    }

    @AfterAll
    static void stop() {
        if (topics != null) topics.close();
    }

    @Test
    void aSecondSubmissionOnTheSameMatterMergesIntoTheOpenComplaint() {
        String phone = uniquePhone();
        String first = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"%s"},"orderRef":"ORD-M1",
                 "description":"洗衣机送来就是坏的，滚筒转不动"}""".formatted(phone));
        awaitStatus(first, "ASSIGNED");

        // The customer writes in too; an agent takes the e-mail (a ticketing system's would be its own complaint).
        TestApi.Response again = api().post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"EMAIL","customer":{"phone":"+86 %s"},"orderRef":"ORD-M1",
                 "description":"The washing machine arrived broken, the drum does not turn"}""".formatted(phone));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first);
        assertThat(again.json().get("merged").asBoolean()).isTrue();
        JsonNode caseFile = awaitCaseFile(
                first, c -> c.get("timeline").findValuesAsString("type").contains("firebreak.message.added"));
        assertThat(caseFile.get("timeline").findValuesAsString("type"))
                .filteredOn("firebreak.complaint.received"::equals)
                .hasSize(1);
        var merged = topics.await(
                r -> first.equals(r.key())
                        && "firebreak.message.added".equals(CloudEvents.header(r.headers(), CloudEvents.TYPE)),
                1);
        assertThat(merged.get(0).value()).contains("\"mergedDuplicate\":true");
    }

    @Test
    void aSecondComplaintOnTheSameOrderIsEscalatedEvenWhenTheTextDoesNotSaySo() {
        String phone = uniquePhone();
        String first = submit(Roles.AGENT, """
                {"channel":"CHAT","customer":{"phone":"%s"},"orderRef":"ORD-R7",
                 "description":"The air conditioner does not cool"}""".formatted(phone));
        closeHappily(first);

        String second = submit(Roles.AGENT, """
                {"channel":"CHAT","customer":{"phone":"%s"},"orderRef":"ORD-R7",
                 "description":"The air conditioner is not cooling"}""".formatted(phone));

        assertThat(second).isNotEqualTo(first);
        JsonNode caseFile = awaitStatus(second, "ASSIGNED");
        assertThat(caseFile.get("classification").get("complaintClass").asString())
                .isEqualTo("ESCALATED");
        assertThat(caseFile.get("classification").get("reasons").toString()).contains(first);
        assertThat(caseFile.get("earlierComplaints").toString()).contains(first);
    }

    @Test
    void aFuriousLaterMessageRaisesTheEmotionAndRetriagesTheComplaint() {
        String id = submit(Roles.AGENT, """
                {"channel":"WEB_FORM","customer":{"phone":"%s"},"productRef":"KETTLE-2",
                 "description":"The kettle lid is a bit loose"}""".formatted(uniquePhone()));
        JsonNode assigned = awaitStatus(id, "ASSIGNED");
        assertThat(assigned.get("classification").get("complaintClass").asString())
                .isEqualTo("ORDINARY");
        Instant firstResponseDue =
                Instant.parse(assigned.get("sla").get("firstResponseDue").asString());

        TestApi.Response message = api().post("/api/v1/complaints/" + id + "/messages", Roles.AGENT, """
                {"text":"气死我了!!! 三次了还没人管，我要找律师起诉你们，还要找媒体曝光!!!"}""");
        assertThat(message.status()).as(message.body()).isBetween(200, 201);

        JsonNode retriaged = awaitCaseFile(
                id,
                c -> "MAJOR"
                        .equals(c.get("classification").get("complaintClass").asString()));
        assertThat(retriaged.get("emotion").asString()).isEqualTo("FURIOUS");
        assertThat(retriaged.get("timeline").findValuesAsString("type"))
                .contains("firebreak.message.added", "firebreak.emotion.rose");
        assertThat(retriaged.get("classification").get("reasons").findValuesAsString("rule"))
                .anySatisfy(rule -> assertThat(rule).contains("legal"));
        JsonNode faster = awaitCaseFile(
                id,
                c -> Instant.parse(c.get("sla").get("firstResponseDue").asString())
                        .isBefore(firstResponseDue));
        assertThat(faster.get("timeline").findValuesAsString("summary"))
                .anySatisfy(s -> assertThat(s).startsWith("Re-classified MAJOR (was ORDINARY"));
        topics.await(
                r -> id.equals(r.key())
                        && "firebreak.emotion.rose".equals(CloudEvents.header(r.headers(), CloudEvents.TYPE)),
                1);
    }

    @Test
    void anAdminRuleChangeTakesEffectForTheNextComplaintAndIsRecordedOnItsDecision() {
        TestApi.Response before = api().get("/api/v1/triage/rules", Roles.ADMIN);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        ObjectNode rules = (ObjectNode) before.json();
        String oldVersion = rules.get("version").asString();
        ArrayNode recalled = ((ArrayNode) rules.get("rules"))
                .addObject()
                .put("name", "recalled-model")
                .put("complaintClass", "MAJOR")
                .put("en", "The product is a model under recall")
                .put("zh", "该型号在召回范围内")
                .putArray("phrases")
                .add("XR-200");
        // Every batch number of the recall: a rule set larger than any complaint may be, which the gateway and
        // triage take as the settings document it is.
        while (rules.toString().length() <= 70_000) recalled.add("XR-200 batch " + recalled.size());

        assertThat(api().put("/api/v1/triage/rules", Roles.SUPERVISOR, rules.toString())
                        .status())
                .isEqualTo(403);
        assertThat(api().put("/api/v1/triage/rules", Roles.ADMIN, rules.toString())
                        .status())
                .as("not before its dry run")
                .isEqualTo(409);
        assertThat(api().post("/api/v1/triage/rules/dry-run", Roles.ADMIN, rules.toString())
                        .status())
                .isEqualTo(200);
        TestApi.Response replaced = api().put("/api/v1/triage/rules", Roles.ADMIN, rules.toString());
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        String newVersion = replaced.json().get("version").asString();
        assertThat(newVersion).isNotEqualTo(oldVersion);

        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"%s"},"productRef":"HEATER",
                 "description":"My XR-200 heater makes a clicking noise"}""".formatted(uniquePhone()));
        JsonNode caseFile = awaitStatus(id, "ASSIGNED");
        assertThat(caseFile.get("classification").get("complaintClass").asString())
                .isEqualTo("MAJOR");
        assertThat(caseFile.get("classification").get("ruleSetVersion").asString())
                .isEqualTo(newVersion);
        assertThat(caseFile.get("classification").get("reasons").findValuesAsString("rule"))
                .contains("recalled-model");

        // A rule set that does not hold together is refused, naming the field, and the active one stays.
        ((ObjectNode) rules.get("rules").get(0)).put("complaintClass", "URGENT");
        TestApi.Response refused = api().put("/api/v1/triage/rules", Roles.ADMIN, rules.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(api().get("/api/v1/triage/rules", Roles.SUPERVISOR)
                        .json()
                        .get("version")
                        .asString())
                .isEqualTo(newVersion);
    }

    /** A phone number of its own per test, so that tests never merge into each other's complaints. */
    private static String uniquePhone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }
}

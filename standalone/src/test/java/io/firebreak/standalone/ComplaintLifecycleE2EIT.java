package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.awaitCase;
import static io.firebreak.standalone.SystemUnderTest.awaitCaseFile;
import static io.firebreak.standalone.SystemUnderTest.awaitFollowUp;
import static io.firebreak.standalone.SystemUnderTest.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TopicProbe;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Complaints driven through their whole life by the gateway's HTTP API, as an agent would, on the whole system:
 * the answers at every step, and the events each step leaves on the topics (CloudEvents headers, key = complaint
 * id, one partition and written order per complaint).
 */
class ComplaintLifecycleE2EIT {

    static StandaloneSystem system;
    static TestApi api;
    static TopicProbe topics;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.system();
        api = SystemUnderTest.api();
        topics = new TopicProbe(
                system.kafkaBootstrapServers(),
                Topics.INTAKE,
                Topics.TRIAGE,
                Topics.RESOLUTION,
                Topics.FEEDBACK,
                Topics.CUSTOMER);
    }

    @AfterAll
    static void stop() {
        if (topics != null) topics.close();
    }

    @Test
    void aComplaintGoesFromReceivedToClosedWithEveryStepOnItsTopic() {
        String correlationId = "e2e-" + UUID.randomUUID();
        TestApi.Response submitted =
                api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{"name":"王芳","phone":"+86 138 0013 8000"},
                 "description":"快递三天没到，客服电话一直打不通","orderRef":"ORD-1001","remedySought":"尽快送达"}""", Map.of("X-Correlation-Id", correlationId));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(submitted.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(submitted.headers().firstValue("Location"))
                .as("the gateway's address, not the service's")
                .contains(
                        system.gatewayUrl().resolve("/api/v1/complaints/" + id).toString());
        assertThat(submitted.headers().firstValue("X-Correlation-Id")).contains(correlationId);

        JsonNode assigned = awaitStatus(id, "ASSIGNED");
        assertThat(assigned.get("classification").get("complaintClass").asString())
                .isEqualTo("ORDINARY");
        assertThat(assigned.get("classification").get("reasons").size()).isPositive();
        assertThat(assigned.get("owner").get("primaryDepartment").asString()).isEqualTo("LOGISTICS");
        assertThat(assigned.get("sla").get("firstResponseDue").asString()).isNotBlank();

        awaitCase(id, "ASSIGNED");
        TestApi.Response ack = api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, """
                {"message":"您好，我们已经在查快递了，今天下午五点前给您回电"}""");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        awaitStatus(id, "ACKNOWLEDGED");

        TestApi.Response early = api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}");
        assertThat(early.status()).as("acknowledging twice is a conflict").isEqualTo(409);

        TestApi.Response resolved = api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, """
                {"summary":"Parcel found at the depot and delivered the same day","rootCause":"DELIVERY_LOGISTICS"}""");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        awaitStatus(id, "RESOLVED");

        TestApi.Response followUp = awaitFollowUp(id, """
                {"satisfied":true,"score":5,"comment":"谢谢，很快"}""");
        assertThat(followUp.json().get("outcome").asString()).isEqualTo("CLOSED");
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("timeline").findValuesAsString("type"))
                .contains(
                        "firebreak.complaint.received",
                        "firebreak.complaint.classified",
                        "firebreak.responsibility.assigned",
                        "firebreak.case.acknowledged",
                        "firebreak.case.resolved",
                        "firebreak.followup.recorded",
                        "firebreak.complaint.closed");

        Map<String, List<String>> byTopic = eventsOf(id, 12);
        assertThat(byTopic.get(Topics.INTAKE)).containsExactly("firebreak.complaint.received");
        // What the customer was told (the receipt, the first response, the resolution): intake publishes it on a
        // topic of its own, for whoever delivers it.
        assertThat(byTopic.get(Topics.CUSTOMER))
                .containsExactly(
                        "firebreak.customer.notified", "firebreak.customer.notified", "firebreak.customer.notified");
        assertThat(byTopic.get(Topics.TRIAGE))
                .containsExactly("firebreak.complaint.classified", "firebreak.responsibility.assigned");
        // The secondary department triage named (the unanswered hotline: CUSTOMER_SERVICE) gets its optional task.
        assertThat(byTopic.get(Topics.RESOLUTION))
                .containsExactly(
                        "firebreak.case.opened",
                        "firebreak.task.assigned",
                        "firebreak.case.acknowledged",
                        "firebreak.case.resolved");
        assertThat(api.get("/api/v1/cases/" + id, Roles.AGENT)
                        .json()
                        .path("tasks")
                        .get(0)
                        .path("department")
                        .asString())
                .isEqualTo("CUSTOMER_SERVICE");
        assertThat(byTopic.get(Topics.FEEDBACK))
                .containsSubsequence("firebreak.followup.recorded", "firebreak.complaint.closed");

        List<ConsumerRecord<String, String>> records = topics.matching(r -> id.equals(r.key()));
        for (ConsumerRecord<String, String> record : records) {
            assertThat(CloudEvents.header(record.headers(), CloudEvents.SPEC_VERSION))
                    .isEqualTo("1.0");
            assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).isNotBlank();
            assertThat(CloudEvents.header(record.headers(), CloudEvents.SUBJECT))
                    .isEqualTo(id);
            assertThat(CloudEvents.header(record.headers(), CloudEvents.SOURCE)).startsWith("/firebreak/");
            assertThat(CloudEvents.header(record.headers(), CloudEvents.TIME)).isNotBlank();
            assertThat(CloudEvents.header(record.headers(), CloudEvents.CONTENT_TYPE))
                    .isEqualTo("application/json");
            assertThat(CloudEvents.header(record.headers(), CloudEvents.TRACEPARENT))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        }
        // One complaint's events share a partition per topic, so they are read in the order they were written.
        records.stream().collect(Collectors.groupingBy(ConsumerRecord::topic)).forEach((topic, inTopic) -> {
            assertThat(inTopic)
                    .extracting(ConsumerRecord::partition)
                    .as(topic)
                    .containsOnly(inTopic.get(0).partition());
            assertThat(inTopic).extracting(ConsumerRecord::offset).as(topic).isSorted();
        });
        // The correlation id of the submission travels with the events it caused, across services: its announcement,
        // the customer's receipt and triage's decision (what later requests cause carries theirs).
        assertThat(records)
                .filteredOn(r -> r.topic().equals(Topics.TRIAGE)
                        || r.topic().equals(Topics.INTAKE)
                        || r.topic().equals(Topics.CUSTOMER) && r.value().contains("\"notice\":\"RECEIPT\""))
                .hasSize(4)
                .allSatisfy(r -> assertThat(CloudEvents.header(r.headers(), CloudEvents.CORRELATION_ID))
                        .isEqualTo(correlationId));
    }

    @Test
    void anUnhappyFollowUpReopensAndEscalatesTheComplaintUntilItIsResolvedAgain() {
        TestApi.Response submitted = api.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"email":"li.lei@example.com"},
                 "description":"I was charged twice for my order","orderRef":"ORD-2002","remedySought":"refund"}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        awaitStatus(id, "ASSIGNED");
        awaitCase(id, "ASSIGNED");

        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, """
                {"summary":"Explained the pending authorisation","rootCause":"BILLING"}""")
                        .status())
                .isEqualTo(200);
        awaitStatus(id, "RESOLVED");

        TestApi.Response unhappy = awaitFollowUp(id, """
                {"satisfied":false,"score":1,"comment":"The money is still gone"}""");
        assertThat(unhappy.json().get("outcome").asString()).isEqualTo("REOPENED");
        awaitStatus(id, "REOPENED");
        awaitCaseFile(
                id,
                c -> "ESCALATED"
                        .equals(c.get("classification").get("complaintClass").asString()));
        // The same resolution is not followed up twice.
        assertThat(api.post("/api/v1/complaints/" + id + "/follow-up", Roles.AGENT, """
                {"satisfied":true,"score":5}""")
                        .status())
                .isEqualTo(409);

        awaitCase(id, "REOPENED");
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.SUPERVISOR, "{}")
                        .status())
                .isEqualTo(200);
        awaitStatus(id, "ACKNOWLEDGED");
        assertThat(api.post("/api/v1/cases/" + id + "/resolve", Roles.SUPERVISOR, """
                {"summary":"Duplicate charge refunded","rootCause":"BILLING"}""")
                        .status())
                .isEqualTo(200);
        awaitStatus(id, "RESOLVED");
        TestApi.Response happy = awaitFollowUp(id, """
                {"satisfied":true,"score":4}""");
        assertThat(happy.json().get("outcome").asString()).isEqualTo("CLOSED");
        awaitStatus(id, "CLOSED");

        assertThat(eventsOf(id, 14).get(Topics.FEEDBACK))
                .containsSubsequence(
                        "firebreak.followup.recorded",
                        "firebreak.complaint.reopened",
                        "firebreak.followup.recorded",
                        "firebreak.complaint.closed");
    }

    @Test
    void theGatewayRejectsWhatItMustBeforeAnyServiceSeesIt() {
        String valid = """
                {"channel":"CHAT","customer":{"id":"CRM-77"},"description":"app crashes"}""";
        TestApi.Response noToken = api.post("/api/v1/complaints", null, valid);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.post("/api/v1/cases/C1/acknowledge", Roles.INTEGRATION, "{}")
                        .status())
                .isEqualTo(403);
        TestApi.Response malformed = api.post("/api/v1/complaints", Roles.AGENT, "{\"channel\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        TestApi.Response missing = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"CHAT","customer":{"id":"CRM-77"}}""");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("description");
        TestApi.Response huge = api.post(
                "/api/v1/complaints",
                Roles.AGENT,
                "{\"channel\":\"CHAT\",\"customer\":{\"id\":\"CRM-77\"},\"description\":\"" + "x".repeat(2_000_000)
                        + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(api.get("/api/v1/nothing-here", Roles.AGENT).status()).isEqualTo(404);
    }

    private static Map<String, List<String>> eventsOf(String id, int atLeast) {
        return topics.await(r -> id.equals(r.key()), atLeast).stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::topic,
                        Collectors.mapping(
                                r -> CloudEvents.header(r.headers(), CloudEvents.TYPE), Collectors.toList())));
    }
}

package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complaints driven through their whole life by the gateway's HTTP API, as an agent would, on the whole system:
 * the answers at every step, and the events each step leaves on the topics (CloudEvents headers, key = complaint
 * id, one partition and written order per complaint).
 */
class ComplaintLifecycleE2EIT {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path data;

    static StandaloneSystem system;
    static TopicProbe topics;

    @BeforeAll
    static void start() {
        system = Firebreak.start(data, Ports.free());
        system.awaitReady(Duration.ofMinutes(2));
        topics = new TopicProbe(system.kafkaBootstrapServers(),
                Topics.INTAKE, Topics.TRIAGE, Topics.RESOLUTION, Topics.FEEDBACK);
    }

    @AfterAll
    static void stop() {
        if (topics != null) topics.close();
        if (system != null) system.close();
    }

    @Test
    void aComplaintGoesFromReceivedToClosedWithEveryStepOnItsTopic() throws Exception {
        String correlationId = "e2e-" + UUID.randomUUID();
        HttpResponse<String> submitted = send("POST", "/api/v1/complaints", Roles.AGENT, correlationId, """
                {"channel":"PHONE","customer":{"name":"王芳","phone":"+86 138 0013 8000"},
                 "description":"快递三天没到，客服电话一直打不通","orderRef":"ORD-1001","remedySought":"尽快送达"}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = json(submitted).get("id").asText();
        assertThat(json(submitted).get("status").asText()).isEqualTo("RECEIVED");
        assertThat(submitted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(id));
        assertThat(submitted.headers().firstValue("X-Correlation-Id")).contains(correlationId);

        JsonNode assigned = awaitStatus(id, "ASSIGNED");
        assertThat(assigned.get("classification").get("complaintClass").asText()).isEqualTo("ORDINARY");
        assertThat(assigned.get("classification").get("reasons").size()).isPositive();
        assertThat(assigned.get("owner").get("primaryDepartment").asText()).isEqualTo("LOGISTICS");
        assertThat(assigned.get("sla").get("firstResponseDue").asText()).isNotBlank();

        assertThat(awaitCase(id, "ASSIGNED")).isTrue();
        HttpResponse<String> ack = send("POST", "/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, null, """
                {"message":"您好，我们已经在查快递了，今天下午五点前给您回电"}""");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        awaitStatus(id, "ACKNOWLEDGED");

        HttpResponse<String> early = send("POST", "/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, null, "{}");
        assertThat(early.statusCode()).as("acknowledging twice is a conflict").isEqualTo(409);

        HttpResponse<String> resolved = send("POST", "/api/v1/cases/" + id + "/resolve", Roles.AGENT, null, """
                {"summary":"Parcel found at the depot and delivered the same day","rootCause":"DELIVERY_LOGISTICS"}""");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        awaitStatus(id, "RESOLVED");

        HttpResponse<String> followUp = awaitFollowUp(id, """
                {"satisfied":true,"score":5,"comment":"谢谢，很快"}""");
        assertThat(json(followUp).get("outcome").asText()).isEqualTo("CLOSED");
        JsonNode closed = awaitStatus(id, "CLOSED");
        assertThat(closed.get("timeline").findValuesAsString("type")).contains(
                "firebreak.complaint.received", "firebreak.complaint.classified", "firebreak.responsibility.assigned",
                "firebreak.case.acknowledged", "firebreak.case.resolved", "firebreak.followup.recorded",
                "firebreak.complaint.closed");

        Map<String, List<String>> byTopic = eventsOf(id, 8);
        assertThat(byTopic.get(Topics.INTAKE)).containsExactly("firebreak.complaint.received");
        assertThat(byTopic.get(Topics.TRIAGE)).containsExactly(
                "firebreak.complaint.classified", "firebreak.responsibility.assigned");
        assertThat(byTopic.get(Topics.RESOLUTION)).containsExactly(
                "firebreak.case.opened", "firebreak.case.acknowledged", "firebreak.case.resolved");
        assertThat(byTopic.get(Topics.FEEDBACK)).containsSubsequence(
                "firebreak.followup.recorded", "firebreak.complaint.closed");

        List<ConsumerRecord<String, String>> records = topics.matching(r -> id.equals(r.key()));
        for (ConsumerRecord<String, String> record : records) {
            assertThat(CloudEvents.header(record.headers(), CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).isNotBlank();
            assertThat(CloudEvents.header(record.headers(), CloudEvents.SUBJECT)).isEqualTo(id);
            assertThat(CloudEvents.header(record.headers(), CloudEvents.SOURCE)).startsWith("/firebreak/");
            assertThat(CloudEvents.header(record.headers(), CloudEvents.TIME)).isNotBlank();
            assertThat(CloudEvents.header(record.headers(), CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(CloudEvents.header(record.headers(), CloudEvents.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        }
        // One complaint's events share a partition per topic, so they are read in the order they were written.
        records.stream().collect(Collectors.groupingBy(ConsumerRecord::topic)).forEach((topic, inTopic) -> {
            assertThat(inTopic).extracting(ConsumerRecord::partition).as(topic).containsOnly(inTopic.get(0).partition());
            assertThat(inTopic).extracting(ConsumerRecord::offset).as(topic).isSorted();
        });
        // The correlation id of the submission travels with the events it caused, across services.
        assertThat(records).filteredOn(r -> r.topic().equals(Topics.INTAKE) || r.topic().equals(Topics.TRIAGE))
                .allSatisfy(r -> assertThat(CloudEvents.header(r.headers(), CloudEvents.CORRELATION_ID)).isEqualTo(correlationId));
    }

    @Test
    void anUnhappyFollowUpReopensAndEscalatesTheComplaintUntilItIsResolvedAgain() throws Exception {
        HttpResponse<String> submitted = send("POST", "/api/v1/complaints", Roles.INTEGRATION, null, """
                {"channel":"EMAIL","customer":{"email":"li.lei@example.com"},
                 "description":"I was charged twice for my order","orderRef":"ORD-2002","remedySought":"refund"}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String id = json(submitted).get("id").asText();
        awaitStatus(id, "ASSIGNED");
        awaitCase(id, "ASSIGNED");

        assertThat(send("POST", "/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, null, "{}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/cases/" + id + "/resolve", Roles.AGENT, null, """
                {"summary":"Explained the pending authorisation","rootCause":"BILLING"}""").statusCode()).isEqualTo(200);
        awaitStatus(id, "RESOLVED");

        HttpResponse<String> unhappy = awaitFollowUp(id, """
                {"satisfied":false,"score":1,"comment":"The money is still gone"}""");
        assertThat(json(unhappy).get("outcome").asText()).isEqualTo("REOPENED");
        awaitStatus(id, "REOPENED");
        await().atMost(STEP).until(() -> "ESCALATED".equals(
                caseFile(id).get("classification").get("complaintClass").asText()));
        // The same resolution is not followed up twice.
        assertThat(send("POST", "/api/v1/complaints/" + id + "/follow-up", Roles.AGENT, null, """
                {"satisfied":true,"score":5}""").statusCode()).isEqualTo(409);

        awaitCase(id, "REOPENED");
        assertThat(send("POST", "/api/v1/cases/" + id + "/acknowledge", Roles.SUPERVISOR, null, "{}").statusCode())
                .isEqualTo(200);
        awaitStatus(id, "ACKNOWLEDGED");
        assertThat(send("POST", "/api/v1/cases/" + id + "/resolve", Roles.SUPERVISOR, null, """
                {"summary":"Duplicate charge refunded","rootCause":"BILLING"}""").statusCode()).isEqualTo(200);
        awaitStatus(id, "RESOLVED");
        HttpResponse<String> happy = awaitFollowUp(id, """
                {"satisfied":true,"score":4}""");
        assertThat(json(happy).get("outcome").asText()).isEqualTo("CLOSED");
        awaitStatus(id, "CLOSED");

        assertThat(eventsOf(id, 14).get(Topics.FEEDBACK)).containsSubsequence("firebreak.followup.recorded",
                "firebreak.complaint.reopened", "firebreak.followup.recorded", "firebreak.complaint.closed");
    }

    @Test
    void theGatewayRejectsWhatItMustBeforeAnyServiceSeesIt() throws Exception {
        String valid = """
                {"channel":"CHAT","customer":{"id":"CRM-77"},"description":"app crashes"}""";
        HttpResponse<String> noToken = HTTP.send(HttpRequest.newBuilder(system.gatewayUrl().resolve("/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(valid)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(send("POST", "/api/v1/cases/C1/acknowledge", Roles.INTEGRATION, null, "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> malformed = send("POST", "/api/v1/complaints", Roles.AGENT, null, "{\"channel\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        HttpResponse<String> missing = send("POST", "/api/v1/complaints", Roles.AGENT, null, """
                {"channel":"CHAT","customer":{"id":"CRM-77"}}""");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("description");
        HttpResponse<String> huge = send("POST", "/api/v1/complaints", Roles.AGENT, null,
                "{\"channel\":\"CHAT\",\"customer\":{\"id\":\"CRM-77\"},\"description\":\"" + "x".repeat(2_000_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(send("GET", "/api/v1/nothing-here", Roles.AGENT, null, null).statusCode()).isEqualTo(404);
    }

    private static Map<String, List<String>> eventsOf(String id, int atLeast) {
        return topics.await(r -> id.equals(r.key()), atLeast).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::topic,
                        Collectors.mapping(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE), Collectors.toList())));
    }

    private static HttpResponse<String> awaitFollowUp(String id, String body) {
        // Feedback learns of the resolution from its topic: until then a follow-up is a 409.
        HttpResponse<String>[] last = new HttpResponse[1];
        await().atMost(STEP).until(() -> {
            last[0] = send("POST", "/api/v1/complaints/" + id + "/follow-up", Roles.AGENT, null, body);
            return last[0].statusCode() == 201;
        });
        return last[0];
    }

    private static boolean awaitCase(String id, String state) {
        await().atMost(STEP).until(() -> {
            HttpResponse<String> response = send("GET", "/api/v1/cases/" + id, Roles.AGENT, null, null);
            return response.statusCode() == 200 && state.equals(json(response).get("state").asText());
        });
        return true;
    }

    private static JsonNode awaitStatus(String id, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(STEP).until(() -> {
            last[0] = caseFile(id);
            return status.equals(last[0].get("status").asText());
        });
        return last[0];
    }

    private static JsonNode caseFile(String id) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/complaints/" + id, Roles.AGENT, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String role, String correlationId, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.gatewayUrl().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + system.token(role))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        if (correlationId != null) request.header("X-Correlation-Id", correlationId);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.firebreak.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.ClosureOutcome;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.Topics;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.Infrastructure;
import io.firebreak.platform.test.TestEvents;
import io.firebreak.platform.test.TestTokens;
import io.firebreak.platform.test.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.mongodb.client.MongoDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What intake promises, run against a real broker and store: complaints are received, stored and announced;
 * bad input changes nothing; the case file follows every other service's events, once each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=intake", "firebreak.mongo.database=intake-it"})
abstract class IntakeContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TopicProbe probe;
    static TestEvents events;

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    static void open(Infrastructure infrastructure) {
        probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.INTAKE);
        events = new TestEvents(infrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void close() {
        if (probe != null) probe.close();
        if (events != null) events.close();
    }

    @Test
    void aSubmittedComplaintIsStoredAndAnnouncedWithCloudEventsHeaders() throws Exception {
        HttpResponse<String> response = post("/api/v1/complaints", """
                {"channel":"PHONE","customer":{"name":"王芳","phone":"+86 138 0013 8000"},
                 "description":"快递三天没到，客服电话打不通","orderRef":"ORD-1001","remedySought":"尽快送达"}""",
                Roles.AGENT);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("id").asText();
        assertThat(body.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/complaints/" + id));

        ConsumerRecord<String, String> record = probe.await(r -> id.equals(r.key()), 1).get(0);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).isEqualTo("firebreak.complaint.received");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SOURCE)).isEqualTo("/firebreak/intake");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SUBJECT)).isEqualTo(id);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).isNotBlank();
        JsonNode payload = JSON.readTree(record.value());
        assertThat(payload.get("orderRef").asText()).isEqualTo("ORD-1001");
        // Contact data stays in intake: the event carries the masked form only.
        assertThat(record.value()).doesNotContain("13800138000").doesNotContain("王芳");
        assertThat(payload.get("maskedContact").asText()).isEqualTo("138****8000");

        JsonNode caseFile = JSON.readTree(get("/api/v1/complaints/" + id, Roles.INTEGRATION).body());
        assertThat(caseFile.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(caseFile.get("customer").get("contact").asText()).isEqualTo("138****8000");
        assertThat(caseFile.get("timeline")).hasSize(1);
    }

    @Test
    void theSameCustomerWrittenDifferentlyIsOneCustomer() throws Exception {
        String a = submit("""
                {"channel":"EMAIL","customer":{"phone":"139-0000-1111"},"description":"Bill is wrong"}""");
        String b = submit("""
                {"channel":"CHAT","customer":{"phone":"+8613900001111"},"description":"Refund not received"}""");
        assertThat(customerOf(a)).isEqualTo(customerOf(b));
    }

    @Test
    void badInputIsRejectedFieldByFieldAndNothingIsStored() throws Exception {
        long before = database.getCollection("complaints").countDocuments();
        HttpResponse<String> response = post("/api/v1/complaints", """
                {"channel":"PHONE","customer":{"phone":"not-a-phone","email":"nope"},"description":"  "}""",
                Roles.AGENT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        assertThat(errors.findValuesAsString("field"))
                .contains("description", "customer.phoneValid", "customer.emailValid");

        HttpResponse<String> badChannel = post("/api/v1/complaints", """
                {"channel":"PIGEON","customer":{"id":"X1"},"description":"late"}""", Roles.AGENT);
        assertThat(badChannel.statusCode()).isEqualTo(400);
        assertThat(badChannel.body()).contains("channel").contains("PHONE");

        HttpResponse<String> malformed = post("/api/v1/complaints", "{\"channel\":", Roles.AGENT);
        assertThat(malformed.statusCode()).isEqualTo(400);

        HttpResponse<String> anonymous = post("/api/v1/complaints", """
                {"channel":"PHONE","customer":{},"description":"who am I"}""", Roles.AGENT);
        assertThat(anonymous.statusCode()).isEqualTo(400);
        assertThat(anonymous.body()).contains("give at least one of id, phone or email");

        assertThat(database.getCollection("complaints").countDocuments()).isEqualTo(before);
    }

    @Test
    void rolesAreCheckedByTheServiceItself() throws Exception {
        String body = """
                {"channel":"PHONE","customer":{"id":"C-9"},"description":"x"}""";
        HttpResponse<String> noToken = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/complaints", body, Roles.ADMIN).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/complaints/unknown-id", Roles.AGENT).statusCode()).isEqualTo(404);
    }

    @Test
    void theCaseFileFollowsOtherServicesEventsAndARedeliveryChangesNothing() throws Exception {
        String id = submit("""
                {"channel":"WEB_FORM","customer":{"email":"Li.Lei@Example.com"},"description":"My parcel is lost"}""");
        Instant now = Instant.now();
        events.publish(new ComplaintClassified(id, now, ComplaintClass.ORDINARY, null,
                List.of(new Reason("default", "no rule fired")), "rules-1", "received"));
        String assigned = events.publish(new ResponsibilityAssigned(id, now.plusMillis(1), "LOGISTICS", List.of(),
                ComplaintClass.ORDINARY, now.plusSeconds(3600), now.plusSeconds(86400)));
        awaitStatus(id, "ASSIGNED");
        events.publish(new ResponsibilityAssigned(id, now.plusMillis(1), "LOGISTICS", List.of(),
                ComplaintClass.ORDINARY, now.plusSeconds(3600), now.plusSeconds(86400)), assigned);
        events.publish(new CaseAcknowledged(id, now.plusMillis(2), "agent-1", "We are on it"));
        awaitStatus(id, "ACKNOWLEDGED");

        JsonNode caseFile = JSON.readTree(get("/api/v1/complaints/" + id, Roles.AGENT).body());
        assertThat(caseFile.get("owner").get("primaryDepartment").asText()).isEqualTo("LOGISTICS");
        assertThat(caseFile.get("classification").get("complaintClass").asText()).isEqualTo("ORDINARY");
        assertThat(caseFile.get("sla").get("firstResponseDue").asText()).isNotBlank();
        List<String> types = caseFile.get("timeline").findValuesAsString("type");
        assertThat(types).containsExactly("firebreak.complaint.received", "firebreak.complaint.classified",
                "firebreak.responsibility.assigned", "firebreak.case.acknowledged");

        // A late event of an earlier step does not move the status back.
        events.publish(new ComplaintClosed(id, now.plusMillis(5), ClosureOutcome.SATISFIED));
        awaitStatus(id, "CLOSED");
        events.publish(new CaseAcknowledged(id, now.plusMillis(3), "agent-1", "late copy"));
        await().atMost(Duration.ofSeconds(20)).until(() -> timelineSize(id) == 6);
        assertThat(status(id)).isEqualTo("CLOSED");
    }

    String submit(String json) throws Exception {
        HttpResponse<String> response = post("/api/v1/complaints", json, Roles.AGENT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    String customerOf(String id) throws Exception {
        return JSON.readTree(get("/api/v1/complaints/" + id, Roles.AGENT).body()).get("customer").get("id").asText();
    }

    String status(String id) throws Exception {
        return JSON.readTree(get("/api/v1/complaints/" + id, Roles.AGENT).body()).get("status").asText();
    }

    int timelineSize(String id) throws Exception {
        return JSON.readTree(get("/api/v1/complaints/" + id, Roles.AGENT).body()).get("timeline").size();
    }

    void awaitStatus(String id, String expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> expected.equals(status(id)));
    }

    HttpResponse<String> post(String path, String json, String role) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", TestTokens.bearer(role))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String role) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.bearer(role)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

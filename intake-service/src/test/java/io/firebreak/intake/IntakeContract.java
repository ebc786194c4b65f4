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
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TestEvents;
import io.firebreak.platform.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
    static TopicProbe probe;
    static TestEvents events;

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    TestApi api;

    static void open(Infrastructure infrastructure) {
        probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.INTAKE);
        events = new TestEvents(infrastructure.kafkaBootstrapServers());
    }

    @BeforeEach
    void connect() {
        api = new TestApi(port);
    }

    @AfterAll
    static void close() {
        if (probe != null) probe.close();
        if (events != null) events.close();
    }

    @Test
    void aSubmittedComplaintIsStoredAndAnnouncedWithCloudEventsHeaders() {
        TestApi.Response response = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{"name":"王芳","phone":"+86 138 0013 8000"},
                 "description":"快递三天没到，客服电话打不通","orderRef":"ORD-1001","remedySought":"尽快送达"}""");

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
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

        JsonNode caseFile = api.get("/api/v1/complaints/" + id, Roles.INTEGRATION).json();
        assertThat(caseFile.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(caseFile.get("customer").get("contact").asText()).isEqualTo("138****8000");
        assertThat(caseFile.get("timeline")).hasSize(1);
    }

    @Test
    void theSameCustomerWrittenDifferentlyIsOneCustomer() {
        String a = submit("""
                {"channel":"EMAIL","customer":{"phone":"139-0000-1111"},"description":"Bill is wrong"}""");
        String b = submit("""
                {"channel":"CHAT","customer":{"phone":"+8613900001111"},"description":"Refund not received"}""");
        assertThat(customerOf(a)).isEqualTo(customerOf(b));
    }

    @Test
    void badInputIsRejectedFieldByFieldAndNothingIsStored() {
        long before = database.getCollection("complaints").countDocuments();
        TestApi.Response response = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"not-a-phone","email":"nope"},"description":"  "}""");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        assertThat(errors.findValuesAsString("field"))
                .contains("description", "customer.phoneValid", "customer.emailValid");

        TestApi.Response badChannel = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PIGEON","customer":{"id":"X1"},"description":"late"}""");
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.body()).contains("channel").contains("PHONE");

        TestApi.Response malformed = api.post("/api/v1/complaints", Roles.AGENT, "{\"channel\":");
        assertThat(malformed.status()).isEqualTo(400);

        TestApi.Response anonymous = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{},"description":"who am I"}""");
        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.body()).contains("give at least one of id, phone or email");

        assertThat(database.getCollection("complaints").countDocuments()).isEqualTo(before);
    }

    @Test
    void rolesAreCheckedByTheServiceItself() {
        String body = """
                {"channel":"PHONE","customer":{"id":"C-9"},"description":"x"}""";
        TestApi.Response noToken = api.post("/api/v1/complaints", null, body);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(api.post("/api/v1/complaints", Roles.ADMIN, body).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/complaints/unknown-id", Roles.AGENT).status()).isEqualTo(404);
    }

    @Test
    void theCaseFileFollowsOtherServicesEventsAndARedeliveryChangesNothing() {
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

        JsonNode caseFile = api.get("/api/v1/complaints/" + id, Roles.AGENT).json();
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

    String submit(String json) {
        TestApi.Response response = api.post("/api/v1/complaints", Roles.AGENT, json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    String customerOf(String id) {
        return api.get("/api/v1/complaints/" + id, Roles.AGENT).json().get("customer").get("id").asText();
    }

    String status(String id) {
        return api.get("/api/v1/complaints/" + id, Roles.AGENT).json().get("status").asText();
    }

    int timelineSize(String id) {
        return api.get("/api/v1/complaints/" + id, Roles.AGENT).json().get("timeline").size();
    }

    void awaitStatus(String id, String expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> expected.equals(status(id)));
    }
}

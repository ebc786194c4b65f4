package io.firebreak.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.firebreak.events.ClosureOutcome;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.FollowUpRecorded;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What intake promises, run against a real broker and store: complaints are received, stored and announced;
 * bad input changes nothing; duplicates merge into the open complaint and repeat contacts are marked; a retried
 * submission with the same Idempotency-Key gets its complaint and stores nothing again, a retried message the first
 * answer; later messages are read and a rise in emotion announced;
 * the case file and the customer's history follow every other service's events, once each.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=intake",
            // Small caps, so that a test reaches them.
            "firebreak.intake.caps.messages=12",
            "firebreak.intake.caps.attachments=3",
            "firebreak.intake.caps.shares=3"
        })
@Import(IdsGivenAgain.Configuration.class)
abstract class IntakeContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RECEIVED = "firebreak.complaint.received";
    static final String MESSAGE_ADDED = "firebreak.message.added";
    static final String EMOTION_ROSE = "firebreak.emotion.rose";
    static TopicProbe probe;
    static TestEvents events;

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    IdsGivenAgain ids;

    TestApi api;

    static void open(Infrastructure infrastructure) {
        probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.INTAKE, Topics.CUSTOMER);
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
        String id = body.get("id").asString();
        assertThat(body.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/complaints/" + id));

        ConsumerRecord<String, String> record = probe.await(r -> id.equals(r.key()) && type(r).equals(RECEIVED), 1)
                .get(0);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).isEqualTo("firebreak.complaint.received");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SPEC_VERSION))
                .isEqualTo("1.0");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SOURCE)).isEqualTo("/firebreak/intake");
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SUBJECT)).isEqualTo(id);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).isNotBlank();
        JsonNode payload = JSON.readTree(record.value());
        assertThat(payload.get("orderRef").asString()).isEqualTo("ORD-1001");
        // Contact data stays in intake: the event carries the masked form only.
        assertThat(record.value()).doesNotContain("13800138000").doesNotContain("王芳");
        assertThat(payload.get("maskedContact").asString()).isEqualTo("138****8000");

        JsonNode caseFile = api.get("/api/v1/complaints/" + id, Roles.AGENT).json();
        assertThat(caseFile.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(caseFile.get("customer").get("contact").asString()).isEqualTo("138****8000");
        assertThat(caseFile.get("timeline"))
                .as("received, and the receipt told to the customer")
                .hasSize(2);
        assertThat(caseFile.get("timeline").get(1).get("summary").asString())
                .startsWith("Told the customer (RECEIPT, PHONE, zh): 您的投诉已收到，编号 " + id);
    }

    @Test
    void anIdDrawnAgainIsDrawnOnceMoreAndBothComplaintsAreKept() {
        String first = submit("""
                {"channel":"EMAIL","customer":{"phone":"139-0000-2222"},"description":"The kettle leaks at the base"}""");
        ids.drawNext(first, first);

        TestApi.Response second = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"CHAT","customer":{"phone":"139-0000-3333"},"description":"My parcel went to the wrong town"}""");

        assertThat(second.status()).isEqualTo(201);
        String id = second.json().get("id").asString();
        assertThat(id).isNotEqualTo(first).matches("C\\d{6}-[0-9A-Z]{6}");
        assertThat(api.get("/api/v1/complaints/" + first, Roles.AGENT)
                        .json()
                        .get("description")
                        .asString())
                .isEqualTo("The kettle leaks at the base");
        assertThat(api.get("/api/v1/complaints/" + id, Roles.AGENT)
                        .json()
                        .get("description")
                        .asString())
                .isEqualTo("My parcel went to the wrong town");
        probe.await(r -> id.equals(r.key()) && type(r).equals(RECEIVED), 1);
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
    void aCustomerIsFoundByPhoneEmailOrNameAndTheirProfileShowsWhereTheirComplaintsStand() {
        String unique = String.format("%08d", System.nanoTime() % 100_000_000L);
        String first = submit("""
                {"channel":"PHONE","customer":{"phone":"135%s","email":"zhou.%s@example.com","name":"周%s"},
                 "description":"冰箱不制冷"}""".formatted(unique, unique, unique));
        String second = submit("""
                {"channel":"EMAIL","customer":{"email":"Zhou.%s@Example.com"},"description":"发票抬头错了"}""".formatted(unique));
        String customer = customerOf(first);

        JsonNode byPhone = api.get("/api/v1/customers?phone=+86%20135-" + unique, Roles.AGENT)
                .json();
        assertThat(byPhone.get("items")).singleElement().satisfies(p -> {
            assertThat(p.get("customerId").asString()).isEqualTo(customer);
            assertThat(p.get("name").asString()).isEqualTo("周" + unique);
            assertThat(p.get("contact").asString()).as("masked, as everywhere").startsWith("135****");
            assertThat(p.get("complaints").asInt()).isEqualTo(2);
            assertThat(p.get("open").asInt()).isEqualTo(2);
            assertThat(p.get("recent").findValuesAsString("complaintId")).containsExactly(second, first);
        });
        assertThat(api.get("/api/v1/customers?email=ZHOU." + unique + "@example.com", Roles.AGENT)
                        .json()
                        .get("items")
                        .findValuesAsString("customerId"))
                .containsExactly(customer);
        assertThat(api.get("/api/v1/customers?name=周" + unique.substring(0, 6), Roles.AGENT)
                        .json()
                        .get("items")
                        .findValuesAsString("customerId"))
                .contains(customer);
        assertThat(api.get("/api/v1/customers/" + customer, Roles.AGENT)
                        .json()
                        .get("complaints")
                        .asInt())
                .isEqualTo(2);

        TestApi.Response none = api.get("/api/v1/customers", Roles.AGENT);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").findValuesAsString("field")).containsExactly("phone");
        assertThat(api.get("/api/v1/customers?phone=abc&limit=0", Roles.AGENT)
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactlyInAnyOrder("phone", "limit");
        // A ticketing system finds nobody it has no complaint of, and learns no name or contact.
        assertThat(api.get("/api/v1/customers?phone=135" + unique, Roles.INTEGRATION)
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/customers/" + customer, Roles.INTEGRATION).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/customers/CUS-NOBODY", Roles.AGENT).status())
                .isEqualTo(404);
    }

    @Test
    void aCustomerFirstKnownByEmailIsFoundByThePhoneTheyGaveLater() {
        String byEmail = submit("""
                {"channel":"EMAIL","customer":{"email":"Li.Na@example.com"},"description":"Parcel never arrived"}""");
        String both = submit("""
                {"channel":"CHAT","customer":{"phone":"137 0000 2222","email":"li.na@example.com"},
                 "description":"Charger broke on the first day"}""");
        String byPhone = submit("""
                {"channel":"PHONE","customer":{"phone":"+86 137-0000-2222"},"description":"Invoice has the wrong address"}""");
        assertThat(customerOf(both)).isEqualTo(customerOf(byEmail));
        assertThat(customerOf(byPhone)).isEqualTo(customerOf(byEmail));
    }

    @Test
    void badInputIsRejectedWithEveryBadFieldAtOnceAndNothingIsStored() {
        long complaints = database.getCollection("complaints").countDocuments();
        long customers = database.getCollection("customers").countDocuments();
        TestApi.Response response = api.post(
                "/api/v1/complaints", Roles.AGENT, """
                {"channel":"PIGEON","customer":{"name":"%s","phone":"not-a-phone","email":"nope"},"description":"  ",
                 "productRef":"%s","remedySought":"%s","happenedAt":"2999-01-01"}""".formatted("名".repeat(101), "P".repeat(101), "r".repeat(1001)));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        assertThat(errors.findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "channel",
                        "customer.name",
                        "customer.phone",
                        "customer.email",
                        "description",
                        "productRef",
                        "remedySought",
                        "happenedAt");
        assertThat(response.json().get("detail").asString())
                .contains("PIGEON")
                .contains("PHONE")
                .contains("must not be in the future")
                .contains("is not a phone number");

        // A valid, new customer in an otherwise bad complaint is not recorded either.
        TestApi.Response badChannel = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PIGEON","customer":{"phone":"139 1111 2222"},"description":"late"}""");
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.body()).contains("channel").contains("PHONE");
        assertThat(database.getCollection("customers").countDocuments(new Document("phone", "13911112222")))
                .isZero();

        TestApi.Response malformed = api.post("/api/v1/complaints", Roles.AGENT, "{\"channel\":");
        assertThat(malformed.status()).isEqualTo(400);

        TestApi.Response anonymous = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{},"description":"who am I"}""");
        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.body()).contains("give at least one of id, phone or email");

        TestApi.Response badKey =
                api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{"id":"CRM-BAD-KEY"},"description":"x"}""", Map.of("Idempotency-Key", "k".repeat(129)));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");

        assertThat(database.getCollection("complaints").countDocuments()).isEqualTo(complaints);
        assertThat(database.getCollection("customers").countDocuments()).isEqualTo(customers);
    }

    @Test
    void rolesAreCheckedByTheServiceItself() {
        String body = """
                {"channel":"PHONE","customer":{"id":"C-9"},"description":"x"}""";
        TestApi.Response noToken = api.post("/api/v1/complaints", null, body);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(api.post("/api/v1/complaints", Roles.ADMIN, body).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/complaints/unknown-id", Roles.AGENT).status())
                .isEqualTo(404);
        // In the client's language when it asks for Chinese; English otherwise.
        TestApi.Response zh = api.get(
                "/api/v1/complaints/unknown-id", Roles.AGENT, Map.of("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));
        assertThat(zh.json().get("title").asString()).isEqualTo("未找到投诉");
        assertThat(zh.json().get("detail").asString()).isEqualTo("不存在编号为 unknown-id 的投诉。");
        TestApi.Response zhInvalid =
                api.get("/api/v1/complaints?limit=0&q=x", Roles.AGENT, Map.of("Accept-Language", "zh"));
        assertThat(zhInvalid.json().get("title").asString()).isEqualTo("请求无效");
        assertThat(zhInvalid.json().get("detail").asString()).isEqualTo("请求有误：q 不符合要求（原因见 errors）。");
        assertThat(api.get("/api/v1/complaints/unknown-id", Roles.AGENT, Map.of("Accept-Language", "en-GB"))
                        .json()
                        .get("title")
                        .asString())
                .isEqualTo("Complaint not found");
    }

    @Test
    void theCaseFileFollowsOtherServicesEventsAndARedeliveryChangesNothing() {
        String id = submit("""
                {"channel":"WEB_FORM","customer":{"email":"Li.Lei@Example.com"},"description":"My parcel is lost"}""");
        Instant now = Instant.now();
        events.publish(new ComplaintClassified(
                id,
                now,
                ComplaintClass.ORDINARY,
                null,
                List.of(new Reason("default", "no rule fired")),
                "rules-1",
                "received"));
        String assigned = events.publish(new ResponsibilityAssigned(
                id,
                now.plusMillis(1),
                "LOGISTICS",
                List.of(),
                ComplaintClass.ORDINARY,
                now.plusSeconds(3600),
                now.plusSeconds(86400)));
        awaitStatus(id, "ASSIGNED");
        events.publish(
                new ResponsibilityAssigned(
                        id,
                        now.plusMillis(1),
                        "LOGISTICS",
                        List.of(),
                        ComplaintClass.ORDINARY,
                        now.plusSeconds(3600),
                        now.plusSeconds(86400)),
                assigned);
        events.publish(new CaseAcknowledged(id, now.plusMillis(2), "agent-1", "We are on it"));
        awaitStatus(id, "ACKNOWLEDGED");

        JsonNode caseFile = api.get("/api/v1/complaints/" + id, Roles.AGENT).json();
        assertThat(caseFile.get("owner").get("primaryDepartment").asString()).isEqualTo("LOGISTICS");
        assertThat(caseFile.get("classification").get("complaintClass").asString())
                .isEqualTo("ORDINARY");
        assertThat(caseFile.get("sla").get("firstResponseDue").asString()).isNotBlank();
        List<String> types = caseFile.get("timeline").findValuesAsString("type");
        assertThat(types)
                .as("with what the customer was told")
                .containsExactly(
                        "firebreak.complaint.received",
                        "firebreak.customer.notified",
                        "firebreak.complaint.classified",
                        "firebreak.responsibility.assigned",
                        "firebreak.case.acknowledged",
                        "firebreak.customer.notified");

        // A late event of an earlier step does not move the status back.
        events.publish(new ComplaintClosed(id, now.plusMillis(5), ClosureOutcome.SATISFIED));
        awaitStatus(id, "CLOSED");
        events.publish(new CaseAcknowledged(id, now.plusMillis(3), "agent-1", "late copy"));
        await().atMost(Duration.ofSeconds(20)).until(() -> timelineSize(id) == 9);
        assertThat(status(id)).isEqualTo("CLOSED");
    }

    @Test
    void aSubmissionOnTheSameOrderWhileTheComplaintIsOpenIsMergedIntoIt() {
        String open = submit("""
                {"channel":"PHONE","customer":{"phone":"137 0000 0001"},"description":"快递三天没到",
                 "orderRef":"ORD-M1"}""");
        TestApi.Response again = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"CHAT","customer":{"phone":"+86 13700000001"},"description":"还没收到，到底什么时候送？？？",
                 "orderRef":"ord-m1","remedySought":"今天送到"}""");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.headers().firstValue("Location")).isEmpty();
        JsonNode body = again.json();
        assertThat(body.get("id").asString()).isEqualTo(open);
        assertThat(body.get("merged").asBoolean()).isTrue();
        assertThat(body.get("notice").asString()).contains(open).contains("already open");
        assertThat(body.get("remedySought").asString())
                .as("a blank filled by the duplicate")
                .isEqualTo("今天送到");
        assertThat(database.getCollection("complaints").countDocuments(new Document("customerId", customerOf(open))))
                .isEqualTo(1);

        JsonNode message = body.get("messages").get(0);
        assertThat(message.get("mergedDuplicate").asBoolean()).isTrue();
        assertThat(message.get("channel").asString()).isEqualTo("CHAT");
        // Seconds after the first, on another channel: the same contact, not the customer coming back (no repeat).
        assertThat(message.get("signals").toString()).contains("intensity:？？？").doesNotContain("earlier-contacts");
        ConsumerRecord<String, String> added = probe.await(
                        r -> open.equals(r.key()) && type(r).equals(MESSAGE_ADDED), 1)
                .get(0);
        JsonNode event = JSON.readTree(added.value());
        assertThat(event.get("mergedDuplicate").asBoolean()).isTrue();
        assertThat(event.get("text").asString()).isEqualTo("还没收到，到底什么时候送？？？");
        assertThat(event.get("stage").asString())
                .as("where the customer stands after it")
                .isEqualTo(api.get("/api/v1/complaints/" + open, Roles.AGENT)
                        .json()
                        .get("stage")
                        .asString());
        assertThat(api.get("/api/v1/complaints/" + open, Roles.AGENT)
                        .json()
                        .get("timeline")
                        .findValuesAsString("type"))
                .contains("firebreak.message.added");
    }

    @Test
    void aSubmissionInCloselySimilarWordsIsMergedIntoTheOpenComplaint() {
        String open = submit("""
                {"channel":"WEB_FORM","customer":{"email":"zhao.lei@example.com"},"description":"洗衣机漏水，地板都泡坏了"}""");
        TestApi.Response again = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{"email":"Zhao.Lei@example.com"},"description":"洗衣机漏水，地板全泡坏了"}""");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(open);
        assertThat(again.json().get("merged").asBoolean()).isTrue();

        // A different matter of the same customer is a complaint of its own.
        String other = submit("""
                {"channel":"PHONE","customer":{"email":"zhao.lei@example.com"},"description":"发票抬头开错了"}""");
        assertThat(other).isNotEqualTo(open);
    }

    @Test
    void aNewComplaintOnAMatterClosedWithinTheWindowIsARepeatContact() {
        String first = submit("""
                {"channel":"PHONE","customer":{"id":"CRM-REPEAT-1"},"description":"冰箱不制冷","orderRef":"ORD-R1"}""");
        events.publish(new ComplaintClosed(first, Instant.now(), ClosureOutcome.SATISFIED));
        awaitStatus(first, "CLOSED");

        TestApi.Response again = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{"id":"CRM-REPEAT-1"},"description":"冰箱又不制冷了","orderRef":"ORD-R1"}""");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String second = again.json().get("id").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(again.json().get("earlierComplaintIds").get(0).asString()).isEqualTo(first);
        assertThat(again.json().get("notice").asString()).contains(first).contains("repeat contact");

        JsonNode received = JSON.readTree(probe.await(r -> second.equals(r.key()) && type(r).equals(RECEIVED), 1)
                .get(0)
                .value());
        assertThat(received.get("earlierComplaintIds").get(0).asString()).isEqualTo(first);
        assertThat(received.get("emotionSignals").toString()).contains("earlier-contacts:1");
        assertThat(received.get("stage").asString()).isEqualTo("ESCALATED_COMPLAINT");

        JsonNode earlier =
                api.get("/api/v1/complaints/" + second, Roles.AGENT).json().get("earlierComplaints");
        assertThat(earlier).hasSize(1);
        assertThat(earlier.get(0).get("id").asString()).isEqualTo(first);
        assertThat(earlier.get(0).get("outcome").asString()).isEqualTo("SATISFIED");
        assertThat(earlier.get(0).get("sameMatter").asBoolean()).isTrue();
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyIsAnsweredWithItsComplaintAndStoresNothingAgain() {
        String body = """
                {"channel":"EMAIL","customer":{"email":"qian.hui@example.com"},"description":"扫地机器人充不进电"}""";
        Map<String, String> key = Map.of("Idempotency-Key", "ticket-4711");
        long keptBefore = database.getCollection("idempotency").countDocuments();
        TestApi.Response first = api.post("/api/v1/complaints", Roles.INTEGRATION, body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String id = first.json().get("id").asString();

        TestApi.Response retry = api.post("/api/v1/complaints", Roles.INTEGRATION, body, key);
        assertThat(retry.status()).as("the same complaint, not a second one").isEqualTo(200);
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        assertThat(retry.json().get("description").asString()).isEqualTo("扫地机器人充不进电");
        assertThat(retry.json().get("notice").asString()).contains("received before as complaint " + id);
        assertThat(database.getCollection("complaints").countDocuments(new Document("customerId", customerOf(id))))
                .isEqualTo(1);
        assertThat(database.getCollection("idempotency").countDocuments())
                .as("the key is kept in the complaint's own write, not in a record of its own")
                .isEqualTo(keptBefore);
        probe.await(r -> id.equals(r.key()) && type(r).equals(RECEIVED), 1);
        assertThat(probe.drain(r -> id.equals(r.key()), Duration.ofSeconds(1)))
                .as("announced and told once")
                .extracting(IntakeContract::type)
                .containsExactlyInAnyOrder(RECEIVED, "firebreak.customer.notified");

        TestApi.Response otherBody = api.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"email":"qian.hui@example.com"},"description":"Something else"}""", key);
        assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(422);
        assertThat(otherBody.isProblem()).isTrue();
        assertThat(otherBody.body()).contains("Idempotency-Key");
        TestApi.Response sameMatterOtherBody = api.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"PHONE","customer":{"email":"qian.hui@example.com"},"description":"扫地机器人充不进电"}""", key);
        assertThat(sameMatterOtherBody.status())
                .as("the same key with another submission, even one on the same matter")
                .isEqualTo(422);

        // The key is the client's own: another client may use the same one.
        TestApi.Response otherClient = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{"id":"CRM-KEY-2"},"description":"门锁坏了"}""", key);
        assertThat(otherClient.status()).as(otherClient.body()).isEqualTo(201);
    }

    @Test
    void aRetriedSubmissionThatWasMergedIsAnsweredWithTheOpenComplaintAndMergedOnce() {
        String open = api.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"email":"sun.li@example.com"},"description":"洗衣机漏水，地板都泡了",
                 "orderRef":"ORD-KEY-MERGE"}""")
                .json()
                .get("id")
                .asString();
        String again = """
                {"channel":"PHONE","customer":{"email":"sun.li@example.com"},"description":"洗衣机还在漏水",
                 "orderRef":"ORD-KEY-MERGE"}""";
        Map<String, String> key = Map.of("Idempotency-Key", "merge-" + open);

        TestApi.Response merged = api.post("/api/v1/complaints", Roles.INTEGRATION, again, key);
        TestApi.Response retry = api.post("/api/v1/complaints", Roles.INTEGRATION, again, key);

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("merged").asBoolean()).isTrue();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id").asString()).isEqualTo(open);
        assertThat(api.get("/api/v1/complaints/" + open, Roles.AGENT).json().get("messages"))
                .as("merged once")
                .hasSize(1);
    }

    @Test
    void aRetryWhoseComplaintIsMissingFromTheCustomersRecordIsStillKnownByItsKey() {
        String body = """
                {"channel":"CHAT","customer":{"id":"CRM-KEY-CUT"},"description":"The oven door glass cracked"}""";
        Map<String, String> key = Map.of("Idempotency-Key", "cut-short");
        String id = api.post("/api/v1/complaints", Roles.INTEGRATION, body, key)
                .json()
                .get("id")
                .asString();
        // As if the process had stopped between the complaint's write and its customer's record's.
        database.getCollection("customers")
                .updateOne(
                        new Document("_id", customerOf(id)),
                        new Document("$set", new Document("complaints", List.of())));

        TestApi.Response retry = api.post("/api/v1/complaints", Roles.INTEGRATION, body, key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        assertThat(database.getCollection("complaints").countDocuments(new Document("customerId", customerOf(id))))
                .isEqualTo(1);
    }

    @Test
    void aRetriedMessageGetsTheFirstAnswerAgainEvenWhenItWasKeptAsText() {
        String id = submit("""
                {"channel":"PHONE","customer":{"id":"CRM-KEY-MSG"},"description":"The kettle leaks"}""");
        String body = "{\"text\":\"It leaks onto the socket now\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "msg-" + id);
        TestApi.Response first = api.post("/api/v1/complaints/" + id + "/messages", Roles.AGENT, body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        TestApi.Response retry = api.post("/api/v1/complaints/" + id + "/messages", Roles.AGENT, body, key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        // The answer is kept as its bytes; one kept as text (as answers were before) is given again just the same.
        Document kept = database
                .getCollection("idempotency")
                .find(new Document("body", new Document("$type", "binData")))
                .into(new ArrayList<>())
                .stream()
                .filter(d ->
                        new String(d.get("body", Binary.class).getData(), StandardCharsets.UTF_8).equals(first.body()))
                .findFirst()
                .orElseThrow();
        database.getCollection("idempotency")
                .updateOne(
                        new Document("_id", kept.get("_id")), new Document("$set", new Document("body", first.body())));
        TestApi.Response fromText = api.post("/api/v1/complaints/" + id + "/messages", Roles.AGENT, body, key);
        assertThat(fromText.status()).isEqualTo(200);
        assertThat(fromText.body()).isEqualTo(first.body());
        assertThat(api.get("/api/v1/complaints/" + id, Roles.AGENT).json().get("messages"))
                .hasSize(1);
    }

    @Test
    void aLaterMessageIsReadAndARiseInEmotionIsAnnounced() {
        String id = api.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"PHONE","customer":{"id":"CRM-MSG-1"},"description":"The kettle stopped working"}""")
                .json()
                .get("id")
                .asString();
        TestApi.Response calm = api.post("/api/v1/complaints/" + id + "/messages", Roles.AGENT, """
                {"text":"I can bring it to the shop on Monday"}""");
        assertThat(calm.status()).as(calm.body()).isEqualTo(201);
        assertThat(calm.json().get("emotionRose").asBoolean()).isFalse();

        TestApi.Response angry = api.post("/api/v1/complaints/" + id + "/messages", Roles.INTEGRATION, """
                {"text":"This is RIDICULOUS!!! Nobody called me back, I want your manager","channel":"chat"}""");
        assertThat(angry.status()).as(angry.body()).isEqualTo(201);
        JsonNode answer = angry.json();
        assertThat(answer.get("emotionRose").asBoolean()).isTrue();
        assertThat(answer.get("message").get("channel").asString()).isEqualTo("CHAT");
        assertThat(answer.get("emotion").asString()).isEqualTo("FURIOUS");
        assertThat(answer.get("stage").asString()).isEqualTo("ESCALATED_COMPLAINT");

        List<ConsumerRecord<String, String>> added =
                probe.await(r -> id.equals(r.key()) && type(r).equals(MESSAGE_ADDED), 2);
        assertThat(added)
                .extracting(r -> JSON.readTree(r.value()).get("mergedDuplicate").asBoolean())
                .containsOnly(false);
        JsonNode rose = JSON.readTree(probe.await(r -> id.equals(r.key()) && type(r).equals(EMOTION_ROSE), 1)
                .get(0)
                .value());
        assertThat(rose.get("previous").asString()).isEqualTo("CALM");
        assertThat(rose.get("current").asString()).isEqualTo("FURIOUS");
        assertThat(rose.get("stage").asString()).isEqualTo("ESCALATED_COMPLAINT");
        assertThat(rose.get("signals").toString()).contains("intensity:!!!").contains("asks-for-superior:manager");

        JsonNode caseFile = api.get("/api/v1/complaints/" + id, Roles.AGENT).json();
        assertThat(caseFile.get("emotion").asString()).isEqualTo("FURIOUS");
        assertThat(caseFile.get("stage").asString()).isEqualTo("ESCALATED_COMPLAINT");
        assertThat(caseFile.get("messages")).hasSize(2);
        assertThat(caseFile.get("timeline").findValuesAsString("type"))
                .containsSubsequence(
                        "firebreak.complaint.received",
                        "firebreak.message.added",
                        "firebreak.message.added",
                        "firebreak.emotion.rose");

        assertThat(api.post("/api/v1/complaints/C000000-NOPE00/messages", Roles.AGENT, "{\"text\":\"hi\"}")
                        .status())
                .isEqualTo(404);
        TestApi.Response empty = api.post("/api/v1/complaints/" + id + "/messages", Roles.AGENT, "{\"text\":\" \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("text");

        events.publish(new ComplaintClosed(id, Instant.now(), ClosureOutcome.SATISFIED));
        awaitStatus(id, "CLOSED");
        TestApi.Response late =
                api.post("/api/v1/complaints/" + id + "/messages", Roles.AGENT, "{\"text\":\"thanks\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isProblem()).isTrue();
    }

    @Test
    void theCustomersHistoryShowsEachComplaintWithItsClassOutcomeAndScoreNewestFirst() {
        String older = submit("""
                {"channel":"PHONE","customer":{"phone":"136 0000 0009"},"description":"空调不制热","productRef":"AC-1"}""");
        String newer = submit("""
                {"channel":"PHONE","customer":{"phone":"13600000009"},"description":"账单多扣了50元","orderRef":"ORD-H2"}""");
        String customer = customerOf(older);
        Instant now = Instant.now();
        events.publish(new ComplaintClassified(
                older,
                now,
                ComplaintClass.ORDINARY,
                null,
                List.of(new Reason("default", "no rule fired")),
                "rules-1",
                "received"));
        events.publish(new FollowUpRecorded(older, now.plusMillis(1), true, 4, "ok", "agent-7"));
        events.publish(new ComplaintClosed(older, now.plusMillis(2), ClosureOutcome.SATISFIED));
        awaitStatus(older, "CLOSED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            TestApi.Response history = api.get("/api/v1/customers/" + customer + "/complaints", Roles.AGENT);
            assertThat(history.status()).isEqualTo(200);
            JsonNode items = history.json().get("items");
            assertThat(items.findValuesAsString("complaintId")).containsExactly(newer, older);
            assertThat(items.get(1).get("complaintClass").asString()).isEqualTo("ORDINARY");
            assertThat(items.get(1).get("status").asString()).isEqualTo("CLOSED");
            assertThat(items.get(1).get("outcome").asString()).isEqualTo("SATISFIED");
            assertThat(items.get(1).get("satisfactionScore").asInt()).isEqualTo(4);
            assertThat(items.get(0).get("status").asString()).isEqualTo("RECEIVED");
        });
        TestApi.Response history = api.get("/api/v1/customers/" + customer + "/complaints", Roles.AGENT);
        assertThat(history.json().get("contact").asString()).isEqualTo("136****0009");
        assertThat(history.body()).doesNotContain("13600000009");

        JsonNode earlier =
                api.get("/api/v1/complaints/" + newer, Roles.AGENT).json().get("earlierComplaints");
        assertThat(earlier.findValuesAsString("id")).containsExactly(older);
        assertThat(earlier.get(0).get("sameMatter").asBoolean()).isFalse();

        assertThat(api.get("/api/v1/customers/CUS-NOBODY/complaints", Roles.AGENT)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + customer + "/complaints", Roles.ADMIN)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theListPagesNewestFirstWithACursorThatNewComplaintsDoNotDisturb() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(submit("""
                    {"channel":"LETTER","customer":{"id":"CRM-PAGE-%d"},"description":"第%d封信"}""".formatted(i, i)));
        }
        Instant now = Instant.now();
        for (String id : ids) {
            events.publish(new ComplaintClassified(
                    id,
                    now,
                    ComplaintClass.DIFFICULT,
                    null,
                    List.of(new Reason("unclear-owner", "letter")),
                    "rules-1",
                    "received"));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> listIds("?class=difficult&limit=50").size() == 5);

        JsonNode page1 = api.get("/api/v1/complaints?class=DIFFICULT&status=received&limit=2", Roles.AGENT)
                .json();
        assertThat(ids(page1)).containsExactly(ids.get(4), ids.get(3));
        String next = page1.get("next").asString();

        // A complaint arriving between pages shows on a new first page, never on the pages already under way.
        String later = submit("""
                {"channel":"LETTER","customer":{"id":"CRM-PAGE-6"},"description":"第6封信"}""");
        events.publish(new ComplaintClassified(
                later,
                Instant.now(),
                ComplaintClass.DIFFICULT,
                null,
                List.of(new Reason("unclear-owner", "letter")),
                "rules-1",
                "received"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> listIds("?class=DIFFICULT").contains(later));

        JsonNode page2 = api.get("/api/v1/complaints?class=DIFFICULT&limit=2&cursor=" + next, Roles.AGENT)
                .json();
        assertThat(ids(page2)).containsExactly(ids.get(2), ids.get(1));
        JsonNode page3 = api.get(
                        "/api/v1/complaints?class=DIFFICULT&limit=2&cursor="
                                + page2.get("next").asString(),
                        Roles.AGENT)
                .json();
        assertThat(ids(page3)).containsExactly(ids.get(0));
        assertThat(page3.has("next")).as("the last page has no next").isFalse();

        events.publish(new ResponsibilityAssigned(
                ids.get(0),
                now.plusMillis(5),
                "BILLING",
                List.of("QA_LAB"),
                ComplaintClass.DIFFICULT,
                now.plusSeconds(3600),
                now.plusSeconds(86400)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> listIds("?department=qa_lab").equals(List.of(ids.get(0))));
        assertThat(listIds("?department=BILLING&class=DIFFICULT")).containsExactly(ids.get(0));

        TestApi.Response bad =
                api.get("/api/v1/complaints?class=HUGE&status=LOST&department=a%20b&limit=0&cursor=zzz", Roles.AGENT);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("class", "status", "department", "limit", "cursor");
        assertThat(api.get("/api/v1/complaints?limit=many", Roles.AGENT)
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("limit");
        // A filter the list does not have is refused, not ignored (the newest complaints are not its answer).
        TestApi.Response unknown = api.get("/api/v1/complaints?phone=13800138000&q=fridge&limit=2", Roles.AGENT);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("phone", "q");
        assertThat(unknown.json().get("detail").asString())
                .isEqualTo("Unknown parameters phone, q; this endpoint "
                        + "takes: class, cursor, department, externalId, externalSystem, limit, status");
    }

    @Test
    void aTicketSubmittedAgainWithItsExternalReferenceIsTheSameComplaintAndCanBeFoundByIt() {
        String ticket = "SD-" + System.nanoTime();
        String body = """
                {"channel":"WEB_FORM","customer":{"id":"CRM-EXT-%s"},"description":"洗衣机漏水",
                 "externalRef":{"system":"jira","id":"%s"}}""".formatted(ticket, ticket);
        TestApi.Response first = api.post("/api/v1/complaints", Roles.INTEGRATION, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(first.json().get("externalRef").get("id").asString()).isEqualTo(ticket);
        assertThat(first.json().get("submittedBy").asString()).isEqualTo("integration-1");

        // The same ticket again, even with other words: the complaint received for it, not a second one.
        TestApi.Response again = api.post("/api/v1/complaints", Roles.INTEGRATION, body.replace("洗衣机漏水", "还在漏水"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.json().get("messages")).isEmpty();

        JsonNode found = api.get("/api/v1/complaints?externalSystem=jira&externalId=" + ticket, Roles.INTEGRATION)
                .json();
        assertThat(ids(found)).containsExactly(id);
        assertThat(ids(api.get("/api/v1/complaints?externalSystem=jira&externalId=" + ticket, Roles.AGENT)
                        .json()))
                .containsExactly(id);
        ConsumerRecord<String, String> received = probe.await(r -> id.equals(r.key()) && type(r).equals(RECEIVED), 1)
                .get(0);
        JsonNode payload = JSON.readTree(received.value());
        assertThat(payload.get("submittedBy").asString()).isEqualTo("integration-1");
        assertThat(payload.get("externalRef").get("system").asString()).isEqualTo("jira");
        assertThat(payload.get("externalRef").get("id").asString()).isEqualTo(ticket);

        // The reference is the client's own: another system's ticket with the same number is another complaint.
        TestApi.Response otherClient = client("servicenow-2")
                .post("/api/v1/complaints", Roles.INTEGRATION, body.replace("CRM-EXT-", "CRM-EXT-B-"));
        assertThat(otherClient.status()).as(otherClient.body()).isEqualTo(201);
        assertThat(otherClient.json().get("id").asString()).isNotEqualTo(id);

        TestApi.Response half = api.get("/api/v1/complaints?externalSystem=jira", Roles.INTEGRATION);
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.json().get("errors").findValuesAsString("field")).containsExactly("externalId");
    }

    @Test
    void concurrentIdenticalSubmissionsWithOneIdempotencyKeyMakeExactlyOneComplaint() throws Exception {
        String customer = "CRM-RACE-KEY-" + System.nanoTime();
        String body = """
                {"channel":"CHAT","customer":{"id":"%s"},"description":"The router drops every hour"}""".formatted(customer);
        List<TestApi.Response> answers = race(() ->
                api.post("/api/v1/complaints", Roles.INTEGRATION, body, Map.of("Idempotency-Key", "race-" + customer)));

        assertThat(answers)
                .extracting(TestApi.Response::status)
                .as(answers.toString())
                .containsOnly(200, 201)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(answers)
                .extracting(r -> r.json().get("id").asString())
                .containsOnly(answers.get(0).json().get("id").asString());
        assertThat(database.getCollection("complaints")
                        .countDocuments(new Document(
                                "customerId",
                                customerOf(answers.get(0).json().get("id").asString()))))
                .isEqualTo(1);
    }

    @Test
    void concurrentIdenticalSubmissionsWithOneExternalReferenceMakeExactlyOneComplaint() throws Exception {
        String ticket = "RACE-" + System.nanoTime();
        String body = """
                {"channel":"CHAT","customer":{"id":"CRM-%s"},"description":"The heater smells odd",
                 "externalRef":{"system":"zendesk","id":"%s"}}""".formatted(ticket, ticket);
        List<TestApi.Response> answers = race(() -> api.post("/api/v1/complaints", Roles.INTEGRATION, body));

        assertThat(answers)
                .extracting(TestApi.Response::status)
                .as(answers.toString())
                .containsOnly(200, 201)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        String id = answers.get(0).json().get("id").asString();
        assertThat(answers).extracting(r -> r.json().get("id").asString()).containsOnly(id);
        JsonNode stored = api.get("/api/v1/complaints/" + id, Roles.AGENT).json();
        assertThat(stored.get("messages")).as("nothing merged in twice").isEmpty();
        assertThat(database.getCollection("complaints")
                        .countDocuments(new Document(
                                "customerId", stored.get("customer").get("id").asString())))
                .isEqualTo(1);
    }

    @Test
    void anIntegrationClientSeesOnlyItsOwnAndSharedComplaintsAndAnotherClientsIsNotFound() {
        String mine = api.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"id":"CRM-OWN-%d"},"description":"Invoice charged twice"}""".formatted(System.nanoTime()))
                .json()
                .get("id")
                .asString();
        TestApi other = client("zendesk-3");
        String path = "/api/v1/complaints/" + mine;

        assertThat(other.get(path, Roles.INTEGRATION).status()).isEqualTo(404);
        assertThat(other.post(path + "/messages", Roles.INTEGRATION, "{\"text\":\"more\"}")
                        .status())
                .isEqualTo(404);
        assertThat(other.post(path + "/attachments", Roles.INTEGRATION, """
                {"name":"a.png","mediaType":"image/png","size":1,"url":"https://t.example/a.png"}""").status())
                .isEqualTo(404);
        assertThat(ids(other.get("/api/v1/complaints?limit=200", Roles.INTEGRATION)
                        .json()))
                .doesNotContain(mine);
        assertThat(ids(api.get("/api/v1/complaints?limit=200", Roles.INTEGRATION)
                        .json()))
                .contains(mine);
        assertThat(api.get(path, Roles.AGENT).status())
                .as("staff see every complaint")
                .isEqualTo(200);
        String customer = "/api/v1/customers/" + customerOf(mine) + "/complaints";
        assertThat(other.get(customer, Roles.INTEGRATION).status())
                .as("no complaint of theirs")
                .isEqualTo(404);
        assertThat(api.get(customer, Roles.INTEGRATION).json().get("items").findValuesAsString("complaintId"))
                .containsExactly(mine);
        assertThat(other.post(path + "/shares", Roles.INTEGRATION, "{\"client\":\"zendesk-3\"}")
                        .status())
                .as("a client cannot share itself in")
                .isEqualTo(403);

        TestApi.Response shared = api.post(path + "/shares", Roles.AGENT, "{\"client\":\"zendesk-3\"}");
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.json().get("sharedWith").get(0).asString()).isEqualTo("zendesk-3");
        assertThat(other.get(path, Roles.INTEGRATION).status()).isEqualTo(200);
        assertThat(other.post(path + "/messages", Roles.INTEGRATION, "{\"text\":\"more\"}")
                        .status())
                .isEqualTo(201);
        assertThat(ids(other.get("/api/v1/complaints?limit=200", Roles.INTEGRATION)
                        .json()))
                .contains(mine);
        assertThat(api.post(path + "/shares", Roles.AGENT, "{\"client\":\"zendesk-3\"}")
                        .status())
                .as("sharing again changes nothing")
                .isEqualTo(200);
        assertThat(probe.await(r -> mine.equals(r.key()) && "firebreak.complaint.shared".equals(type(r)), 1))
                .hasSize(1);
        assertThat(probe.drain(
                        r -> mine.equals(r.key()) && "firebreak.complaint.shared".equals(type(r)),
                        Duration.ofMillis(500)))
                .as("announced once")
                .hasSize(1);
        assertThat(api.post(path + "/shares", Roles.AGENT, "{\"client\":\"has space\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/complaints/C-NONE/shares", Roles.AGENT, "{\"client\":\"x\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void mergeAcrossClients_anotherClientsSubmissionOnTheSameCustomerAndOrderOpensItsOwnComplaint() {
        long n = System.nanoTime() % 100_000_000L;
        String phone = "139" + String.format("%08d", n);
        TestApi a = client("client-a");
        TestApi b = client("client-b");
        TestApi.Response first = a.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"phone":"%s","email":"a%d@example.com"},"description":"快递丢了",
                 "orderRef":"ORD-X%d","externalRef":{"system":"jira","id":"A-%d"}}""".formatted(phone, n, n, n));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String theirs = first.json().get("id").asString();

        // The same phone and order; the same e-mail and words (each from a client of its own).
        Map<TestApi, String> attempts = Map.of(b, """
                {"channel":"CHAT","customer":{"phone":"%s"},"description":"快递丢了","orderRef":"ORD-X%d"}""".formatted(phone, n), client("client-c"), """
                {"channel":"CHAT","customer":{"email":"A%d@example.com"},"description":"快递丢了"}""".formatted(n));
        for (var attempt : attempts.entrySet()) {
            TestApi.Response mine = attempt.getKey().post("/api/v1/complaints", Roles.INTEGRATION, attempt.getValue());
            assertThat(mine.status())
                    .as("a complaint of its own: " + mine.body())
                    .isEqualTo(201);
            assertThat(mine.json().get("id").asString()).isNotEqualTo(theirs);
            assertThat(mine.json().path("merged").asBoolean()).isFalse();
            assertThat(mine.body())
                    .as("nothing of client A's complaint")
                    .doesNotContain(theirs)
                    .doesNotContain("client-a")
                    .doesNotContain("A-" + n)
                    .doesNotContain("earlier-contacts");
        }
        JsonNode stillTheirs =
                api.get("/api/v1/complaints/" + theirs, Roles.AGENT).json();
        assertThat(stillTheirs.get("sharedWith")).as("B was not added").isEmpty();
        assertThat(stillTheirs.get("messages")).as("nothing merged into A's").isEmpty();
        assertThat(b.get("/api/v1/complaints/" + theirs, Roles.INTEGRATION).status())
                .isEqualTo(404);
        assertThat(ids(b.get("/api/v1/complaints?limit=200", Roles.INTEGRATION).json()))
                .doesNotContain(theirs);
    }

    @Test
    void customerOracle_aClientGivingOnlyAnotherClientsCustomersEmailLearnsNeitherTheirIdNorTheirPhone() {
        long n = System.nanoTime() % 100_000_000L;
        String phone = "136" + String.format("%08d", n);
        client("client-a").post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"PHONE","customer":{"phone":"%s","email":"o%d@example.com"},"description":"空调不制冷"}""".formatted(phone, n));
        TestApi b = client("client-b");
        TestApi.Response answer = b.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"email":"o%d@example.com"},"description":"发票开错了"}""".formatted(n));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode customer = answer.json().get("customer");
        assertThat(customer.has("id")).as("the customer's id: " + customer).isFalse();
        assertThat(customer.get("contact").asString()).as("what B gave, masked").isEqualTo("o***@example.com");
        assertThat(answer.body()).doesNotContain(phone.substring(phone.length() - 4));
        String id = answer.json().get("id").asString();
        assertThat(b.get("/api/v1/complaints/" + id, Roles.INTEGRATION)
                        .json()
                        .get("customer")
                        .has("id"))
                .isFalse();
        String customerId = customerOf(id);
        JsonNode history = b.get("/api/v1/customers/" + customerId + "/complaints", Roles.INTEGRATION)
                .json();
        assertThat(history.get("items").findValuesAsString("complaintId")).containsExactly(id);
        assertThat(history.get("contact").isNull())
                .as("no contact data of the customer")
                .isTrue();
    }

    @Test
    void customerPoisoning_aClientsChosenCustomerIdIsItsOwnAndBindsNoContactForAnyoneElse() {
        long n = System.nanoTime() % 100_000_000L;
        String crmId = "CRM-VICTIM-" + n;
        String victimsPhone = "135" + String.format("%08d", n);
        submit("""
                {"channel":"PHONE","customer":{"id":"%s","name":"王芳"},"description":"热水器不出热水"}""".formatted(crmId));

        TestApi attacker = client("client-b");
        TestApi.Response poisoned =
                attacker.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"id":"%s","phone":"%s"},"description":"退款没到"}""".formatted(crmId, victimsPhone));
        assertThat(poisoned.status()).as(poisoned.body()).isEqualTo(201);
        String poisonedId = poisoned.json().get("id").asString();
        assertThat(customerOf(poisonedId))
                .as("the client's own customer, not staff's " + crmId)
                .isEqualTo("client-b:" + crmId);
        assertThat(poisoned.json().get("customer").get("id").asString()).isEqualTo("client-b:" + crmId);
        JsonNode staffs = api.get("/api/v1/customers/" + crmId + "/complaints", Roles.AGENT)
                .json();
        assertThat(staffs.get("items")).as("nothing added to staff's customer").hasSize(1);
        assertThat(staffs.get("contact").isNull())
                .as("no phone written into it")
                .isTrue();

        // The real owner of the phone complains later: their complaint is theirs, not on the record B chose.
        String real = submit("""
                {"channel":"PHONE","customer":{"phone":"%s"},"description":"燃气灶打不着火"}""".formatted(victimsPhone));
        assertThat(customerOf(real)).isNotEqualTo("client-b:" + crmId);
        TestApi.Response colon = attacker.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"id":"client-a:CRM-1"},"description":"x"}""");
        assertThat(colon.status()).isEqualTo(400);
        assertThat(colon.json().get("errors").findValuesAsString("field")).containsExactly("customer.id");
        TestApi.Response forged = api.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"EMAIL","customer":{"id":"CRM-1\nINFO forged log line"},"description":"x"}""");
        assertThat(forged.status()).as("a control character in an id").isEqualTo(400);
    }

    @Test
    void customerIdOracle_theTokenSecretDoesNotReproduceACustomersIdFromTheirPhone() throws Exception {
        String phone = "138" + String.format("%08d", System.nanoTime() % 100_000_000L);
        String id = submit("""
                {"channel":"PHONE","customer":{"phone":"%s"},"description":"话费多扣了"}""".formatted(phone));
        String customerId = customerOf(id);
        // How an id was derived before it had a key of its own: from the token secret.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                ("firebreak-customer-id:" + io.firebreak.platform.test.TestTokens.SECRET)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        String withTokenSecret = "CUS-"
                + java.util.HexFormat.of()
                        .formatHex(mac.doFinal(phone.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 6)
                        .toUpperCase();
        assertThat(customerId).startsWith("CUS-").isNotEqualTo(withTokenSecret);
    }

    @Test
    void clientIdentity_anIntegrationTokenNamedLikeAStaffLoginSeesNothingOfThatPersonsComplaints() {
        String agents = submit("""
                {"channel":"PHONE","customer":{"id":"CRM-STAFF-%d"},"description":"电视黑屏"}""".formatted(System.nanoTime()));
        TestApi sameName = client("agent-1");
        assertThat(sameName.get("/api/v1/complaints/" + agents, Roles.INTEGRATION)
                        .status())
                .isEqualTo(404);
        assertThat(ids(sameName.get("/api/v1/complaints?limit=200", Roles.INTEGRATION)
                        .json()))
                .doesNotContain(agents);
        JsonNode stored = api.get("/api/v1/complaints/" + agents, Roles.AGENT).json();
        assertThat(stored.has("submittedBy"))
                .as("staff submissions name no client")
                .isFalse();
        assertThat(stored.get("timeline").get(0).get("summary").asString()).contains("taken by agent-1");
    }

    @Test
    void sharedCaseFile_aClientSeesNeitherTheSubmittingClientNorItsTicketNorStaffNames() {
        long n = System.nanoTime();
        String id = client("client-a")
                .post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"id":"CRM-S%d"},"description":"Parcel arrived broken",
                 "externalRef":{"system":"jira","id":"SECRET-%d"}}""".formatted(n, n))
                .json()
                .get("id")
                .asString();
        client("client-a").post("/api/v1/complaints/" + id + "/attachments", Roles.INTEGRATION, """
                {"name":"a.png","mediaType":"image/png","size":1,"url":"https://a.example/private/a.png"}""");
        events.publish(new io.firebreak.events.TriageEvents.ResponsibilityAssigned(
                id,
                Instant.now(),
                "LOGISTICS",
                List.of(),
                io.firebreak.events.ComplaintClass.ORDINARY,
                Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200),
                "zhang.wei"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/complaints/" + id, Roles.AGENT)
                        .json()
                        .path("owner")
                        .path("owner")
                        .asString("")
                        .equals("zhang.wei"));
        TestApi billing = new TestApi(
                java.net.URI.create("http://localhost:" + port),
                role -> "Bearer " + io.firebreak.platform.test.TestTokens.forDepartments("wu.lei", role, "BILLING"));
        assertThat(billing.post("/api/v1/complaints/" + id + "/shares", Roles.AGENT, "{\"client\":\"client-b\"}")
                        .status())
                .as("staff of another department share nothing")
                .isEqualTo(403);
        assertThat(api.post("/api/v1/complaints/" + id + "/shares", Roles.ADMIN, "{\"client\":\"client-b\"}")
                        .status())
                .as("ADMIN configures, it does no casework")
                .isEqualTo(403);
        assertThat(api.post("/api/v1/complaints/" + id + "/shares", Roles.AGENT, "{\"client\":\"client-b\"}")
                        .status())
                .isEqualTo(200);

        TestApi.Response seen = client("client-b").get("/api/v1/complaints/" + id, Roles.INTEGRATION);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body())
                .doesNotContain("client-a")
                .doesNotContain("SECRET-" + n)
                .doesNotContain("a.example")
                .doesNotContain("zhang.wei")
                .doesNotContain("agent-1")
                .doesNotContain("CRM-S" + n);
        assertThat(seen.json().get("sharedWith").get(0).asString()).isEqualTo("client-b");
        assertThat(seen.json().get("owner").get("primaryDepartment").asString()).isEqualTo("LOGISTICS");
        JsonNode own = client("client-a")
                .get("/api/v1/complaints/" + id, Roles.INTEGRATION)
                .json();
        assertThat(own.get("externalRef").get("id").asString())
                .as("its own ticket")
                .isEqualTo("SECRET-" + n);
        assertThat(own.get("attachments")).as("its own attachment").hasSize(1);
        assertThat(own.get("sharedWith")).as("not who else it is shared with").isEmpty();
    }

    @Test
    void noCaps_aComplaintTakesNoMoreMessagesAttachmentsOrSharesThanItsCapsAndNoAttachmentOnceClosed() {
        String id = api.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"id":"CRM-CAP-%d"},"description":"Router drops every hour"}""".formatted(System.nanoTime()))
                .json()
                .get("id")
                .asString();
        String path = "/api/v1/complaints/" + id;
        String attachment = """
                {"name":"log.txt","mediaType":"text/plain","size":10,"url":"https://t.example/log.txt"}""";
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(path + "/attachments", Roles.INTEGRATION, attachment)
                            .status())
                    .isEqualTo(201);
        }
        TestApi.Response fourth = api.post(path + "/attachments", Roles.INTEGRATION, attachment);
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.isProblem()).isTrue();
        assertThat(fourth.json().get("cap").asInt()).isEqualTo(3);
        for (int i = 0; i < 12; i++) {
            assertThat(api.post(path + "/messages", Roles.INTEGRATION, "{\"text\":\"still down " + i + "\"}")
                            .status())
                    .isEqualTo(201);
        }
        TestApi.Response thirteenth = api.post(path + "/messages", Roles.INTEGRATION, "{\"text\":\"again\"}");
        assertThat(thirteenth.status()).isEqualTo(409);
        assertThat(thirteenth.json().get("detail").asString()).contains("12 messages");
        for (String client : List.of("c-1", "c-2", "c-3")) {
            assertThat(api.post(path + "/shares", Roles.AGENT, "{\"client\":\"" + client + "\"}")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.post(path + "/shares", Roles.AGENT, "{\"client\":\"c-4\"}")
                        .status())
                .isEqualTo(409);
        JsonNode file = api.get(path, Roles.AGENT).json();
        assertThat(file.get("attachments")).hasSize(3);
        assertThat(file.get("messages")).hasSize(12);

        String closed = submit("""
                {"channel":"PHONE","customer":{"id":"CRM-CAP2-%d"},"description":"x"}""".formatted(System.nanoTime()));
        events.publish(new ComplaintClosed(closed, Instant.now(), ClosureOutcome.SATISFIED));
        awaitStatus(closed, "CLOSED");
        TestApi.Response late = api.post("/api/v1/complaints/" + closed + "/attachments", Roles.AGENT, attachment);
        assertThat(late.status()).as("no attachments on a closed complaint").isEqualTo(409);
    }

    @Test
    void aTicketingSystemRecordsAttachmentMetadataOnTheCaseFile() {
        String id = api.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"id":"CRM-ATT-%d"},"description":"Screen cracked on arrival"}""".formatted(System.nanoTime()))
                .json()
                .get("id")
                .asString();
        TestApi.Response added = api.post("/api/v1/complaints/" + id + "/attachments", Roles.INTEGRATION, """
                {"name":"photo.jpg","mediaType":"image/jpeg","size":48213,
                 "checksum":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "url":"https://tickets.example.com/att/991/photo.jpg"}""");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        JsonNode attachment = api.get("/api/v1/complaints/" + id, Roles.INTEGRATION)
                .json()
                .get("attachments")
                .get(0);
        assertThat(attachment.get("name").asString()).isEqualTo("photo.jpg");
        assertThat(attachment.get("size").asLong()).isEqualTo(48213);
        assertThat(attachment.get("url").asString()).isEqualTo("https://tickets.example.com/att/991/photo.jpg");
        assertThat(probe.await(r -> id.equals(r.key()) && "firebreak.attachment.added".equals(type(r)), 1))
                .hasSize(1);

        TestApi.Response bad = api.post("/api/v1/complaints/" + id + "/attachments", Roles.INTEGRATION, """
                {"name":"","mediaType":"jpeg","size":-1,"checksum":"xx","url":"file:///etc/passwd"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "mediaType", "size", "checksum", "url");
    }

    @Test
    void aTicketingSystemForwardsTheCustomersAnswerToTheProposalOfItsOwnComplaintOnly() {
        String id = api.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"id":"CRM-ANS-%d"},"description":"Refund amount is wrong"}""".formatted(System.nanoTime()))
                .json()
                .get("id")
                .asString();
        String path = "/api/v1/complaints/" + id + "/proposal-answer";

        TestApi.Response answered = api.post(path, Roles.INTEGRATION, """
                {"accepted":false,"comment":"The customer wants the full amount"}""");
        assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        ConsumerRecord<String, String> event = probe.await(
                        r -> id.equals(r.key()) && "firebreak.proposal.answered".equals(type(r)), 1)
                .get(0);
        JsonNode payload = JSON.readTree(event.value());
        assertThat(payload.get("accepted").asBoolean()).isFalse();
        assertThat(payload.get("comment").asString()).isEqualTo("The customer wants the full amount");
        assertThat(payload.get("answeredBy").asString()).isEqualTo("integration-1");
        assertThat(api.get("/api/v1/complaints/" + id, Roles.AGENT)
                        .json()
                        .get("timeline")
                        .findValuesAsString("type"))
                .contains("firebreak.proposal.answered");

        assertThat(client("rt-5")
                        .post(path, Roles.INTEGRATION, "{\"accepted\":true}")
                        .status())
                .isEqualTo(404);
        TestApi.Response missing = api.post(path, Roles.INTEGRATION, "{\"comment\":\"?\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("accepted");
    }

    /** Eight identical requests released at once. */
    static List<TestApi.Response> race(java.util.concurrent.Callable<TestApi.Response> call) throws Exception {
        int n = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<TestApi.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<TestApi.Response> answers = new ArrayList<>();
            for (var f : futures) answers.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    TestApi client(String subject) {
        return new TestApi(
                java.net.URI.create("http://localhost:" + port),
                role -> "Bearer "
                        + io.firebreak.platform.security.JwtTokens.mint(
                                io.firebreak.platform.test.TestTokens.SECRET,
                                "firebreak",
                                subject,
                                List.of(role),
                                Duration.ofHours(1)));
    }

    List<String> listIds(String query) {
        return ids(api.get("/api/v1/complaints" + query, Roles.AGENT).json());
    }

    /** The complaint ids of a page of the list, in order. */
    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    static String type(ConsumerRecord<String, String> record) {
        return CloudEvents.header(record.headers(), CloudEvents.TYPE);
    }

    String submit(String json) {
        TestApi.Response response = api.post("/api/v1/complaints", Roles.AGENT, json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    String customerOf(String id) {
        return api.get("/api/v1/complaints/" + id, Roles.AGENT)
                .json()
                .get("customer")
                .get("id")
                .asString();
    }

    String status(String id) {
        return api.get("/api/v1/complaints/" + id, Roles.AGENT)
                .json()
                .get("status")
                .asString();
    }

    int timelineSize(String id) {
        return api.get("/api/v1/complaints/" + id, Roles.AGENT)
                .json()
                .get("timeline")
                .size();
    }

    void awaitStatus(String id, String expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> expected.equals(status(id)));
    }
}

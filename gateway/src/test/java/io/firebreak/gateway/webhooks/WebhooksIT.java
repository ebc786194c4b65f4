package io.firebreak.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.CaseChange;
import io.firebreak.events.CaseState;
import io.firebreak.events.Channel;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.ComplaintShared;
import io.firebreak.events.IntakeEvents.ExternalRef;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.gateway.GatewayApplication;
import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.EmbeddedInfrastructure;
import io.firebreak.platform.test.MovableClock;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TestEvents;
import io.firebreak.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks delivered to a real HTTP receiver started by the test: signed CloudEvents that verify; a receiver that
 * answers 500, times out, refuses connections or is slow; the breaker opening and closing; retries that end in
 * delivery, in order, with no duplicate once the receiver de-duplicates by delivery id; a subscription failing too
 * long disabled with an alert for ADMIN; the delivery log and redelivery; the API's checks and ownership.
 * Back-off, timeouts and the breaker's open time are milliseconds here; the clock can be moved on.
 */
@SpringBootTest(
        classes = GatewayApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "firebreak.gateway.webhooks.poll-interval=50ms",
            "firebreak.gateway.webhooks.senders=8",
            "firebreak.gateway.webhooks.max-in-flight-per-subscription=2",
            "firebreak.gateway.webhooks.connect-timeout=500ms",
            "firebreak.gateway.webhooks.request-timeout=700ms",
            "firebreak.gateway.webhooks.lease=3s",
            "firebreak.gateway.webhooks.backoff.initial=50ms",
            "firebreak.gateway.webhooks.backoff.multiplier=2.0",
            "firebreak.gateway.webhooks.backoff.max=300ms",
            "firebreak.gateway.webhooks.backoff.jitter=0.2",
            "firebreak.gateway.webhooks.circuit-breaker.minimum-calls=3",
            "firebreak.gateway.webhooks.circuit-breaker.sliding-window=4",
            "firebreak.gateway.webhooks.circuit-breaker.open-for=1s",
            "firebreak.gateway.webhooks.disable-after=24h",
            // The receivers listen on this machine, over plain http.
            "firebreak.gateway.webhooks.allow-http=true",
            "firebreak.gateway.webhooks.allow-private-targets=true"
        })
@Import(WebhooksIT.MovedClock.class)
@DirtiesContext
class WebhooksIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CLIENT = "integration-1";
    static final TestEvents EVENTS =
            new TestEvents(EmbeddedInfrastructure.shared().kafkaBootstrapServers());
    static final MovableClock CLOCK = new MovableClock();

    /** The real clock, moved on by the tests. */
    @TestConfiguration
    static class MovedClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry, "gateway");
    }

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    @LocalServerPort
    int port;

    TestApi api;
    final List<WebhookReceiver> receivers = new ArrayList<>();
    final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void connect() {
        api = new TestApi(port);
        CLOCK.set(Duration.ZERO);
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> delete("/api/v1/webhooks/" + id, Roles.ADMIN));
        receivers.forEach(WebhookReceiver::close);
        CLOCK.set(Duration.ZERO);
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.mongodb.client.MongoDatabase database;

    @org.springframework.beans.factory.annotation.Autowired
    WebhookStore store;

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void theActiveSubscriptionsAreReadAtMostOnceASecondAndAChangeMadeHereIsSeenAtOnce() {
        // Made here: seen by the next batch at once, whatever was read a moment ago.
        store.active();
        String id = subscribe(receiver("s3cr3t-active"), "s3cr3t-active", "complaint.received");
        assertThat(store.active()).extracting(Subscription::id).contains(id);

        // Asked for by batch after batch: read from the store at most once a second.
        double before = subscriptionReads();
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++)
            assertThat(store.active()).extracting(Subscription::id).contains(id);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(subscriptionReads() - before).isLessThanOrEqualTo(Math.ceil(seconds) + 1);

        // Changed by another gateway instance (straight in the shared database): seen within the second.
        database.getCollection("webhook_subscriptions")
                .updateOne(
                        com.mongodb.client.model.Filters.eq("_id", id),
                        com.mongodb.client.model.Updates.set("status", Subscription.Status.DISABLED.name()));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.active().stream().noneMatch(s -> s.id().equals(id)));
    }

    private double subscriptionReads() {
        return meters
                .find("mongodb.driver.commands")
                .tag("collection", "webhook_subscriptions")
                .tag("command", "find")
                .timers()
                .stream()
                .mapToDouble(io.micrometer.core.instrument.Timer::count)
                .sum();
    }

    @Test
    void secretsAtRest_aSubscriptionsSecretIsStoredEncryptedAndStillSigns() {
        WebhookReceiver receiver = receiver("secret-kept-encrypted");
        String subscription = subscribe(receiver, "secret-kept-encrypted", "firebreak.complaint.*");
        org.bson.Document stored = database.getCollection("webhook_subscriptions")
                .find(new org.bson.Document("_id", subscription))
                .first();
        String plain = WebhookReceiver.secret("secret-kept-encrypted");
        assertThat(stored.getString("secret")).startsWith("enc:v1:").doesNotContain(plain.substring(6));
        assertThat(stored.toJson()).doesNotContain(plain.substring(6));
        String complaint = complaint();
        EVENTS.publish(received(complaint, CLIENT));
        await().atMost(WAIT).until(() -> !receiver.processed().isEmpty());
        assertThat(receiver.processed().get(0).verified()).isTrue();
    }

    @org.springframework.beans.factory.annotation.Autowired
    WebhookDispatcher dispatcher;

    @Test
    void erasure_receiversHearOfItAndTheBodiesKeptHereNoLongerHoldTheCustomersData() {
        WebhookReceiver receiver = receiver("secret-for-the-erasure-test");
        subscribe(receiver, "secret-for-the-erasure-test", "*");
        String complaint = complaint();
        EVENTS.publish(received(complaint, CLIENT));
        await().atMost(WAIT).until(() -> receiver.processed().size() == 1);
        assertThat(receiver.processed().get(0).body()).contains("T-" + complaint);

        EVENTS.publish(new io.firebreak.events.IntakeEvents.PersonalDataErased(complaint, Instant.now(), "dpo-1"));
        await().atMost(WAIT).until(() -> receiver.processed().size() == 2);
        assertThat(receiver.processed().get(1).event("type")).isEqualTo("firebreak.personaldata.erased");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(database.getCollection("webhook_deliveries")
                                .find(new org.bson.Document("complaintId", complaint))
                                .map(d -> d.getString("body"))
                                .into(new ArrayList<>()))
                        .hasSize(2)
                        .noneMatch(body -> body.contains("T-" + complaint)));

        // Delivered deliveries and their attempts are forgotten after the retention (30 days).
        CLOCK.set(Duration.ofDays(31));
        dispatcher.expireOld();
        await().atMost(WAIT)
                .until(() -> database.getCollection("webhook_deliveries")
                                .countDocuments(new org.bson.Document("complaintId", complaint))
                        == 0);
    }

    @Test
    void secretRotation_theOldSecretStillVerifiesDuringTheOverlapBesideTheNewOne() {
        WebhookReceiver old = receiver("secret-before-the-rotation");
        String subscription = subscribe(old, "secret-before-the-rotation", "firebreak.complaint.*");
        TestApi.Response rotated =
                client(CLIENT).post("/api/v1/webhooks/" + subscription + "/rotate-secret", Roles.INTEGRATION, "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String fresh = rotated.json().path("secret").asString();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(WebhookReceiver.secret("secret-before-the-rotation"));
        assertThat(java.time.Duration.between(
                        CLOCK.instant(),
                        Instant.parse(
                                rotated.json().path("previousSecretValidUntil").asString())))
                .isBetween(java.time.Duration.ofHours(23), java.time.Duration.ofHours(24));
        assertThat(client("someone-else")
                        .post("/api/v1/webhooks/" + subscription + "/rotate-secret", Roles.INTEGRATION, "")
                        .status())
                .as("not the owner's")
                .isEqualTo(404);

        String complaint = complaint();
        EVENTS.publish(received(complaint, CLIENT));
        await().atMost(WAIT).until(() -> !old.processed().isEmpty());
        WebhookReceiver.Hit hit = old.processed().get(0);
        assertThat(hit.verified()).as("the old secret still verifies").isTrue();
        assertThat(hit.header("webhook-signature").split(" "))
                .as("signed with both")
                .hasSize(2);
        assertThat(WebhookReceiver.verifies(fresh, hit))
                .as("and so does the new one")
                .isTrue();
        assertThat(WebhookReceiver.verifies(WebhookReceiver.secret("someone's guess"), hit))
                .isFalse();
    }

    @Test
    void aDeliveryIsASignedCloudEventWithADeliveryIdThatTheReceiverVerifies() {
        WebhookReceiver receiver = receiver("s3cret-for-the-signature-test");
        String subscription = subscribe(receiver, "s3cret-for-the-signature-test", "firebreak.complaint.*");
        String complaint = complaint();
        String eventId = UUID.randomUUID().toString();
        ComplaintReceived received = received(complaint, CLIENT);
        EVENTS.publish(received, eventId);
        // Not wanted: another type, and another client's complaint.
        EVENTS.publish(message(complaint, "not a complaint.* type"));
        String others = complaint();
        EVENTS.publish(received(others, "someone-else"));
        String marker = complaint();
        EVENTS.publish(received(marker, CLIENT));

        await().atMost(WAIT).until(() -> receiver.processed().size() >= 2);
        List<WebhookReceiver.Hit> hits = receiver.processed();
        // Each complaint's events in order; two complaints' (keys of their own, perhaps partitions of their own) in
        // either.
        assertThat(hits).extracting(h -> h.event("subject")).containsExactlyInAnyOrder(complaint, marker);
        WebhookReceiver.Hit hit = hits.stream()
                .filter(h -> complaint.equals(h.event("subject")))
                .findFirst()
                .orElseThrow();
        assertThat(hit.verified()).isTrue();
        assertThat(hit.event("specversion")).isEqualTo("1.0");
        assertThat(hit.event("id")).isEqualTo(eventId);
        assertThat(hit.event("type")).isEqualTo("firebreak.complaint.received");
        assertThat(hit.event("source")).isEqualTo("/firebreak/test");
        assertThat(hit.event("time")).isNotBlank();
        assertThat(hit.header("content-type")).startsWith("application/cloudevents+json");
        assertThat(hit.header("webhook-id")).isNotBlank();
        assertThat(hit.header("webhook-timestamp")).matches("\\d+");
        assertThat(hit.header("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=");
        JsonNode body = JSON.readTree(hit.body()).path("data");
        assertThat(body.path("complaintId").asString()).isEqualTo(complaint);
        assertThat(body.path("externalRef").path("id").asString()).isEqualTo("T-" + complaint);

        JsonNode log = deliveries(subscription);
        assertThat(log).hasSize(2);
        JsonNode first = null;
        for (JsonNode delivery : log) {
            if (delivery.path("id").asString().equals(hit.header("webhook-id"))) first = delivery;
        }
        assertThat(first).as("the delivery of %s in the log", complaint).isNotNull();
        assertThat(first.path("state").asString()).isEqualTo("DELIVERED");
        assertThat(first.path("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(first.path("attemptLog")).hasSize(1);
        assertThat(first.path("attemptLog").get(0).path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aSharedComplaintsEventsGoToTheClientItWasSharedWith() {
        WebhookReceiver receiver = receiver("secret-of-the-other-system");
        String subscription = subscribe(receiver, "secret-of-the-other-system", "*", "zendesk-9");
        String complaint = complaint();
        EVENTS.publish(received(complaint, CLIENT));
        EVENTS.publish(message(complaint, "before the share: not theirs"));
        EVENTS.publish(new ComplaintShared(complaint, Instant.now(), "zendesk-9", "agent-1"));
        EVENTS.publish(message(complaint, "after the share"));

        await().atMost(WAIT).until(() -> receiver.processed().size() >= 2);
        assertThat(receiver.processed())
                .extracting(h -> h.event("type"))
                .containsExactly("firebreak.complaint.shared", "firebreak.message.added");
        assertThat(deliveries(subscription, "zendesk-9")).hasSize(2);
    }

    @Test
    void aNoteForTheStaffGoesToNoClientsOwnSubscriptionButAMessageToTheCustomerDoes() {
        WebhookReceiver receiver = receiver("secret-for-the-notes-test");
        String subscription = subscribe(receiver, "secret-for-the-notes-test", "firebreak.case.*");
        String complaint = complaint();
        EVENTS.publish(received(complaint, CLIENT));
        EVENTS.publish(caseUpdate(complaint, CaseChange.INTERNAL_NOTE, "The customer sounds like a serial refunder"));
        EVENTS.publish(caseUpdate(complaint, CaseChange.CUSTOMER_MESSAGE, "A technician will call you today"));

        await().atMost(WAIT).until(() -> receiver.processed().size() >= 1);
        assertThat(deliveries(subscription)).hasSize(1);
        assertThat(receiver.processed()).singleElement().satisfies(h -> {
            assertThat(h.event("type")).isEqualTo("firebreak.case.updated");
            assertThat(h.body()).contains("A technician will call you today").doesNotContain("serial refunder");
        });
    }

    @Test
    void aReceiverAnswering500GetsRetriesWithBackOffAndThenEverythingInOrderOnce() {
        WebhookReceiver receiver = receiver("secret-for-the-500-test");
        receiver.answer(WebhookReceiver.Mode.FAIL);
        String subscription = subscribe(receiver, "secret-for-the-500-test", "*");
        String complaint = complaint();
        List<String> ids = new ArrayList<>();
        ids.add(EVENTS.publish(received(complaint, CLIENT)));
        for (int i = 1; i <= 4; i++) ids.add(EVENTS.publish(message(complaint, "message " + i)));

        await().atMost(WAIT).until(() -> receiver.hits().size() >= 3);
        // Order per complaint: while the first is failing, none after it was tried.
        assertThat(receiver.hits()).extracting(h -> h.event("id")).containsOnly(ids.get(0));
        receiver.answer(WebhookReceiver.Mode.OK);

        await().atMost(WAIT).until(() -> receiver.processed().size() >= 5);
        assertThat(receiver.processed()).extracting(h -> h.event("id")).containsExactlyElementsOf(ids);
        JsonNode first = deliveries(subscription).get(4);
        assertThat(first.path("state").asString()).isEqualTo("DELIVERED");
        assertThat(first.path("attempts").asInt()).isGreaterThanOrEqualTo(4);
        JsonNode attempts = first.path("attemptLog");
        assertThat(attempts.get(0).path("statusCode").asInt()).isEqualTo(500);
        assertThat(attempts.get(0).path("error").asString()).isEqualTo("HTTP 500");
        assertThat(attempts.get(attempts.size() - 1).path("statusCode").asInt()).isEqualTo(200);
        // Back-off: the waits between attempts grow.
        List<Instant> at = new ArrayList<>();
        attempts.forEach(a -> at.add(Instant.parse(a.path("at").asString())));
        assertThat(Duration.between(at.get(0), at.get(1)).toMillis()).isGreaterThanOrEqualTo(35);
        assertThat(Duration.between(at.get(1), at.get(2)).toMillis()).isGreaterThanOrEqualTo(75);
    }

    @Test
    void aReceiverThatTimesOutIsRetriedAndItsDuplicatesAreCaughtByTheDeliveryId() {
        WebhookReceiver receiver = receiver("secret-for-the-timeout-test");
        receiver.answer(WebhookReceiver.Mode.SLOW, Duration.ofMillis(1500));
        String subscription = subscribe(receiver, "secret-for-the-timeout-test", "*");
        String complaint = complaint();
        List<String> ids = new ArrayList<>();
        ids.add(EVENTS.publish(received(complaint, CLIENT)));
        ids.add(EVENTS.publish(message(complaint, "second")));

        await().atMost(WAIT).until(() -> receiver.hits().size() >= 2);
        receiver.answer(WebhookReceiver.Mode.OK);
        await().atMost(WAIT)
                .until(() -> deliveries(subscription).findValuesAsString("state").stream()
                                .allMatch("DELIVERED"::equals)
                        && deliveries(subscription).size() == 2);

        assertThat(receiver.processed()).extracting(h -> h.event("id")).containsExactlyElementsOf(ids);
        assertThat(receiver.duplicates())
                .as("sent again after a timeout, caught by the delivery id")
                .isPositive();
        JsonNode first = deliveries(subscription).get(1);
        assertThat(first.path("attemptLog").get(0).path("error").asString()).isEqualTo("no answer from the receiver");
    }

    @Test
    void aReceiverRefusingConnectionsGetsItsDeliveriesOnceItIsBack() {
        WebhookReceiver receiver = receiver("secret-for-the-refused-test");
        String subscription = subscribe(receiver, "secret-for-the-refused-test", "*");
        receiver.stop();
        String complaint = complaint();
        List<String> ids = new ArrayList<>();
        ids.add(EVENTS.publish(received(complaint, CLIENT)));
        ids.add(EVENTS.publish(message(complaint, "second")));
        ids.add(EVENTS.publish(message(complaint, "third")));

        await().atMost(WAIT).until(() -> {
            JsonNode log = deliveries(subscription);
            return log.size() == 3 && log.get(2).path("attempts").asInt() >= 2;
        });
        JsonNode failing = deliveries(subscription).get(2);
        assertThat(failing.path("state").asString()).isEqualTo("PENDING");
        assertThat(failing.path("lastError").asString())
                .as("no more than that")
                .isEqualTo("no answer from the receiver");
        assertThat(failing.path("lastStatusCode").isMissingNode()
                        || failing.path("lastStatusCode").isNull())
                .isTrue();
        assertThat(get("/api/v1/webhooks/" + subscription).path("failingSince").isNull())
                .isFalse();

        receiver.restart();
        await().atMost(WAIT).until(() -> receiver.processed().size() >= 3);
        assertThat(receiver.processed()).extracting(h -> h.event("id")).containsExactlyElementsOf(ids);
        assertThat(receiver.duplicates()).isZero();
        await().atMost(WAIT)
                .until(() -> get("/api/v1/webhooks/" + subscription)
                        .path("failingSince")
                        .isNull());
    }

    @Test
    void aSlowOrDeadReceiverSlowsNoOtherSubscription() {
        WebhookReceiver slow = receiver("secret-of-the-slow-receiver");
        slow.answer(WebhookReceiver.Mode.SLOW, Duration.ofMillis(500));
        WebhookReceiver dead = receiver("secret-of-the-dead-receiver");
        WebhookReceiver fast = receiver("secret-of-the-fast-receiver");
        subscribe(slow, "secret-of-the-slow-receiver", "*");
        subscribe(dead, "secret-of-the-dead-receiver", "*");
        dead.stop();
        subscribe(fast, "secret-of-the-fast-receiver", "*");
        int complaints = 16;
        for (int i = 0; i < complaints; i++) EVENTS.publish(received(complaint(), CLIENT));

        await().atMost(WAIT).until(() -> fast.processed().size() >= complaints);
        // Two senders at most work for the slow one (0.5 s each): it is far from done when the fast one is.
        assertThat(slow.processed().size()).isLessThan(complaints);
        await().atMost(WAIT).until(() -> slow.processed().size() >= complaints);
    }

    @Test
    void theBreakerOpensOnAFailingReceiverAndClosesWhenItRecovers() {
        WebhookReceiver receiver = receiver("secret-for-the-breaker-test");
        receiver.answer(WebhookReceiver.Mode.FAIL);
        String subscription = subscribe(receiver, "secret-for-the-breaker-test", "*");
        int complaints = 6;
        for (int i = 0; i < complaints; i++) EVENTS.publish(received(complaint(), CLIENT));

        await().atMost(WAIT).until(() -> "OPEN".equals(breaker(subscription)));
        // While open, the receiver is left alone (the open time is 1 s; a trial call may follow after it).
        int hitsWhenOpened = receiver.hits().size();
        await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(receiver.hits().size())
                .as("at most the calls already on their way")
                .isLessThanOrEqualTo(hitsWhenOpened + 2);

        receiver.answer(WebhookReceiver.Mode.OK);
        await().atMost(WAIT).until(() -> "CLOSED".equals(breaker(subscription)));
        await().atMost(WAIT).until(() -> receiver.processed().size() >= complaints);
        assertThat(receiver.duplicates()).isZero();
    }

    @Test
    void aSubscriptionFailingLongerThanTheLimitIsDisabledAlertsAdminAndDeliversWhenEnabledAgain() {
        WebhookReceiver receiver = receiver("secret-for-the-disable-test");
        String subscription = subscribe(receiver, "secret-for-the-disable-test", "*");
        receiver.stop();
        String complaint = complaint();
        List<String> ids = new ArrayList<>();
        ids.add(EVENTS.publish(received(complaint, CLIENT)));
        await().atMost(WAIT)
                .until(() -> deliveries(subscription).path(0).path("attempts").asInt() >= 1);

        CLOCK.set(Duration.ofHours(25));
        await().atMost(WAIT)
                .until(() -> "DISABLED"
                        .equals(get("/api/v1/webhooks/" + subscription)
                                .path("status")
                                .asString()));
        JsonNode disabled = get("/api/v1/webhooks/" + subscription);
        assertThat(disabled.path("disabledReason").asString()).startsWith("Every delivery failed since");
        JsonNode alerts = JSON.readTree(api.get("/api/v1/alerts?kind=WEBHOOK_DISABLED", Roles.ADMIN)
                        .body())
                .path("items");
        assertThat(alerts)
                .anySatisfy(a -> assertThat(a.path("summary").asString()).contains(subscription));
        assertThat(deliveries(subscription).get(0).path("state").asString()).isEqualTo("HELD");

        CLOCK.set(Duration.ZERO);
        receiver.restart();
        TestApi.Response enabled =
                api.put("/api/v1/webhooks/" + subscription, Roles.INTEGRATION, """
                {"url":"%s","eventTypes":["*"],"active":true}""".formatted(receiver.url()));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().path("status").asString()).isEqualTo("ACTIVE");
        await().atMost(WAIT).until(() -> receiver.processed().size() >= 1);
        assertThat(receiver.processed()).extracting(h -> h.event("id")).containsExactly(ids.get(0));
    }

    @Test
    void aDeliveryCanBeSentAgainWithTheSameDeliveryId() {
        WebhookReceiver receiver = receiver("secret-for-the-redelivery-test");
        String subscription = subscribe(receiver, "secret-for-the-redelivery-test", "*");
        EVENTS.publish(received(complaint(), CLIENT));
        await().atMost(WAIT).until(() -> receiver.hits().size() >= 1);
        String delivery = deliveries(subscription).get(0).path("id").asString();

        TestApi.Response again = api.post(
                "/api/v1/webhooks/" + subscription + "/deliveries/" + delivery + "/redeliver", Roles.INTEGRATION, "{}");
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> receiver.hits().size() >= 2);
        assertThat(receiver.hits()).extracting(WebhookReceiver.Hit::deliveryId).containsExactly(delivery, delivery);
        assertThat(receiver.duplicates()).isEqualTo(1);
        await().atMost(WAIT)
                .until(() -> deliveries(subscription).get(0).path("attemptLog").size() == 2);
        assertThat(api.post("/api/v1/webhooks/" + subscription + "/deliveries/nope/redeliver", Roles.INTEGRATION, "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void subscriptionsAreCheckedOwnedAndTheirSecretIsNeverShownAgain() {
        TestApi.Response bad = api.post("/api/v1/webhooks", Roles.INTEGRATION, """
                {"url":"ftp://example.com/x","eventTypes":["Firebreak Case"],"filters":{"classes":["HUGE"],
                 "departments":["a b"]},"secret":"short"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("url", "eventTypes", "filters.classes", "filters.departments", "secret");
        assertThat(api.post("/api/v1/webhooks", Roles.INTEGRATION, "{\"url\":\"/relative\",\"eventTypes\":[\"*\"]}")
                        .json()
                        .path("errors")
                        .findValuesAsString("field"))
                .containsExactly("url");
        TestApi.Response manyStars = api.post(
                "/api/v1/webhooks",
                Roles.INTEGRATION,
                "{\"url\":\"https://tickets.example.com/hooks\",\"eventTypes\":[\"**********x\"]}");
        assertThat(manyStars.status())
                .as("a glob of many stars (a backtracking bomb)")
                .isEqualTo(400);
        assertThat(manyStars.json().path("errors").findValuesAsString("field")).containsExactly("eventTypes");
        assertThat(api.post("/api/v1/webhooks", Roles.AGENT, "{}").status()).isEqualTo(403);

        TestApi.Response created = api.post("/api/v1/webhooks", Roles.INTEGRATION, """
                {"url":"https://tickets.example.com/hooks","eventTypes":["firebreak.case.*"],
                 "filters":{"classes":["major"],"departments":["BILLING"]}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        subscriptions.add(id);
        assertThat(created.json().path("secret").asString()).startsWith("whsec_");
        assertThat(created.json().path("owner").asString()).isEqualTo(CLIENT);
        assertThat(created.json().path("filters").path("classes").get(0).asString())
                .isEqualTo("MAJOR");

        JsonNode read = get("/api/v1/webhooks/" + id);
        assertThat(read.path("secret").isNull() || read.path("secret").isMissingNode())
                .isTrue();
        assertThat(api.get("/api/v1/webhooks", Roles.INTEGRATION).body())
                .contains(id)
                .doesNotContain("whsec_");
        TestApi other = client("servicenow-7");
        assertThat(other.get("/api/v1/webhooks/" + id, Roles.INTEGRATION).status())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/webhooks", Roles.INTEGRATION).body()).doesNotContain(id);
        assertThat(other.get("/api/v1/webhooks/" + id + "/deliveries", Roles.INTEGRATION)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/webhooks/" + id, Roles.ADMIN).status()).isEqualTo(200);
        assertThat(delete("/api/v1/webhooks/" + id, Roles.INTEGRATION)).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + id, Roles.INTEGRATION).status())
                .isEqualTo(404);
    }

    // ---- helpers

    /** A receiver whose secret is derived from {@code secret} ({@link WebhookReceiver#secret}). */
    WebhookReceiver receiver(String secret) {
        WebhookReceiver receiver = WebhookReceiver.start(WebhookReceiver.secret(secret));
        receivers.add(receiver);
        return receiver;
    }

    String subscribe(WebhookReceiver receiver, String secret, String type) {
        return subscribe(receiver, secret, type, CLIENT);
    }

    String subscribe(WebhookReceiver receiver, String secret, String type, String client) {
        TestApi.Response response = client(client).post("/api/v1/webhooks", Roles.INTEGRATION, """
                {"url":"%s","eventTypes":["%s"],"secret":"%s"}""".formatted(
                        receiver.url(), type, WebhookReceiver.secret(secret)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().path("id").asString();
        subscriptions.add(id);
        return id;
    }

    JsonNode deliveries(String subscription) {
        return deliveries(subscription, CLIENT);
    }

    JsonNode deliveries(String subscription, String client) {
        TestApi.Response response =
                client(client).get("/api/v1/webhooks/" + subscription + "/deliveries", Roles.INTEGRATION);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items");
    }

    JsonNode get(String path) {
        return api.get(path, Roles.INTEGRATION).json();
    }

    String breaker(String subscription) {
        return get("/api/v1/webhooks/" + subscription).path("circuitBreaker").asString();
    }

    int delete(String path, String role) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", TestTokens.bearer(role))
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    TestApi client(String subject) {
        return new TestApi(
                URI.create("http://localhost:" + port),
                role -> "Bearer "
                        + JwtTokens.mint(TestTokens.SECRET, "firebreak", subject, List.of(role), Duration.ofHours(1)));
    }

    static String complaint() {
        return "C-WH-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ComplaintReceived received(String complaint, String client) {
        return new ComplaintReceived(
                complaint,
                Instant.now(),
                Channel.EMAIL,
                "CUS-" + complaint,
                "1**@e.com",
                "The parcel never came",
                null,
                null,
                null,
                EmotionLevel.UPSET,
                List.of("upset"),
                CustomerStage.COMPLAINT,
                null,
                List.of(),
                client,
                new ExternalRef("jira", "T-" + complaint));
    }

    static FirebreakEvent caseUpdate(String complaint, CaseChange change, String text) {
        return new CaseUpdated(
                complaint,
                Instant.now(),
                change,
                "agent-1",
                text,
                CaseState.INVESTIGATING,
                "agent-1",
                "BILLING",
                null,
                Instant.now().plusSeconds(86_400));
    }

    static FirebreakEvent message(String complaint, String text) {
        return new MessageAdded(
                complaint,
                Instant.now(),
                Channel.EMAIL,
                text,
                false,
                EmotionLevel.CALM,
                List.of(),
                CustomerStage.COMPLAINT);
    }
}

package io.firebreak.platform.ledger;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EventType;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.events.Topics;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.kafka.EventListeners;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.OutboxRelay;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestEvents;
import io.firebreak.platform.test.TestTokens;
import io.firebreak.platform.test.TopicProbe;
import io.firebreak.platform.web.Correlation;
import io.firebreak.platform.web.ProblemHandling;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's guarantees (the README lists them under The repository), each proved against a small service built
 * on it. Subclasses point it at embedded infrastructure or at real Kafka and MongoDB containers.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ledger")
abstract class PlatformContract {

    private static final String DATABASE =
            "ledger-" + UUID.randomUUID().toString().substring(0, 8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("firebreak.mongo.database", () -> DATABASE);
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    AggregateStore<Ledger> ledgers;

    @Autowired
    LedgerFaults faults;

    @Autowired
    PlatformProperties properties;

    @Autowired
    ApplicationContext context;

    TestEvents records;

    @BeforeEach
    void openProducer() {
        records = new TestEvents(bootstrapServers);
    }

    @AfterEach
    void closeProducer() {
        records.close();
        faults.heal();
    }

    // --- 1. Outbox: one write, then the event on its topic as a CloudEvent, then an empty outbox ---

    @Test
    void aWriteStoresTheStateAndPublishesItsEventAsACloudEventThenEmptiesTheOutbox() {
        try (TopicProbe intake = new TopicProbe(bootstrapServers, Topics.INTAKE)) {
            HttpResponse<String> created = call(
                    "POST", "/ledgers", "{\"owner\":\"ada\",\"channel\":\"EMAIL\"}", TestTokens.bearer(Roles.AGENT));
            assertThat(created.statusCode()).isEqualTo(201);
            String id = json(created).get("id").asString();
            assertThat(created.headers().firstValue("Location")).contains("/ledgers/" + id);

            Ledger stored = ledgers.find(id).orElseThrow().value();
            assertThat(stored.owner()).isEqualTo("ada");
            assertThat(stored.channel()).isEqualTo(Channel.EMAIL);
            assertThat(stored.status()).isEqualTo(Ledger.Status.OPEN);
            assertThat(stored.note()).isNull();
            assertThat(stored.entries()).isEmpty();

            ConsumerRecord<String, String> event =
                    intake.await(r -> id.equals(r.key()), 1).get(0);
            assertThat(event.topic()).isEqualTo(Topics.INTAKE);
            assertCloudEvent(event, EventType.COMPLAINT_RECEIVED, id);
            JsonNode payload = JSON.readTree(event.value());
            assertThat(payload.get("complaintId").asString()).isEqualTo(id);
            assertThat(payload.get("channel").asString()).isEqualTo("EMAIL");
            assertThat(Instant.parse(payload.get("occurredAt").asString())).isBeforeOrEqualTo(Instant.now());

            awaitOutboxEmpty(id);
        }
    }

    @Test
    void anUpdateThroughTheStorePublishesEveryEventItCausesInOrderAndEmptiesTheOutbox() {
        String id = newLedger("grace");
        try (TopicProbe intake = new TopicProbe(bootstrapServers, Topics.INTAKE)) {
            Optional<Versioned<Ledger>> after = ledgers.update(
                    id,
                    current -> Change.of(
                            current.value().with(new Ledger.Entry("u-1", 5, Instant.now(), List.of("a", "b"), "memo")),
                            new MessageAdded(id, Instant.now(), Channel.CHAT, "first", false, null, List.of()),
                            new MessageAdded(id, Instant.now(), Channel.CHAT, "second", true, null, List.of())));
            assertThat(after).isPresent();
            assertThat(after.get().version()).isEqualTo(1);

            List<ConsumerRecord<String, String>> events = intake.await(r -> id.equals(r.key()), 2);
            assertThat(events).hasSize(2);
            events.forEach(e -> assertCloudEvent(e, EventType.MESSAGE_ADDED, id));
            assertThat(events)
                    .extracting(e -> JSON.readTree(e.value()).get("text").asString())
                    .containsExactly("first", "second");
            awaitOutboxEmpty(id);

            // The store keeps times to the millisecond (BSON dates); everything else comes back as written.
            Ledger.Entry written = after.get().value().entries().get(0);
            assertThat(ledgers.find(id).orElseThrow().value().entries())
                    .containsExactly(new Ledger.Entry(
                            written.ref(),
                            written.amount(),
                            written.at().truncatedTo(ChronoUnit.MILLIS),
                            written.tags(),
                            written.memo()));
        }
    }

    @Test
    void manyWritesAtOnceArePublishedTogetherEachAggregatesEventsInOrderAndEveryOutboxEmptied() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) ids.add(newLedger("many-" + i));
        try (TopicProbe intake = new TopicProbe(bootstrapServers, Topics.INTAKE)) {
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<CompletableFuture<?>> writes = new ArrayList<>();
                for (String id : ids) {
                    // Each aggregate's writes in order on one thread; the aggregates side by side on four.
                    writes.add(CompletableFuture.runAsync(
                            () -> {
                                for (String text : List.of("one", "two", "three")) {
                                    ledgers.update(
                                            id,
                                            current -> Change.of(
                                                    current.value(),
                                                    new MessageAdded(
                                                            id,
                                                            Instant.now(),
                                                            Channel.CHAT,
                                                            text,
                                                            false,
                                                            null,
                                                            List.of())));
                                }
                            },
                            writers));
                }
                CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                        .get(30, TimeUnit.SECONDS);
            } finally {
                writers.shutdownNow();
            }
            List<ConsumerRecord<String, String>> events = intake.await(
                    r -> ids.contains(r.key())
                            && EventType.MESSAGE_ADDED.wireName().equals(header(r, CloudEvents.TYPE)),
                    60);
            for (String id : ids) {
                assertThat(events.stream()
                                .filter(e -> id.equals(e.key()))
                                .map(e -> JSON.readTree(e.value()).get("text").asString()))
                        .as("the events of %s", id)
                        .containsExactly("one", "two", "three");
                awaitOutboxEmpty(id);
            }
        }
    }

    // --- 2. A crash between write and publish only delays the events ---

    @Test
    void eventsLeftInTheOutboxByACrashArePublishedByTheTimedSweep() {
        String id = newLedger("linus");
        String eventId = UUID.randomUUID().toString();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The document as a process that died right after its write left it: state and a pending event (its payload as
        // text, as outboxes kept it before payloads were kept as bytes: such an entry is published all the same).
        Document pending = new Document("id", eventId)
                .append("topic", Topics.INTAKE)
                .append("type", EventType.MESSAGE_ADDED.wireName())
                .append("subject", id)
                .append("time", Date.from(occurredAt))
                .append(
                        "payload",
                        "{\"complaintId\":\"" + id + "\",\"occurredAt\":\"" + occurredAt
                                + "\",\"channel\":\"PHONE\",\"text\":\"left behind\",\"mergedDuplicate\":false}")
                .append("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .append("correlationId", "crashed-request");
        ledgers.collection()
                .updateOne(eq("_id", id), Updates.combine(Updates.push("outbox", pending), Updates.set("version", 1L)));

        try (TopicProbe intake = new TopicProbe(bootstrapServers, Topics.INTAKE)) {
            ConsumerRecord<String, String> event = intake.await(r -> eventId.equals(header(r, CloudEvents.ID)), 1)
                    .get(0);
            assertCloudEvent(event, EventType.MESSAGE_ADDED, id);
            assertThat(header(event, CloudEvents.TIME)).isEqualTo(occurredAt.toString());
            assertThat(header(event, CloudEvents.CORRELATION_ID)).isEqualTo("crashed-request");
            assertThat(JSON.readTree(event.value()).get("text").asString()).isEqualTo("left behind");
            awaitOutboxEmpty(id);
        }
        assertThat(ledgers.find(id).orElseThrow().value().owner()).isEqualTo("linus");
    }

    // --- 3. Optimistic concurrency: no lost update ---

    @Test
    void twoConcurrentUpdatesOfOneAggregateBothLandAndTheVersionRises() throws Exception {
        String id = newLedger("edsger");
        long before = ledgers.find(id).orElseThrow().version();
        // Both writers read the same version before either writes, so one of them must lose the compare-and-set.
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        AtomicInteger decisions = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Optional<Versioned<Ledger>>>> writers = new ArrayList<>();
            for (String ref : List.of("left", "right")) {
                AtomicBoolean first = new AtomicBoolean(true);
                writers.add(CompletableFuture.supplyAsync(
                        () -> ledgers.update(id, current -> {
                            decisions.incrementAndGet();
                            if (first.getAndSet(false)) {
                                try {
                                    bothHaveRead.await(10, TimeUnit.SECONDS);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                            return Change.of(
                                    current.value().with(new Ledger.Entry(ref, 1, Instant.now(), List.of(), null)));
                        }),
                        threads));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        Versioned<Ledger> after = ledgers.find(id).orElseThrow();
        assertThat(after.value().refs()).containsExactlyInAnyOrder("left", "right");
        assertThat(after.version()).isEqualTo(before + 2);
        assertThat(decisions)
                .as("the loser of the compare-and-set read again and decided again")
                .hasValue(3);
    }

    @Test
    void anUpdateFromTheCallersOwnReadingWritesWithoutReadingAndReadsAgainWhenItIsStale() {
        String id = UUID.randomUUID().toString();
        Versioned<Ledger> created = ledgers.create(
                        id, Ledger.open("ida", Channel.PHONE, Instant.now(), "note"), List.of(), null)
                .orElseThrow();
        assertThat(created)
                .as("what create returns is what is stored")
                .isEqualTo(ledgers.find(id).orElseThrow());
        Versioned<Ledger> first = ledgers.update(
                        created,
                        current -> Change.of(
                                current.value().with(new Ledger.Entry("first", 1, Instant.now(), List.of(), null))))
                .orElseThrow();
        assertThat(first.version()).isEqualTo(created.version() + 1);

        // `created` is stale now: the compare-and-set on it fails, the ledger is read again, nothing is lost.
        Versioned<Ledger> second = ledgers.update(
                        created,
                        current -> Change.of(
                                current.value().with(new Ledger.Entry("second", 1, Instant.now(), List.of(), null))))
                .orElseThrow();
        assertThat(second.value().refs()).containsExactly("first", "second");
        assertThat(ledgers.find(id).orElseThrow().value().refs()).containsExactly("first", "second");
        assertThat(ledgers.create(id, Ledger.open("ida", Channel.PHONE, Instant.now(), "again"), List.of(), null))
                .as("an id taken")
                .isEmpty();
    }

    @Test
    void anIndexOnTheCompareAndSetFilterThatAnEarlierVersionMadeIsDropped() {
        // The filter {_id, version} is served by _id (MongoDB and the embedded store); an index on both fields, as
        // earlier versions made, would only cost every write.
        MongoCollection<Document> earlier =
                context.getBean(MongoDatabase.class).getCollection("ledgers_of_an_earlier_version");
        earlier.createIndex(
                new Document("_id", 1).append("version", 1),
                new IndexOptions().unique(true).name("_id_1_version_1"));
        context.getBean(AggregateStores.class).create("ledgers_of_an_earlier_version", Ledger.class);
        List<String> names = new ArrayList<>();
        earlier.listIndexes().forEach(index -> names.add(index.getString("name")));
        assertThat(names).contains("_id_").doesNotContain("_id_1_version_1");
    }

    // --- 4. Effectively once: a redelivered event changes nothing ---

    @Test
    void theSameEventDeliveredTwiceChangesTheAggregateOnce() {
        String id = newLedger("barbara");
        String eventId = UUID.randomUUID().toString();
        records.publish(classified(id, "twice"), eventId);
        records.publish(classified(id, "twice"), eventId);
        records.publish(classified(id, "after"), UUID.randomUUID().toString());

        // The later event is on the same partition, so once it is applied both copies before it were handled.
        awaitRefs(id, List.of("twice", "after"));
        Versioned<Ledger> ledger = ledgers.find(id).orElseThrow();
        assertThat(ledger.value().refs()).containsExactly("twice", "after");
        assertThat(ledger.appliedEventIds()).containsOnlyOnce(eventId);
        // The copy is known by its id before the ledger is asked to decide on it.
        assertThat(faults.attempts("twice")).isEqualTo(1);
    }

    // --- 5. A poison record never blocks its partition ---

    @Test
    void malformedRecordsGoToTheDeadLetterTopicWithTheErrorAndTheRecordBehindThemIsProcessed() {
        String id = newLedger("dennis");
        String badJsonId = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, Topics.deadLetter(Topics.TRIAGE))) {
            RecordMetadata badJson = records.send(
                    Topics.TRIAGE,
                    EventType.COMPLAINT_CLASSIFIED.wireName(),
                    badJsonId,
                    id,
                    "{\"complaintId\": \"" + id + "\", oops");
            RecordMetadata noEnvelope =
                    records.sendWithoutHeaders(Topics.TRIAGE, id, "{\"complaintId\":\"" + id + "\"}");
            RecordMetadata valid = records.publish(
                    classified(id, "behind-poison"), UUID.randomUUID().toString());
            assertThat(List.of(noEnvelope.partition(), valid.partition())).containsOnly(badJson.partition());

            awaitRefs(id, List.of("behind-poison"));

            List<ConsumerRecord<String, String>> dead = deadLetters.await(r -> id.equals(r.key()), 2);
            assertThat(dead).hasSize(2);
            ConsumerRecord<String, String> deadJson = dead.stream()
                    .filter(r -> badJsonId.equals(header(r, CloudEvents.ID)))
                    .findFirst()
                    .orElseThrow();
            assertThat(header(deadJson, "kafka_dlt-exception-message")).contains("not valid JSON");
            assertThat(header(deadJson, "kafka_dlt-original-topic")).isEqualTo(Topics.TRIAGE);
            assertThat(header(deadJson, "kafka_dlt-original-consumer-group")).isEqualTo("ledger");
            ConsumerRecord<String, String> deadBare = dead.stream()
                    .filter(r -> header(r, CloudEvents.ID) == null)
                    .findFirst()
                    .orElseThrow();
            assertThat(header(deadBare, "kafka_dlt-exception-message")).contains("without ce_type");
            assertThat(deadBare.value()).isEqualTo("{\"complaintId\":\"" + id + "\"}");
        }
        assertThat(ledgers.find(id).orElseThrow().value().refs()).containsExactly("behind-poison");
    }

    @Test
    void aFailingHandlerIsRetriedThenDeadLetteredAndReplayedOnceTheCauseIsFixed() throws Exception {
        String id = newLedger("margaret");
        String ref = "refused-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        faults.failFor(ref);
        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, Topics.deadLetter(Topics.TRIAGE))) {
            records.publish(classified(id, ref), eventId);
            records.publish(classified(id, "behind-failure"), UUID.randomUUID().toString());

            ConsumerRecord<String, String> dead = deadLetters
                    .await(r -> eventId.equals(header(r, CloudEvents.ID)), 1)
                    .get(0);
            assertThat(header(dead, "kafka_dlt-exception-message")).contains("Ledger refuses entry " + ref);
            // Once in the batch its poll brought, then alone as often as any event alone.
            assertThat(faults.attempts(ref)).isEqualTo(2 + properties.kafka().retries());
            awaitRefs(id, List.of("behind-failure"));
        }

        HttpResponse<String> forAgent = call("GET", "/actuator/deadletters", null, TestTokens.bearer(Roles.AGENT));
        assertThat(forAgent.statusCode()).isEqualTo(403);
        HttpResponse<String> listed = call("GET", "/actuator/deadletters", null, TestTokens.bearer(Roles.ADMIN));
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode list = json(listed);
        assertThat(list.get("group").asString()).isEqualTo("ledger");
        List<JsonNode> mine = new ArrayList<>();
        list.get("records").forEach(r -> {
            if (id.equals(r.get("key").asString())) mine.add(r);
        });
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("topic").asString()).isEqualTo(Topics.deadLetter(Topics.TRIAGE));
        assertThat(mine.get(0).get("type").asString()).isEqualTo(EventType.COMPLAINT_CLASSIFIED.wireName());
        assertThat(mine.get(0).get("error").asString()).contains("Ledger refuses entry");

        faults.heal();
        HttpResponse<String> replayed = call("POST", "/actuator/deadletters", null, TestTokens.bearer(Roles.ADMIN));
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(json(replayed).get("replayed").asInt()).isGreaterThanOrEqualTo(1);
        Versioned<Ledger> ledger = ledgers.find(id).orElseThrow();
        assertThat(ledger.value().refs()).containsExactly("behind-failure", ref);
        assertThat(ledger.appliedEventIds()).contains(eventId);

        // A replay is safe to repeat: the event is applied already.
        assertThat(call("POST", "/actuator/deadletters", null, TestTokens.bearer(Roles.ADMIN))
                        .statusCode())
                .isEqualTo(200);
        assertThat(ledgers.find(id).orElseThrow().value().refs()).containsExactly("behind-failure", ref);
    }

    // --- 6. Per-key order ---

    @Test
    void eventsOfOneKeyAreConsumedInTheOrderWritten() {
        String id = newLedger("tony");
        List<String> refs = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            refs.add("step-" + i);
            records.publish(classified(id, "step-" + i), UUID.randomUUID().toString());
        }
        awaitRefs(id, refs);
        assertThat(ledgers.find(id).orElseThrow().value().refs()).containsExactlyElementsOf(refs);
    }

    // --- 7. Bad input gets a clear problem and changes nothing ---

    @Test
    void malformedJsonIsA400Problem() {
        HttpResponse<String> response = call("POST", "/ledgers", "{\"owner\": \"x\", ", TestTokens.bearer(Roles.AGENT));
        assertProblem(response, 400);
        assertThat(json(response).get("title").asString()).isEqualTo("Malformed request body");
    }

    @Test
    void aMissingRequiredFieldIsA400NamingTheField() {
        HttpResponse<String> response =
                call("POST", "/ledgers", "{\"channel\":\"EMAIL\"}", TestTokens.bearer(Roles.AGENT));
        assertProblem(response, 400);
        JsonNode errors = json(response).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("owner");
        assertThat(errors.get(0).get("reason").asString()).isNotBlank();
    }

    @Test
    void aWrongEnumValueIsA400NamingTheFieldAndTheAllowedValues() {
        HttpResponse<String> response =
                call("POST", "/ledgers", "{\"owner\":\"x\",\"channel\":\"PIGEON\"}", TestTokens.bearer(Roles.AGENT));
        assertProblem(response, 400);
        JsonNode error = json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("channel");
        assertThat(error.get("reason").asString()).contains("PIGEON");
        for (Channel channel : Channel.values()) {
            assertThat(error.get("reason").asString()).contains(channel.name());
        }
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemAndNothingIsStored() {
        String owner = "big-" + UUID.randomUUID();
        String body = "{\"owner\":\"" + owner + "\",\"channel\":\"EMAIL\",\"note\":\""
                + "x".repeat((int) properties.http().maxBodyBytes() * 3) + "\"}";

        HttpResponse<String> declared =
                send("POST", "/ledgers", BodyPublishers.ofString(body), TestTokens.bearer(Roles.AGENT));
        assertProblem(declared, 413);

        // No Content-Length: the body arrives chunked and is cut off once it crosses the limit.
        HttpResponse<String> chunked = send(
                "POST",
                "/ledgers",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())),
                TestTokens.bearer(Roles.AGENT));
        assertProblem(chunked, 413);

        assertThat(ledgers.collection().countDocuments(eq("owner", owner))).isZero();
    }

    @Test
    void aBodyWithinTheLimitIsAccepted() {
        String body = "{\"owner\":\"small\",\"channel\":\"EMAIL\",\"note\":\"" + "x".repeat(1000) + "\"}";
        HttpResponse<String> chunked = send(
                "POST",
                "/ledgers",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())),
                TestTokens.bearer(Roles.AGENT));
        assertThat(chunked.statusCode()).isEqualTo(201);
        assertThat(ledgers.find(json(chunked).get("id").asString())
                        .orElseThrow()
                        .value()
                        .note())
                .hasSize(1000);
    }

    @Test
    void anUnknownAggregateIsA404Problem() {
        HttpResponse<String> response = call("GET", "/ledgers/nope", null, TestTokens.bearer(Roles.AGENT));
        assertProblem(response, 404);
        assertThat(json(response).get("id").asString()).isEqualTo("nope");
    }

    @Test
    void noTokenIsA401ProblemWithWwwAuthenticate() {
        HttpResponse<String> response = call("POST", "/ledgers", "{\"owner\":\"x\",\"channel\":\"EMAIL\"}", null);
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aRoleThatMayNotIsA403Problem() {
        String id = newLedger("ken");
        assertProblem(
                call(
                        "POST",
                        "/ledgers",
                        "{\"owner\":\"x\",\"channel\":\"EMAIL\"}",
                        TestTokens.bearer(Roles.INTEGRATION)),
                403);
        assertProblem(call("DELETE", "/ledgers/" + id, null, TestTokens.bearer(Roles.AGENT)), 403);
        assertThat(ledgers.find(id).orElseThrow().value().status()).isEqualTo(Ledger.Status.OPEN);
    }

    @Test
    void aSupervisorMayDoWhatAnAgentMay() {
        HttpResponse<String> created = call(
                "POST", "/ledgers", "{\"owner\":\"sup\",\"channel\":\"PHONE\"}", TestTokens.bearer(Roles.SUPERVISOR));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(call("GET", "/ledgers/" + id, null, TestTokens.bearer(Roles.SUPERVISOR))
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("DELETE", "/ledgers/" + id, null, TestTokens.bearer(Roles.SUPERVISOR))
                        .statusCode())
                .isEqualTo(204);
        assertThat(ledgers.find(id).orElseThrow().value().status()).isEqualTo(Ledger.Status.CLOSED);
    }

    @Test
    void aServicesUrlRulesFollowTheRoleHierarchy() {
        assertThat(call("GET", "/reports/ledgers", null, TestTokens.bearer(Roles.AGENT))
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/reports/ledgers", null, TestTokens.bearer(Roles.SUPERVISOR))
                        .statusCode())
                .isEqualTo(200);
        assertProblem(call("GET", "/reports/ledgers", null, TestTokens.bearer(Roles.INTEGRATION)), 403);
        assertProblem(call("GET", "/reports/ledgers", null, null), 401);
    }

    @Test
    void anExpiredOrWronglySignedTokenIsA401() {
        String expired = JwtTokens.mint(
                TestTokens.SECRET, "firebreak", "agent-1", List.of(Roles.AGENT), Duration.ofMinutes(-10));
        String forged = JwtTokens.mint(
                "another-secret-that-is-also-32-bytes-long",
                "firebreak",
                "agent-1",
                List.of(Roles.AGENT),
                Duration.ofHours(1));
        String otherIssuer =
                JwtTokens.mint(TestTokens.SECRET, "someone-else", "agent-1", List.of(Roles.AGENT), Duration.ofHours(1));
        for (String token : List.of(expired, forged, otherIssuer, "not-a-jwt")) {
            HttpResponse<String> response = call("GET", "/ledgers/any", null, "Bearer " + token);
            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    @Test
    void aTokenWithoutSubjectAudienceOrExpiryOrLivingLongerThanAllowedIsA401ThatDoesNotSayWhy() throws Exception {
        Instant now = Instant.now();
        com.nimbusds.jwt.JWTClaimsSet.Builder valid = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer("firebreak")
                .subject("agent-1")
                .audience(JwtTokens.AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("roles", List.of(Roles.AGENT));
        Map<String, com.nimbusds.jwt.JWTClaimsSet> tokens = Map.of(
                "no subject",
                        new com.nimbusds.jwt.JWTClaimsSet.Builder(valid.build())
                                .subject(null)
                                .build(),
                "empty subject",
                        new com.nimbusds.jwt.JWTClaimsSet.Builder(valid.build())
                                .subject(" ")
                                .build(),
                "no expiry",
                        new com.nimbusds.jwt.JWTClaimsSet.Builder(valid.build())
                                .expirationTime(null)
                                .build(),
                "no audience",
                        new com.nimbusds.jwt.JWTClaimsSet.Builder(valid.build())
                                .audience((String) null)
                                .build(),
                "another application's",
                        new com.nimbusds.jwt.JWTClaimsSet.Builder(valid.build())
                                .audience("crm")
                                .build(),
                "a year's life",
                        new com.nimbusds.jwt.JWTClaimsSet.Builder(valid.build())
                                .expirationTime(Date.from(now.plus(Duration.ofDays(365))))
                                .build());
        for (var token : tokens.entrySet()) {
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                    new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), token.getValue());
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(JwtTokens.key(TestTokens.SECRET)));
            HttpResponse<String> response = call("GET", "/ledgers/any", null, "Bearer " + jwt.serialize());
            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
            assertProblem(response, 401);
            assertThat(json(response).get("detail").asString())
                    .as(token.getKey())
                    .isEqualTo("A valid bearer token is required.");
        }
        assertThat(json(call("GET", "/ledgers/any", null, "Bearer not-a-jwt"))
                        .get("detail")
                        .asString())
                .as("no decoder's reason")
                .isEqualTo("A valid bearer token is required.");
        com.nimbusds.jwt.SignedJWT right = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), valid.build());
        right.sign(new com.nimbusds.jose.crypto.MACSigner(JwtTokens.key(TestTokens.SECRET)));
        assertThat(call("GET", "/ledgers/any", null, "Bearer " + right.serialize())
                        .statusCode())
                .as("the token with all of them passes")
                .isEqualTo(404);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void logForging_aLineBreakInALoggedValueIsShownAndCannotStartALineOfItsOwn(
            org.springframework.boot.test.system.CapturedOutput output) {
        org.slf4j.LoggerFactory.getLogger(PlatformContract.class)
                .warn(
                        "Customer id {} refused",
                        "CRM-1\r\n2026-12-02T00:00:00.000Z  INFO 1 --- [main] forged : all is well");
        assertThat(output.getOut())
                .contains("Customer id CRM-1 ⏎ 2026-12-02T00:00:00.000Z  INFO 1 --- [main] forged")
                .doesNotContain("\n2026-12-02T00:00:00.000Z  INFO 1 --- [main] forged");
    }

    @Test
    void healthIsPublicAndReadinessChecksTheStoreTheBrokerAndTheConsumers() {
        HttpResponse<String> anonymous = call("GET", "/actuator/health/readiness", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json(anonymous).has("components"))
                .as("details are for operators")
                .isFalse();
        HttpResponse<String> readiness =
                call("GET", "/actuator/health/readiness", null, TestTokens.bearer(Roles.ADMIN));
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode health = json(readiness);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString())
                .isEqualTo("UP");
        assertThat(health.get("components").get("kafka").get("status").asString())
                .isEqualTo("UP");
        assertThat(health.get("components").get("consumers").get("status").asString())
                .isEqualTo("UP");
        assertThat(health.get("components")
                        .get("consumers")
                        .get("details")
                        .get("assignments")
                        .toString())
                .contains(Topics.TRIAGE);
        assertThat(call("GET", "/actuator/health/liveness", null, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void thePlatformsSecurityChainProblemHandlingAndLifecycleOrderAreInCharge() {
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("firebreakSecurity");
        assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
        assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class).values())
                .singleElement()
                .isInstanceOf(ProblemHandling.class);
        // The relay starts before the web server and the listeners, and stops after them.
        int relay = context.getBean(OutboxRelay.class).getPhase();
        assertThat(relay).isLessThan(context.getBean(EventListeners.class).getPhase());
        context.getBeansOfType(SmartLifecycle.class).forEach((name, lifecycle) -> {
            if (name.startsWith("webServer")) assertThat(relay).as(name).isLessThan(lifecycle.getPhase());
        });
        assertThat(context.getBeansOfType(SmartLifecycle.class)).containsKey("webServerGracefulShutdown");
    }

    // --- 8. Correlation: request → events → the next service's events ---

    @Test
    void aRequestsCorrelationIdAndTraceRideOnTheEventItCauses() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String incoming = "00-" + traceId + "-00f067aa0ba902b7-01";
        try (TopicProbe intake = new TopicProbe(bootstrapServers, Topics.INTAKE)) {
            HttpResponse<String> created = call(
                    "POST",
                    "/ledgers",
                    "{\"owner\":\"tim\",\"channel\":\"WEB_FORM\"}",
                    TestTokens.bearer(Roles.AGENT),
                    "X-Correlation-Id",
                    "req-42",
                    "traceparent",
                    incoming);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("X-Correlation-Id")).contains("req-42");
            String id = json(created).get("id").asString();

            ConsumerRecord<String, String> event =
                    intake.await(r -> id.equals(r.key()), 1).get(0);
            assertThat(header(event, CloudEvents.CORRELATION_ID)).isEqualTo("req-42");
            String traceparent = header(event, CloudEvents.TRACEPARENT);
            assertThat(Correlation.traceId(traceparent)).isEqualTo(traceId);
            assertThat(traceparent).isNotEqualTo(incoming);
        }
    }

    @Test
    void aRequestWithoutACorrelationIdGetsOne() {
        HttpResponse<String> response = call("GET", "/ledgers/none", null, TestTokens.bearer(Roles.AGENT));
        String given = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(given).isNotBlank();
        assertThat(json(response).get("correlationId").asString()).isEqualTo(given);
    }

    @Test
    void aConsumerKeepsTheCorrelationOfTheEventItHandlesOnTheEventsItWrites() {
        String id = newLedger("joan");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try (TopicProbe resolution = new TopicProbe(bootstrapServers, Topics.RESOLUTION)) {
            records.publish(
                    classified(id, "correlated"),
                    UUID.randomUUID().toString(),
                    Map.of(
                            CloudEvents.CORRELATION_ID,
                            "upstream-7",
                            CloudEvents.TRACEPARENT,
                            "00-" + traceId + "-b7ad6b7169203331-01"));
            ConsumerRecord<String, String> caused =
                    resolution.await(r -> id.equals(r.key()), 1).get(0);
            assertCloudEvent(caused, EventType.CASE_OPENED, id);
            assertThat(header(caused, CloudEvents.CORRELATION_ID)).isEqualTo("upstream-7");
            assertThat(Correlation.traceId(header(caused, CloudEvents.TRACEPARENT)))
                    .isEqualTo(traceId);
        }
    }

    // --- helpers ---

    private String newLedger(String owner) {
        String id = UUID.randomUUID().toString();
        assertThat(ledgers.insert(id, Ledger.open(owner, Channel.PHONE, Instant.now(), "note"), List.of(), null))
                .isTrue();
        assertThat(ledgers.insert(id, Ledger.open(owner, Channel.PHONE, Instant.now(), "again"), List.of(), null))
                .as("a second insert of the same id writes nothing")
                .isFalse();
        return id;
    }

    private static ComplaintClassified classified(String ledgerId, String ref) {
        return new ComplaintClassified(
                ledgerId,
                Instant.now(),
                ComplaintClass.DIFFICULT,
                null,
                List.of(new Reason("rule", "evidence")),
                "v1",
                ref);
    }

    private void awaitRefs(String id, List<String> refs) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(ledgers.find(id).orElseThrow().value().refs())
                                .containsAll(refs));
    }

    private void awaitOutboxEmpty(String id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document doc = ledgers.collection().find(eq("_id", id)).first();
            assertThat(doc).isNotNull();
            assertThat(doc.getList("outbox", Document.class)).isEmpty();
        });
    }

    private static void assertCloudEvent(ConsumerRecord<String, String> record, EventType type, String subject) {
        assertThat(record.topic()).isEqualTo(type.topic());
        assertThat(record.key()).isEqualTo(subject);
        assertThat(header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, CloudEvents.ID))).isNotNull();
        assertThat(header(record, CloudEvents.TYPE)).isEqualTo(type.wireName());
        assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/firebreak/ledger");
        assertThat(header(record, CloudEvents.SUBJECT)).isEqualTo(subject);
        assertThat(Instant.parse(header(record, CloudEvents.TIME))).isNotNull();
        assertThat(header(record, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, CloudEvents.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEvents.header(record.headers(), name);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("correlationId").asString())
                .isEqualTo(response.headers().firstValue("X-Correlation-Id").orElseThrow());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> call(
            String method, String path, String body, String authorization, String... headers) {
        return send(
                method,
                path,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body),
                authorization,
                headers);
    }

    private HttpResponse<String> send(
            String method, String path, BodyPublisher body, String authorization, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body);
        if (authorization != null) request.header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(request.build(), BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}

package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.firebreak.events.Topics;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole standalone system, as {@code spring-boot:run} starts it, in a temporary data directory on free ports:
 * it becomes healthy behind the gateway, issues tokens the gateway accepts, and after a stop and a start on the same
 * directory it still has the documents and records written before, and a complaint in mid-life carries on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneSystemIT {

    private static final Duration READY = Duration.ofMinutes(2);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final List<String> TOKEN_NAMES =
            List.of("AGENT_TOKEN", "SUPERVISOR_TOKEN", "INTEGRATION_TOKEN", "ADMIN_TOKEN", "METRICS_TOKEN");

    @TempDir
    static Path data;

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Ports ports;
    private static StandaloneSystem system;

    @BeforeAll
    static void start() {
        ports = Ports.free();
        system = Firebreak.start(data, ports);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void becomesHealthyBehindTheGateway() {
        await().atMost(READY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> status(system.gatewayUrl().resolve("/actuator/health"), null), code -> code == 200);

        assertThat(system.serviceUrls()).containsOnlyKeys("intake", "triage", "resolution", "feedback");
        system.serviceUrls()
                .forEach((name, url) -> assertThat(status(url.resolve("/actuator/health/readiness"), null))
                        .as(name)
                        .isEqualTo(200));
    }

    @Test
    @Order(2)
    void givesEachTopicOnePartitionForTheOneConsumerOfEachGroup() throws Exception {
        List<String> names = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(topic -> names.add(Topics.deadLetter(topic)));
        try (Admin admin = Admin.create(kafkaProperties())) {
            Map<String, TopicDescription> topics = await().atMost(READY)
                    .ignoreExceptions()
                    .until(
                            () -> admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS),
                            described -> described.size() == names.size());
            assertThat(topics.values())
                    .allSatisfy(topic ->
                            assertThat(topic.partitions()).as(topic.name()).hasSize(1));
        }
    }

    @Test
    @Order(2)
    void onlyTheGatewayIsReachableFromOtherMachines() throws IOException {
        awaitHealthy();
        InetAddress outside = nonLoopbackAddress();
        assumeTrue(outside != null, "this machine has no address but loopback");

        assertThat(reachable(outside, system.gatewayUrl().getPort()))
                .as("the gateway on " + outside)
                .isTrue();
        system.serviceUrls().forEach((name, url) -> {
            assertThat(reachable(InetAddress.getLoopbackAddress(), url.getPort()))
                    .as(name + " on loopback")
                    .isTrue();
            assertThat(reachable(outside, url.getPort()))
                    .as(name + " on " + outside)
                    .isFalse();
        });
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) continue;
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address) return address;
            }
        }
        return null;
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    @Order(2)
    void countsTheProcesssLogEventsOnceInTheGateway() throws IOException {
        awaitHealthy();
        String scraper = readEnvFile(system.tokensFile()).get("METRICS_TOKEN");

        // Each counter is a filter every log call of every part runs through, debug ones included.
        assertThat(system.context("gateway")
                        .getBeanProvider(LogbackMetrics.class)
                        .getIfAvailable())
                .isNotNull();
        assertThat(scrape(system.gatewayUrl(), scraper)).contains("logback_events_total");
        system.serviceUrls().forEach((service, url) -> {
            assertThat(system.context(service)
                            .getBeanProvider(LogbackMetrics.class)
                            .getIfAvailable())
                    .as(service)
                    .isNull();
            assertThat(scrape(url, scraper)).as(service).doesNotContain("logback_events");
        });
    }

    private static String scrape(URI base, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("scrape of " + base).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(2)
    void signsSurveyLinksWithARandomSecretOfItsOwnNotAShippedOne() throws IOException {
        awaitHealthy();
        String secret = Files.readString(data.resolve("survey-secret")).strip();

        assertThat(secret).hasSizeGreaterThanOrEqualTo(32).doesNotStartWith("change-me");
        assertThat(secret)
                .isNotEqualTo(Files.readString(data.resolve("jwt-secret")).strip());
        assertThat(system.context("feedback")
                        .getBean(FeedbackProperties.class)
                        .survey()
                        .secret())
                .as("the secret feedback signs the links with")
                .isEqualTo(secret);
    }

    @Test
    @Order(2)
    void writesATokenPerRoleThatTheGatewayAccepts() throws IOException {
        awaitHealthy();
        Map<String, String> tokens = readEnvFile(system.tokensFile());

        assertThat(tokens).containsKeys(TOKEN_NAMES.toArray(String[]::new));
        assertThat(tokens.keySet().stream().filter(k -> k.endsWith("_TOKEN"))).hasSize(Roles.ALL.size());
        assertThat(tokens.get("FIREBREAK_URL")).isEqualTo(system.gatewayUrl().toString());
        URI api = system.gatewayUrl().resolve("/api/v1/complaints/" + UUID.randomUUID());
        for (String name : TOKEN_NAMES) {
            // Accepted: authenticated, whatever the role may or may not do there (403) or find (404).
            assertThat(status(api, tokens.get(name))).as(name).isNotEqualTo(401);
        }
        String forged = JwtTokens.mint(
                "another-secret-that-is-at-least-32-bytes-long",
                Credentials.ISSUER,
                "forger",
                List.of(Roles.AGENT),
                Duration.ofMinutes(5));
        assertThat(status(api, forged)).as("token signed with another secret").isEqualTo(401);
        assertThat(status(api, null)).as("no token").isEqualTo(401);
    }

    @Test
    @Order(3)
    void keepsDocumentsRecordsAndTokensAcrossARestart() throws Exception {
        awaitHealthy();
        String marker = UUID.randomUUID().toString();
        String topic = "standalone-it." + marker;
        String agentToken = system.token(Roles.AGENT);
        try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
            mongo.getDatabase("intake").getCollection("standalone-it").insertOne(new Document("_id", marker));
        }
        String clusterId = produce(topic, marker);
        // A complaint in the middle of its life: assigned and acknowledged before the stop.
        String complaint = acknowledgedComplaint();

        system.close();
        system = Firebreak.start(data, ports);
        awaitHealthy();

        // ...carries on after the start: resolved, followed up and closed, with its whole story kept.
        TestApi api = api();
        assertThat(api.post(
                                "/api/v1/cases/" + complaint + "/resolve",
                                Roles.AGENT,
                                "{\"summary\":\"Replaced\",\"rootCause\":\"PRODUCT_DEFECT\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(STEP)
                .until(() -> api.post(
                                        "/api/v1/complaints/" + complaint + "/follow-up",
                                        Roles.AGENT,
                                        "{\"satisfied\":true,\"score\":5}")
                                .status()
                        == 201);
        await().atMost(STEP)
                .until(() -> "CLOSED"
                        .equals(api.get("/api/v1/complaints/" + complaint, Roles.AGENT)
                                .json()
                                .get("status")
                                .asString()));
        assertThat(api.get("/api/v1/complaints/" + complaint, Roles.AGENT)
                        .json()
                        .get("timeline")
                        .findValuesAsString("type"))
                .containsSubsequence(
                        "firebreak.complaint.received",
                        "firebreak.case.acknowledged",
                        "firebreak.case.resolved",
                        "firebreak.complaint.closed");

        try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
            assertThat(mongo.getDatabase("intake")
                            .getCollection("standalone-it")
                            .find(Filters.eq("_id", marker))
                            .first())
                    .as("document written before the restart")
                    .isNotNull();
        }
        assertThat(clusterId())
                .as("Kafka cluster id (storage kept, not formatted again)")
                .isEqualTo(clusterId);
        assertThat(consumeAll(topic)).as("record produced before the restart").contains(marker);
        URI anyComplaint = system.gatewayUrl().resolve("/api/v1/complaints/" + UUID.randomUUID());
        assertThat(status(anyComplaint, agentToken))
                .as("token issued before the restart")
                .isNotEqualTo(401);
    }

    private static String acknowledgedComplaint() {
        TestApi api = api();
        TestApi.Response submitted = api.post(
                "/api/v1/complaints",
                Roles.AGENT,
                "{\"channel\":\"LETTER\",\"customer\":{\"id\":\"CRM-1\"},\"description\":\"The kettle leaks\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        await().atMost(STEP)
                .until(() -> api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                                .status()
                        == 200);
        await().atMost(STEP)
                .until(() -> "ACKNOWLEDGED"
                        .equals(api.get("/api/v1/complaints/" + id, Roles.AGENT)
                                .json()
                                .get("status")
                                .asString()));
        return id;
    }

    private static TestApi api() {
        return new TestApi(system.gatewayUrl(), role -> "Bearer " + system.token(role));
    }

    private static void awaitHealthy() {
        await().atMost(READY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> status(system.gatewayUrl().resolve("/actuator/health"), null), code -> code == 200);
    }

    /** Produces one record (acknowledged by the broker) and returns the cluster's id. */
    private static String produce(String topic, String value) throws Exception {
        try (Admin admin = Admin.create(kafkaProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties properties = kafkaProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value, value)).get(30, TimeUnit.SECONDS);
        }
        return clusterId();
    }

    private static String clusterId() throws Exception {
        try (Admin admin = Admin.create(kafkaProperties())) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(String topic) {
        Properties properties = kafkaProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "standalone-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
        }
        return values;
    }

    private static Properties kafkaProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        return properties;
    }

    /** The HTTP status of a GET, or -1 if nothing answers (yet). */
    private static int status(URI uri, String bearer) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readEnvFile(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            assertThat(equals).as("shell assignment: %s", line).isPositive();
            assertThat(line.substring(0, equals)).matches("[A-Z_]+");
            values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return values;
    }
}

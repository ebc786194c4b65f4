package io.firebreak.standalone;

import io.firebreak.platform.FirebreakApplication;
import io.firebreak.standalone.store.DocumentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The parts of a running standalone system, started one by one into one data directory and stopped in reverse
 * order by {@link #close()}. {@link Firebreak} says what is started, in which order; tests use the same to run the
 * whole system on free ports in a temporary directory.
 */
public final class StandaloneSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneSystem.class);

    /** Counts the log events of the process by level: in the gateway only, the one logging system being shared. */
    static final String LOGBACK_METRICS =
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration";

    private final Path dataDir;
    private DocumentStore store;
    private final String jwtSecret;
    /** Signs the customers' survey links (feedback); made once, like the token secret. */
    private final String surveySecret;
    /** Keys the customer ids (intake) and encrypts the webhook secrets at rest (gateway); made once too. */
    private final String customerIdKey;

    private final String webhookSecretKey;
    /** What is running, newest first: closing walks it from the top. */
    private final Deque<Running> running = new ArrayDeque<>();

    private final Map<String, URI> serviceUrls = new LinkedHashMap<>();
    private final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
    /** Settings given to an application by name, over its own {@code <name>.yml} and the system's. */
    private final Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();

    private String kafkaBootstrapServers;
    private String mongoUri;
    private URI gatewayUrl;
    private Map<String, String> tokens = Map.of();
    private boolean closed;

    private StandaloneSystem(
            Path dataDir, String jwtSecret, String surveySecret, String customerIdKey, String webhookSecretKey) {
        this.dataDir = dataDir;
        this.jwtSecret = jwtSecret;
        this.surveySecret = surveySecret;
        this.customerIdKey = customerIdKey;
        this.webhookSecretKey = webhookSecretKey;
    }

    /**
     * A system that keeps its data in {@code dataDir} (created if missing): {@code kafka/}, {@code store.db},
     * {@code jwt-secret}, {@code survey-secret}, {@code customer-id-key}, {@code webhook-secret-key} and
     * {@code tokens.env}. Nothing runs yet.
     */
    public static StandaloneSystem in(Path dataDir) {
        initialiseLogging();
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
        return new StandaloneSystem(
                dir,
                Credentials.loadOrCreateSecret(dir.resolve("jwt-secret")),
                Credentials.loadOrCreateSecret(dir.resolve("survey-secret")),
                Credentials.loadOrCreateSecret(dir.resolve("customer-id-key")),
                Credentials.loadOrCreateSecret(dir.resolve("webhook-secret-key")));
    }

    /**
     * Five applications share this JVM, and each would otherwise reset the logging set up by the ones before it:
     * Boot's logging system is switched off and logback reads this module's {@code logback.xml} once.
     */
    private static void initialiseLogging() {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * Gives the application of this name ({@code intake}, {@code triage}, {@code resolution}, {@code feedback},
     * {@code gateway}) these settings when it starts, over its own defaults: e.g. short SLA targets for a
     * demonstration or a test ({@code firebreak.triage.sla.ordinary.first-response=PT10S}).
     */
    public synchronized StandaloneSystem withProperties(String application, Map<String, ?> properties) {
        overrides.computeIfAbsent(application, name -> new LinkedHashMap<>()).putAll(properties);
        return this;
    }

    /** Starts the Kafka broker, its log directory {@code <data>/kafka}. */
    public synchronized void startKafka(int port, int controllerPort) {
        KafkaBroker broker = start("kafka", () -> KafkaBroker.start(dataDir.resolve("kafka"), port, controllerPort));
        kafkaBootstrapServers = broker.bootstrapServers();
        log.info("Kafka (KRaft) listening on {}", kafkaBootstrapServers);
    }

    /**
     * Starts the MongoDB-protocol store, its file {@code <data>/store.db}. A write is answered once it is in the
     * file; {@code firebreak.store.flush} (system property, or {@code FIREBREAK_STORE_FLUSH}) says whether it is also
     * forced to the disk first: {@code os} (default) or {@code disk} (see {@link DocumentStore.Flush}).
     */
    public synchronized void startStore(int port) {
        DocumentStore.Flush flush = DocumentStore.Flush.parse(System.getProperty(
                "firebreak.store.flush", System.getenv().getOrDefault("FIREBREAK_STORE_FLUSH", "os")));
        store = start("store", () -> DocumentStore.startIn(dataDir, port, flush));
        mongoUri = store.uri();
        log.info("Store listening on {}", mongoUri);
    }

    /** Starts one service, as its own Spring application, on the broker and store started before. */
    public synchronized void startService(Class<?> application, String name, int port) {
        URI url = startApplication(application, name, serviceProperties(name, port));
        serviceUrls.put(name, url);
    }

    /**
     * Starts one more instance of a service on the same broker and store (the gateway does not route to it): for
     * trying several instances side by side, e.g. two resolution services sharing the SLA clocks. It is stopped
     * with the system; {@code instance} names it (its log lines and {@link #context(String)}).
     */
    public synchronized ConfigurableApplicationContext startInstance(
            Class<?> application, String name, String instance, int port) {
        startApplication(application, name, instance, serviceProperties(name, port));
        return contexts.get(instance);
    }

    private Map<String, Object> serviceProperties(String name, int port) {
        Map<String, Object> properties = commonProperties(port);
        // The gateway's jars share the classpath; nothing of them may switch on inside a service.
        properties.put(GatewayAutoConfigurationFilter.SERVICE_PROPERTY, "true");
        // Behind the gateway, the one door: reachable from this machine only (as the store and the broker are).
        properties.put("server.address", "127.0.0.1");
        // The five share one logging system: the gateway counts its log events (logback.events) for the process.
        // One counter per application counted every event five times, and each one's filter ran on every log call
        // of every part, debug ones included — the store's and the clients' on every command and fetch.
        properties.put("spring.autoconfigure.exclude", LOGBACK_METRICS);
        if (name.equals("feedback")) properties.put("firebreak.feedback.survey.secret", surveySecret);
        if (name.equals("intake")) properties.put("firebreak.intake.customer-id-key", customerIdKey);
        return properties;
    }

    /** Starts the gateway, routing to the services started before it ({@code firebreak.gateway.services.<name>}). */
    public synchronized void startGateway(Class<?> application, String name, int port) {
        Map<String, Object> properties = commonProperties(port);
        serviceUrls.forEach((service, url) -> properties.put("firebreak.gateway.services." + service, url.toString()));
        properties.put("firebreak.gateway.webhooks.secret-key", webhookSecretKey);
        // The console's sign-in picker offers the staff tokens this system issues (to a browser on this machine).
        properties.put("firebreak.gateway.console.sign-in-tokens", tokensFile().toString());
        gatewayUrl = startApplication(application, name, properties);
    }

    /** Mints a token per role and writes them, with the gateway's URL, to {@code <data>/tokens.env}. */
    public synchronized void issueTokens() {
        requireRunning();
        tokens = Collections.unmodifiableMap(Credentials.mintPerRole(jwtSecret));
        Credentials.writeEnvFile(tokensFile(), gatewayUrl(), tokens);
    }

    /** Waits until the gateway's health is 200 (the gateway reports UP once the system is ready). */
    public Duration awaitReady(Duration timeout) {
        URI health = gatewayUrl().resolve("/actuator/health");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(health)
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - began);
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + health, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + health, e);
            }
        }
        throw new IllegalStateException(health + " not healthy after " + timeout + ": " + last);
    }

    private Map<String, Object> commonProperties(int port) {
        requireRunning();
        if (kafkaBootstrapServers == null || mongoUri == null) {
            throw new IllegalStateException("Start the store and Kafka before the applications");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("firebreak.mongo.uri", mongoUri);
        // One store, no replicas: there is no majority beyond the one node to wait for.
        properties.put("firebreak.mongo.write-concern", "acknowledged");
        // One process, one consumer in each group: a topic's further partitions would only add work to every fetch,
        // every produced batch and every offset commit (held at 25 complaints/s: the broker and the consumers 15.5 →
        // 13.1 ms of CPU a complaint; bench/results/2026-12-05/partitions-30th/). Topics made by an earlier start keep
        // the partitions they were made with.
        properties.put("firebreak.kafka.partitions", 1);
        properties.put("firebreak.security.jwt-secret", jwtSecret);
        properties.put("firebreak.security.issuer", Credentials.ISSUER);
        return properties;
    }

    private URI startApplication(Class<?> application, String name, Map<String, Object> properties) {
        return startApplication(application, name, name, properties);
    }

    private URI startApplication(Class<?> application, String name, String instance, Map<String, Object> properties) {
        // Each instance keeps its name in its consumer groups from one start to the next: started again after a
        // crash, its consumers take their partitions back at once instead of waiting 45 s for the dead ones' sessions.
        properties.put("firebreak.kafka.instance-id", instance);
        properties.putAll(overrides.getOrDefault(name, Map.of()));
        long began = System.nanoTime();
        // Passed as command-line arguments: they take precedence over the application's own <name>.yml.
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = start(
                instance,
                () -> FirebreakApplication.builder(application, name)
                        .main(application)
                        // This system stops the applications itself, in order, before the broker and the store.
                        .registerShutdownHook(false)
                        .run(args));
        contexts.put(instance, context);
        int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        URI url = URI.create("http://localhost:" + actualPort);
        log.info("{} started on {} in {} ms", instance, url, (System.nanoTime() - began) / 1_000_000);
        return url;
    }

    /** Starts a part in its own thread group (see {@link ServiceThreads}) and records it for {@link #close()}. */
    private <P extends AutoCloseable> P start(String name, Callable<P> starter) {
        requireRunning();
        P part = ServiceThreads.callIn(name, starter);
        running.push(new Running(name, part));
        return part;
    }

    private void requireRunning() {
        if (closed) {
            throw new IllegalStateException("The system has been stopped");
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code <data>/tokens.env}: {@code FIREBREAK_URL} and {@code <ROLE>_TOKEN} lines a shell can source. */
    public Path tokensFile() {
        return dataDir.resolve("tokens.env");
    }

    public URI gatewayUrl() {
        if (gatewayUrl == null) {
            throw new IllegalStateException("The gateway has not been started");
        }
        return gatewayUrl;
    }

    /** The services' own URLs by name (intake, triage, resolution, feedback), in the order they started. */
    public Map<String, URI> serviceUrls() {
        return Collections.unmodifiableMap(serviceUrls);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** The store started by {@link #startStore}; null before. */
    public DocumentStore store() {
        return store;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public String jwtSecret() {
        return jwtSecret;
    }

    /** The tokens issued by {@link #issueTokens()}, by role. */
    public Map<String, String> tokens() {
        return tokens;
    }

    public String token(String role) {
        String token = tokens.get(role);
        if (token == null) {
            throw new NoSuchElementException("No token for role " + role);
        }
        return token;
    }

    /** A running application's context by name, for tests that need to look inside. */
    public ConfigurableApplicationContext context(String name) {
        ConfigurableApplicationContext context = contexts.get(name);
        if (context == null) {
            throw new NoSuchElementException("No application " + name + " is running");
        }
        return context;
    }

    /** Stops everything in reverse order of starting (gateway, services, Kafka, store). Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        while (!running.isEmpty()) {
            Running part = running.pop();
            long began = System.nanoTime();
            try {
                ServiceThreads.callIn(part.name(), () -> {
                    part.part().close();
                    return null;
                });
                log.info("{} stopped in {} ms", part.name(), (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("{} did not stop cleanly", part.name(), e);
                failures.add(e);
            }
        }
        contexts.clear();
        if (!failures.isEmpty()) {
            RuntimeException failure = new IllegalStateException("Some parts did not stop cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Something this system started and must stop. */
    private record Running(String name, AutoCloseable part) {}
}

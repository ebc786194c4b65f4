package io.firebreak.standalone;

import io.firebreak.feedback.FeedbackApplication;
import io.firebreak.gateway.GatewayApplication;
import io.firebreak.intake.IntakeApplication;
import io.firebreak.resolution.ResolutionApplication;
import io.firebreak.triage.TriageApplication;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Firebreak in one JVM, for one machine (development, demos, evaluation): what runs, in the order it starts.
 * From the repository root: {@code ./mvnw -pl standalone -am spring-boot:run}; data is kept in {@code ./data}
 * (or the directory given as the first argument), Ctrl-C stops it, and starting again carries on with the same data.
 */
public final class Firebreak {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private Firebreak() {}

    /** Starts the whole system in {@code dataDir} on {@code ports}; close the result to stop it. */
    public static StandaloneSystem start(Path dataDir, Ports ports) {
        return start(dataDir, ports, Map.of());
    }

    /**
     * Starts the whole system with settings of its own per application name (see
     * {@link StandaloneSystem#withProperties}), e.g. {@code Map.of("triage", Map.of("firebreak.triage.sla.ordinary
     * .first-response", "PT10S"))}.
     */
    public static StandaloneSystem start(Path dataDir, Ports ports, Map<String, ? extends Map<String, ?>> properties) {
        StandaloneSystem system = StandaloneSystem.in(dataDir);
        properties.forEach(system::withProperties);
        try {
            start(system, ports);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    static void start(StandaloneSystem system, Ports ports) {
        // Infrastructure: the document store and the event log, both keeping their data in the data directory
        // (and stopped in the opposite order, after everything that uses them).
        system.startStore(ports.store());
        system.startKafka(ports.kafka(), ports.kafkaController());

        // The services, in the order a complaint passes through them. Each has its own database in the store and
        // talks to the others only through Kafka topics.
        system.startService(IntakeApplication.class, IntakeApplication.NAME, ports.intake());
        system.startService(TriageApplication.class, TriageApplication.NAME, ports.triage());
        system.startService(ResolutionApplication.class, ResolutionApplication.NAME, ports.resolution());
        system.startService(FeedbackApplication.class, FeedbackApplication.NAME, ports.feedback());

        // The one door to the outside world: it routes /api/v1/** to the services above.
        system.startGateway(GatewayApplication.class, GatewayApplication.NAME, ports.gateway());

        // A token per role for people and scripts, in <data>/tokens.env.
        system.issueTokens();
    }

    public static void main(String[] args) {
        long began = System.nanoTime();
        StandaloneSystem system = StandaloneSystem.in(Path.of(args.length > 0 ? args[0] : "data"));
        // Registered first, so that Ctrl-C during start-up also stops whatever is already running.
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "firebreak-stop"));
        try {
            start(system, Ports.standard());
            system.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            System.err.println("Firebreak did not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        printSummary(system, System.out);
        System.out.printf(
                Locale.ROOT, "Firebreak is ready (%.1f s). Ctrl-C stops it.%n", (System.nanoTime() - began) / 1e9);
    }

    private static void printSummary(StandaloneSystem system, PrintStream out) {
        out.println();
        out.println("Firebreak standalone, data in " + system.dataDir());
        out.printf(Locale.ROOT, "  %-12s %s%n", "gateway", system.gatewayUrl());
        system.serviceUrls().forEach((name, url) -> out.printf(Locale.ROOT, "  %-12s %s%n", name, url));
        out.printf(Locale.ROOT, "  %-12s %s%n", "kafka", system.kafkaBootstrapServers());
        out.printf(Locale.ROOT, "  %-12s %s%n", "store", system.mongoUri());
        out.println("Bearer tokens (valid " + Credentials.TOKEN_TTL.toDays() + " days; source " + system.tokensFile()
                + " for $AGENT_TOKEN etc.):");
        system.tokens().forEach((role, token) -> out.printf(Locale.ROOT, "  %-12s %s%n", role, token));
        out.println();
    }
}

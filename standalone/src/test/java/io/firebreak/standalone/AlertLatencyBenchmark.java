package io.firebreak.standalone;

import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TopicProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.util.FileSystemUtils;

/**
 * How long a supervisor waits for an alert: the whole standalone system is started (short first-response target,
 * SLA scan every second), a client holds the alert stream open, then {@code n} complaints the rules make MAJOR are
 * submitted, and {@code n} ORDINARY ones are left to breach their first response. For each alert the time from its
 * event ({@code ce_time} of the classification or the breach, read from the topic) to the moment its SSE lines
 * reached the client is recorded; p50, p99 and max are printed per kind. A plain program, not a test: run it as the
 * README says. Arguments: n (default 60), milliseconds between submissions (default 100).
 */
public final class AlertLatencyBenchmark {

    private static final Duration FIRST_RESPONSE = Duration.ofSeconds(5);

    private AlertLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        long spacing = args.length > 1 ? Long.parseLong(args[1]) : 100;
        Path data = Files.createTempDirectory("firebreak-alert-latency");
        StandaloneSystem system = Firebreak.start(
                data,
                Ports.free(),
                Map.of(
                        "triage", Map.of("firebreak.triage.sla.ordinary.first-response", FIRST_RESPONSE.toString()),
                        "resolution", Map.of("firebreak.resolution.sla-clocks.scan-interval", "PT1S")));
        try {
            system.awaitReady(Duration.ofMinutes(3));
            TestApi api = new TestApi(system.gatewayUrl(), role -> "Bearer " + system.token(role));
            try (AlertStream stream =
                            AlertStream.open(system.gatewayUrl(), "Bearer " + system.token(Roles.SUPERVISOR), null);
                    TopicProbe probe =
                            new TopicProbe(system.kafkaBootstrapServers(), Topics.TRIAGE, Topics.RESOLUTION)) {
                Set<String> majors = submit(api, n, spacing, "我要找律师起诉你们，这个电热水壶漏电");
                Set<String> ordinary = submit(api, n, spacing, "The kettle leaks");
                List<AlertStream.Received> major = stream.await(
                        a -> majors.contains(a.complaintId()) && "MAJOR".equals(a.kind()), n, Duration.ofMinutes(2));
                List<AlertStream.Received> breach = stream.await(
                        a -> ordinary.contains(a.complaintId()) && "SLA_BREACH".equals(a.kind()),
                        n,
                        Duration.ofMinutes(2));

                Map<String, Instant> eventTimes = new HashMap<>();
                Set<String> wanted = java.util.stream.Stream.concat(major.stream(), breach.stream())
                        .map(a -> a.alert().path("eventId").asString())
                        .collect(Collectors.toSet());
                for (int i = 0; i < 100 && !eventTimes.keySet().containsAll(wanted); i++) {
                    for (ConsumerRecord<String, String> r : probe.drain(r -> true, Duration.ofMillis(300))) {
                        eventTimes.put(
                                CloudEvents.header(r.headers(), CloudEvents.ID),
                                Instant.parse(CloudEvents.header(r.headers(), CloudEvents.TIME)));
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "%d MAJOR complaints and %d first-response breaches, one submission"
                                + " every %d ms; JVM %s, %d CPUs visible%n",
                        n,
                        n,
                        spacing,
                        System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors());
                report("MAJOR (complaint.classified -> SSE)", major, eventTimes);
                report("SLA_BREACH (sla.breached -> SSE)", breach, eventTimes);
            }
        } finally {
            system.close();
            FileSystemUtils.deleteRecursively(data.toFile());
        }
    }

    private static Set<String> submit(TestApi api, int n, long spacing, String description) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            TestApi.Response r = api.post(
                    "/api/v1/complaints",
                    Roles.AGENT,
                    "{\"channel\":\"WEB_FORM\","
                            + "\"customer\":{\"id\":\"BENCH-" + CaseResolutionE2EIT.random() + "\"},\"description\":\""
                            + description + "\"}");
            if (r.status() != 201) throw new IllegalStateException(r.status() + " " + r.body());
            ids.add(r.json().path("id").asString());
            Thread.sleep(spacing); // a steady trickle, as complaints arrive, not one burst
        }
        return ids;
    }

    private static void report(String what, List<AlertStream.Received> alerts, Map<String, Instant> eventTimes) {
        long[] millis = alerts.stream()
                .filter(a -> eventTimes.containsKey(a.alert().path("eventId").asString()))
                .mapToLong(a -> a.arrivedAtMillis()
                        - eventTimes.get(a.alert().path("eventId").asString()).toEpochMilli())
                .sorted()
                .toArray();
        if (millis.length == 0) {
            System.out.println("RESULT " + what + ": no alert matched its event");
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT %s over %d alerts: p50 %d ms, p99 %d ms, max %d ms, min %d ms%n",
                what,
                millis.length,
                at(millis, 0.50),
                at(millis, 0.99),
                millis[millis.length - 1],
                millis[0]);
        if (millis.length < alerts.size())
            System.out.println(
                    "  (" + (alerts.size() - millis.length) + " alerts without their event found on the topic)");
        if (Arrays.stream(millis).anyMatch(m -> m < 0)) System.out.println("  (negative: clocks disagree)");
    }

    private static long at(long[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}

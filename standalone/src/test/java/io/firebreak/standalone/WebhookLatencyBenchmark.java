package io.firebreak.standalone;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Webhook delivery latency in the standalone system: from the event's time ({@code ce-time}, when intake received
 * the complaint) to the webhook's arrival at a local receiver, over complaints submitted one after another through
 * the gateway by a ticketing system subscribed to {@code firebreak.complaint.received}. Prints p50, p90, p99 and
 * max. A plain program, not a test; run it as the README says.
 *
 * <p>Arguments: complaints (default 200), pause between submissions in ms (default 50).
 */
public final class WebhookLatencyBenchmark {

    private WebhookLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long pause = args.length > 1 ? Long.parseLong(args[1]) : 50;
        ConcurrentHashMap<String, Long> latencyMicros = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            Instant arrived = Instant.now();
            exchange.getRequestBody().readAllBytes();
            Instant time = Instant.parse(exchange.getRequestHeaders().getFirst("ce-time"));
            latencyMicros.putIfAbsent(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    Duration.between(time, arrived).toNanos() / 1000);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Path data = Files.createTempDirectory("firebreak-latency");
        try (StandaloneSystem system = Firebreak.start(data, Ports.free())) {
            system.awaitReady(Duration.ofMinutes(3));
            TestApi api = new TestApi(system.gatewayUrl(), role -> "Bearer " + system.token(role));
            TestApi.Response subscribed = api.post("/api/v1/webhooks", Roles.INTEGRATION, """
                    {"url":"http://127.0.0.1:%d/hook","eventTypes":["firebreak.complaint.received"]}""".formatted(
                            receiver.getAddress().getPort()));
            if (subscribed.status() != 201) throw new IllegalStateException(subscribed.body());
            int warmUp = 20;
            for (int i = 0; i < warmUp + count; i++) {
                if (i == warmUp) {
                    awaitOrReport(() -> latencyMicros.size() >= warmUp, Duration.ofMinutes(1));
                    latencyMicros.clear();
                }
                TestApi.Response r =
                        api.post("/api/v1/complaints", Roles.INTEGRATION, """
                        {"channel":"WEB_FORM","customer":{"id":"LAT-%d-%d"},"description":"Latency probe %d"}""".formatted(System.nanoTime(), i, i));
                if (r.status() != 201) throw new IllegalStateException(r.body());
                Thread.sleep(pause);
            }
            awaitOrReport(() -> latencyMicros.size() >= count, Duration.ofMinutes(2));
            List<Long> sorted = new ArrayList<>(latencyMicros.values());
            Collections.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "%d webhooks, event to webhook received: p50 %.1f ms, p90 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms (JVM %s, %d CPUs visible)%n",
                    sorted.size(),
                    at(sorted, 0.50),
                    at(sorted, 0.90),
                    at(sorted, 0.99),
                    sorted.get(sorted.size() - 1) / 1000.0,
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            receiver.stop(0);
            org.springframework.util.FileSystemUtils.deleteRecursively(data.toFile());
            System.exit(0);
        }
    }

    private static double at(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    /** Waits for the condition; past the bound, says so and goes on to report what arrived. */
    private static void awaitOrReport(Callable<Boolean> condition, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(condition);
        } catch (ConditionTimeoutException e) {
            System.out.println("Not everything arrived within " + atMost + "; reporting what did.");
        }
    }
}

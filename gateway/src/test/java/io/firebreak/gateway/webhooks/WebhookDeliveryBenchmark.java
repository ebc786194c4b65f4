package io.firebreak.gateway.webhooks;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.EmbeddedInfrastructure;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TestEvents;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How many webhook deliveries per second one gateway sustains to a fast local receiver (answers 200 at once): one
 * gateway on the embedded broker and store, one subscription to every type, the events published while the gateway
 * is stopped, then, from its start, the time from the first delivery received to the last (consuming the backlog,
 * queueing and delivering together). A plain program, not a test; run it as the README says.
 *
 * <p>Arguments: events (default 3000), complaints they are spread over (default as many as events; 1 makes every
 * delivery wait for the one before, the strictest order).
 */
public final class WebhookDeliveryBenchmark {

    private WebhookDeliveryBenchmark() {}

    @SuppressWarnings("try") // the gateway runs while the try block waits
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int complaints = args.length > 1 ? Integer.parseInt(args[1]) : events;
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            requests.incrementAndGet();
            if (seen.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), true) == null) {
                last.set(now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        String database = "gateway-bench-" + UUID.randomUUID().toString().substring(0, 8);
        // The subscription first; then, with the gateway stopped, every event, so that the gateway started again
        // finds a backlog and the figure is its own pace, not the publisher's.
        try (ConfigurableApplicationContext gateway =
                WebhooksRestartIT.start(infrastructure, database, "logging.level.root=WARN")) {
            TestApi api = new TestApi(WebhooksRestartIT.port(gateway));
            TestApi.Response created = api.post("/api/v1/webhooks", Roles.INTEGRATION, """
                    {"url":"%s","eventTypes":["*"]}""".formatted(url));
            if (created.status() != 201) throw new IllegalStateException(created.body());
        }
        try (TestEvents publisher = new TestEvents(infrastructure.kafkaBootstrapServers())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < complaints; i++)
                ids.add("C-BENCH-" + UUID.randomUUID().toString().substring(0, 8));
            for (String id : ids) publisher.publish(WebhooksIT.received(id, WebhooksIT.CLIENT));
            for (int i = complaints; i < events; i++) {
                publisher.publish(WebhooksIT.message(ids.get(i % complaints), "message " + i));
            }
        }
        try (ConfigurableApplicationContext gateway =
                WebhooksRestartIT.start(infrastructure, database, "logging.level.root=WARN")) {
            awaitOrReport(() -> seen.size() >= events, Duration.ofMinutes(15));
            double seconds = (last.get() - first.get()) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%d deliveries over %d complaints in %.2f s: %.0f deliveries/s "
                            + "(%d requests; JVM %s, %d CPUs visible)%n",
                    seen.size(),
                    complaints,
                    seconds,
                    (seen.size() - 1) / seconds,
                    requests.get(),
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            receiver.stop(0);
            System.exit(0);
        }
    }

    /** Waits for the condition; past the bound, says so and goes on to report what arrived. */
    static void awaitOrReport(Callable<Boolean> condition, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(condition);
        } catch (ConditionTimeoutException e) {
            System.out.println("Not everything arrived within " + atMost + "; reporting what did.");
        }
    }
}

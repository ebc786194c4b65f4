package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import io.firebreak.standalone.store.ChildProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The standalone system killed with {@code kill -9} while a ticketing system hands complaints in: started again on
 * the same data directory, it has every complaint it answered {@code 201}, each once, and every one of them reaches
 * its owner — so no consumer's effect was lost behind an offset it had committed.
 */
class StandaloneCrashE2EIT {

    private static final int SENDERS = 4;

    @TempDir
    Path data;

    @Test
    void complaints_answered_201_survive_kill_9_and_each_reaches_its_owner_once() throws Exception {
        Ports ports = Ports.free();
        Map<String, String> accepted = new ConcurrentHashMap<>();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        AtomicReference<URI> gateway = new AtomicReference<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        try (ChildProcess system = ChildProcess.start(StandaloneProcess.class, data.resolve("system.log"), line -> {
            if (line.startsWith("ready ")) {
                gateway.set(URI.create(line.substring(6)));
            }
        }, data.toString(), String.valueOf(ports.kafka()), String.valueOf(ports.kafkaController()))) {
            await().atMost(Duration.ofMinutes(3)).until(() -> gateway.get() != null || !system.isAlive());
            assertThat(gateway.get()).as("the system started (see system.log)").isNotNull();
            String secret = Credentials.loadOrCreateSecret(data.resolve("jwt-secret"));
            Map<String, String> tokens = Credentials.mintPerRole(secret);
            TestApi api = new TestApi(gateway.get(), role -> "Bearer " + tokens.get(role));

            AtomicInteger tickets = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                Thread sender = new Thread(() -> {
                    while (sending.get()) {
                        String ticket = "T-" + tickets.incrementAndGet();
                        try {
                            TestApi.Response answer = api.post("/api/v1/complaints", Roles.INTEGRATION, body(ticket));
                            if (answer.status() == 201) {
                                accepted.put(ticket, answer.json().get("id").asString());
                            } else {
                                unanswered.add(ticket);
                            }
                        } catch (RuntimeException e) {
                            unanswered.add(ticket);
                        }
                    }
                }, "sender-" + i);
                sender.start();
                senders.add(sender);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= 150);
            system.kill();
            sending.set(false);
            for (Thread sender : senders) {
                sender.join(30_000);
            }
        }

        try (StandaloneSystem restarted = Firebreak.start(data, StandaloneProcess.kafkaPorts(ports.kafka(),
                ports.kafkaController()))) {
            restarted.awaitReady(Duration.ofMinutes(3));
            TestApi api = new TestApi(restarted.gatewayUrl(), role -> "Bearer " + restarted.token(role));
            // The client tries again what got no answer; a ticket the system had taken is the same complaint.
            for (String ticket : unanswered) {
                assertThat(api.post("/api/v1/complaints", Roles.INTEGRATION, body(ticket)).status()).isIn(200, 201);
            }
            accepted.forEach((ticket, id) -> {
                JsonNode items = api.get("/api/v1/complaints?externalSystem=crashtest&externalId=" + ticket,
                        Roles.INTEGRATION).json().get("items");
                assertThat(items.size()).as("complaints with ticket %s", ticket).isEqualTo(1);
                assertThat(items.get(0).get("id").asString()).isEqualTo(id);
            });
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> accepted.forEach((ticket, id) -> {
                TestApi.Response caseFile = api.get("/api/v1/complaints/" + id, Roles.INTEGRATION);
                assertThat(caseFile.json().get("status").asString()).as("status of %s", id).isEqualTo("ASSIGNED");
            }));
        }
    }

    private static String body(String ticket) {
        return """
                {"channel":"WEB_FORM","customer":{"email":"%s@example.com"},
                 "description":"Router drops the connection every hour, ticket %s",
                 "externalRef":{"system":"crashtest","id":"%s"}}""".formatted(ticket.toLowerCase(), ticket, ticket);
    }
}

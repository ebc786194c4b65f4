package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.security.JwtTokens;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The standalone system killed with {@code kill -9} while ticketing systems hand complaints in: started again on the
 * same data directory, it has every complaint it answered {@code 201}, each once, and every one of them reaches its
 * owner — so no consumer's effect was lost behind an offset it had committed.
 */
class StandaloneCrashE2EIT {

    /** Ticketing clients, each under the gateway's limit per client: together 40 complaints a second. */
    private static final int CLIENTS = 8;

    private static final long PERIOD_MILLIS = 25;
    private static final int ACCEPTED_BEFORE_THE_KILL = 150;

    @TempDir
    Path data;

    private final AtomicInteger tickets = new AtomicInteger();

    private int tickets() {
        return tickets.get();
    }

    @Test
    void complaints_answered_201_survive_kill_9_and_each_reaches_its_owner_once() throws Exception {
        Ports ports = Ports.free();
        Map<String, String> accepted = new ConcurrentHashMap<>();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        AtomicReference<URI> gateway = new AtomicReference<>();
        try (ChildProcess system = ChildProcess.start(
                StandaloneProcess.class,
                data.resolve("system.log"),
                line -> {
                    if (line.startsWith("ready ")) {
                        gateway.set(URI.create(line.substring(6)));
                    }
                },
                data.toString(),
                String.valueOf(ports.kafka()),
                String.valueOf(ports.kafkaController()))) {
            await().atMost(Duration.ofMinutes(3)).until(() -> gateway.get() != null || !system.isAlive());
            assertThat(gateway.get()).as("the system started (see system.log)").isNotNull();
            List<TestApi> clients = clients(gateway.get());

            AtomicInteger tickets = this.tickets;
            ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
            ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
            pace.scheduleAtFixedRate(
                    () -> senders.execute(() -> {
                        int n = tickets.incrementAndGet();
                        String ticket = "T-" + n;
                        try {
                            TestApi.Response answer = clients.get(n % CLIENTS)
                                    .post("/api/v1/complaints", Roles.INTEGRATION, body(ticket));
                            if (answer.status() == 201) {
                                accepted.put(ticket, answer.json().get("id").asString());
                            } else {
                                unanswered.add(ticket);
                            }
                        } catch (RuntimeException e) {
                            unanswered.add(ticket);
                        }
                    }),
                    0,
                    PERIOD_MILLIS,
                    TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= ACCEPTED_BEFORE_THE_KILL);
            system.kill();
            pace.shutdownNow();
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        long restarting = System.nanoTime();
        try (StandaloneSystem restarted =
                Firebreak.start(data, StandaloneProcess.kafkaPorts(ports.kafka(), ports.kafkaController()))) {
            restarted.awaitReady(Duration.ofMinutes(3));
            Duration readyAgain = Duration.ofNanos(System.nanoTime() - restarting);
            assertThatEveryConsumerTookBackItsPlace(restarted);
            List<TestApi> clients = clients(restarted.gatewayUrl());
            // Each client tries again, one after the other, what got no answer; a ticket the system had taken is the
            // same complaint.
            ExecutorService retries = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> retried = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                retried.add(retries.submit(() -> unanswered.stream()
                        .filter(ticket -> number(ticket) % CLIENTS == client)
                        .forEach(ticket -> await().pollDelay(Duration.ZERO)
                                .atMost(Duration.ofSeconds(30))
                                .until(() -> {
                                    int status = clients.get(client)
                                            .post("/api/v1/complaints", Roles.INTEGRATION, body(ticket))
                                            .status();
                                    return status == 200 || status == 201;
                                }))));
            }
            try {
                for (Future<?> each : retried) {
                    each.get(2, TimeUnit.MINUTES);
                }
            } finally {
                retries.shutdownNow();
            }
            Set<String> found = ConcurrentHashMap.newKeySet();
            Set<String> assigned = ConcurrentHashMap.newKeySet();
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                accepted.forEach((ticket, id) -> {
                    TestApi client = clients.get(number(ticket) % CLIENTS);
                    if (!found.contains(ticket)) {
                        TestApi.Response byReference = client.get(
                                "/api/v1/complaints?externalSystem=crashtest" + "&externalId=" + ticket,
                                Roles.INTEGRATION);
                        if (byReference.status() == 200) {
                            JsonNode items = byReference.json().get("items");
                            assertThat(items.size())
                                    .as("complaints with ticket %s", ticket)
                                    .isEqualTo(1);
                            assertThat(items.get(0).get("id").asString()).isEqualTo(id);
                            found.add(ticket);
                        }
                    }
                    if (!assigned.contains(id)) {
                        TestApi.Response caseFile = client.get("/api/v1/complaints/" + id, Roles.INTEGRATION);
                        if (caseFile.status() == 200
                                && "ASSIGNED"
                                        .equals(caseFile.json().get("status").asString())) {
                            assigned.add(id);
                        }
                    }
                });
                assertThat(found)
                        .as("acknowledged tickets found after the kill")
                        .hasSize(accepted.size());
                assertThat(assigned)
                        .as("acknowledged complaints that reached their owner")
                        .hasSize(accepted.size());
            });
            System.out.printf(
                    "Crash: submitted %d, answered 201 before the kill %d, found after the restart %d, "
                            + "lost %d, each found once; unanswered and sent again %d; %d reached ASSIGNED; "
                            + "ready again %.1f s after the restart began%n",
                    tickets(),
                    accepted.size(),
                    found.size(),
                    accepted.size() - found.size(),
                    unanswered.size(),
                    assigned.size(),
                    readyAgain.toMillis() / 1000.0);
        }
    }

    /**
     * The killed process's consumers never left their groups. Started again, each service's consumers come back under
     * the names they had (static membership) and take their places: no group holds a dead member beside them, so
     * none waits for a dead member's session to run out before its events are read.
     */
    private static void assertThatEveryConsumerTookBackItsPlace(StandaloneSystem system) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()))) {
            List<String> groups = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId)
                    .toList();
            assertThat(groups).as("consumer groups").contains("intake", "triage", "resolution", "feedback");
            Map<String, ConsumerGroupDescription> described =
                    admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
            for (String service : List.of("intake", "triage", "resolution", "feedback")) {
                assertThat(described.get(service).members())
                        .as("members of %s", service)
                        .isNotEmpty();
            }
            // Groups without members are the dead-letter readers' (they assign partitions, they never join).
            described.values().stream()
                    .filter(description -> !description.members().isEmpty())
                    .forEach(description -> {
                        String group = description.groupId();
                        assertThat(description.groupState())
                                .as("group %s", group)
                                .isEqualTo(GroupState.STABLE);
                        assertThat(description.members())
                                .as(
                                        "members of %s: each one instance's consumer, under the name it had before the kill",
                                        group)
                                .allSatisfy(member ->
                                        assertThat(member.groupInstanceId()).isPresent())
                                .extracting(member -> member.groupInstanceId().orElseThrow())
                                .doesNotHaveDuplicates();
                    });
        }
    }

    /** A client per ticketing system, each with a token of its own signed with the system's secret. */
    private List<TestApi> clients(URI gateway) {
        String secret = Credentials.loadOrCreateSecret(data.resolve("jwt-secret"));
        List<TestApi> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String token = JwtTokens.mint(
                    secret, Credentials.ISSUER, "ticketing-" + i, List.of(Roles.INTEGRATION), Duration.ofHours(1));
            clients.add(new TestApi(gateway, role -> "Bearer " + token));
        }
        return clients;
    }

    private static int number(String ticket) {
        return Integer.parseInt(ticket.substring(2));
    }

    private static String body(String ticket) {
        return """
                {"channel":"WEB_FORM","customer":{"email":"%s@example.com"},
                 "description":"Router drops the connection every hour, ticket %s",
                 "externalRef":{"system":"crashtest","id":"%s"}}""".formatted(ticket.toLowerCase(), ticket, ticket);
    }
}

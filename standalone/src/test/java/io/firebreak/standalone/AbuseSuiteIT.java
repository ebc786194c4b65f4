package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.security.StaffScope;
import io.firebreak.platform.test.TestApi;
import io.firebreak.standalone.store.ChildProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The attacks found against the standalone system, tried again against it: the whole system as a user starts it
 * (a process of its own, the shipped settings, a fresh data directory), through the gateway only. Each probe is an
 * attack that must be refused; the suite prints how many were made and refused, and names any that got through.
 */
class AbuseSuiteIT {

    private static final String GENERIC_401 = "A valid bearer token is required.";

    @TempDir
    static Path data;

    private static ChildProcess system;
    private static URI gateway;
    private static String secret;

    /** An attack, the issue item it belongs to, and what counts as refused. */
    private record Probe(
            String item, String attack, Supplier<TestApi.Response> send, Predicate<TestApi.Response> refused) {}

    @BeforeAll
    static void start() throws Exception {
        Ports ports = Ports.free();
        AtomicReference<URI> ready = new AtomicReference<>();
        system = ChildProcess.start(
                StandaloneProcess.class,
                data.resolve("system.log"),
                line -> {
                    if (line.startsWith("ready ")) ready.set(URI.create(line.substring(6)));
                },
                data.toString(),
                String.valueOf(ports.kafka()),
                String.valueOf(ports.kafkaController()));
        await().atMost(Duration.ofMinutes(3)).until(() -> ready.get() != null || !system.isAlive());
        assertThat(ready.get()).as("the system started (see system.log)").isNotNull();
        gateway = ready.get();
        secret = Files.readString(data.resolve("jwt-secret")).strip();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (system != null) system.close();
    }

    @Test
    void everyKnownAttackIsRefused() throws Exception {
        TestApi a = as("client-a", Roles.INTEGRATION);
        TestApi b = as("client-b", Roles.INTEGRATION);
        TestApi agent = staff("wang.fang", Roles.AGENT, StaffScope.EVERY);
        TestApi admin = as("admin-1", Roles.ADMIN);
        long n = System.nanoTime() % 100_000_000L;
        String phone = "139" + String.format("%08d", n);

        TestApi.Response theirs = a.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"phone":"%s","email":"a%d@example.com","id":"CRM-A1"},
                 "description":"发票重复扣款两次，请退款","orderRef":"ORD-%d",
                 "externalRef":{"system":"jira","id":"SECRET-%d"}}""".formatted(phone, n, n, n));
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        String theirId = theirs.json().get("id").asString();
        String staffs = agent.post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"137%08d"},"description":"电视黑屏"}""".formatted(n))
                .json()
                .get("id")
                .asString();
        JsonNode assigned = awaitCase(agent, theirId);
        String department = assigned.get("department").asString();
        String otherDepartment = department.equals("LOGISTICS") ? "BILLING" : "LOGISTICS";
        String complaint = "/api/v1/complaints/" + theirId;

        List<Probe> probes = new ArrayList<>();
        // 8, 3: tokens
        for (var bad : badTokens().entrySet()) {
            probes.add(new Probe(
                    "8",
                    "token: " + bad.getKey(),
                    () -> new TestApi(gateway, r -> "Bearer " + bad.getValue()).get("/api/v1/complaints", Roles.AGENT),
                    r -> r.status() == 401 && r.json().path("detail").asString().equals(GENERIC_401)));
        }
        // 1: merge across clients
        probes.add(new Probe(
                "1",
                "merge: another client's phone and order",
                () -> b.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"CHAT","customer":{"phone":"%s"},"description":"发票重复扣款","orderRef":"ORD-%d"}""".formatted(phone, n)),
                r -> r.status() == 201 && !r.body().contains(theirId)));
        probes.add(new Probe(
                "1",
                "merge: another client's e-mail and words",
                () -> as("client-c", Roles.INTEGRATION).post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"CHAT","customer":{"email":"A%d@example.com"},"description":"发票重复扣款两次，请退款"}""".formatted(n)),
                r -> r.status() == 201 && !r.body().contains(theirId)));
        // 1, 4: reading and acting on another client's complaint
        probes.add(new Probe(
                "1",
                "read another client's case file",
                () -> b.get(complaint, Roles.INTEGRATION),
                r -> r.status() == 404));
        probes.add(new Probe(
                "1",
                "message on another client's complaint",
                () -> b.post(complaint + "/messages", Roles.INTEGRATION, "{\"text\":\"hi\"}"),
                r -> r.status() == 404));
        probes.add(new Probe(
                "1",
                "attachment on another client's complaint",
                () -> b.post(complaint + "/attachments", Roles.INTEGRATION, """
                {"name":"a.png","mediaType":"image/png","size":1,"url":"https://t.example/a.png"}"""),
                r -> r.status() == 404));
        probes.add(new Probe(
                "1",
                "answer another client's proposal",
                () -> b.post(complaint + "/proposal-answer", Roles.INTEGRATION, "{\"accepted\":true}"),
                r -> r.status() == 404));
        probes.add(new Probe(
                "1",
                "find another client's ticket by its reference",
                () -> b.get("/api/v1/complaints?externalSystem=jira&externalId=SECRET-" + n, Roles.INTEGRATION),
                r -> r.status() == 200 && r.json().get("items").isEmpty()));
        probes.add(new Probe(
                "1",
                "share oneself into another client's complaint",
                () -> b.post(complaint + "/shares", Roles.INTEGRATION, "{\"client\":\"client-b\"}"),
                r -> r.status() == 403));
        // 2: customer oracle and poisoning
        probes.add(new Probe(
                "2",
                "learn a customer's id and phone from their e-mail",
                () -> b.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"email":"a%d@example.com"},"description":"另一件事：快递丢了"}""".formatted(n)),
                r -> r.status() == 201
                        && !r.json().path("customer").has("id")
                        && !r.body().contains(phone.substring(7))));
        probes.add(new Probe(
                "2",
                "bind contacts to another's customer id",
                () -> b.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"id":"CRM-A1","phone":"136%08d"},"description":"退款没到"}""".formatted(n)),
                r -> r.status() == 201
                        && r.json().path("customer").path("id").asString().equals("client-b:CRM-A1")));
        probes.add(new Probe(
                "2",
                "a client's customer id naming another client's",
                () -> b.post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"EMAIL","customer":{"id":"client-a:CRM-A1"},"description":"x"}"""),
                r -> r.status() == 400));
        // 3: identity of a client
        probes.add(new Probe(
                "3",
                "an integration token named like a staff login",
                () -> as("wang.fang", Roles.INTEGRATION).get("/api/v1/complaints/" + staffs, Roles.INTEGRATION),
                r -> r.status() == 404));
        // 5, 6: staff scoping, money
        probes.add(new Probe(
                "5",
                "acknowledge another department's case",
                () -> staff("li.lei", Roles.AGENT, otherDepartment)
                        .post("/api/v1/cases/" + theirId + "/acknowledge", Roles.AGENT, "{}"),
                r -> r.status() == 403));
        probes.add(new Probe(
                "5",
                "casework as ADMIN",
                () -> admin.post(complaint + "/shares", Roles.ADMIN, "{\"client\":\"client-b\"}"),
                r -> r.status() == 403));
        probes.add(new Probe(
                "6",
                "a refund of 5,000,000 CNY",
                () -> agent.post(
                        "/api/v1/cases/" + theirId + "/proposal", Roles.AGENT, proposal("REFUND", "5000000", "CNY")),
                r -> r.status() == 400));
        probes.add(new Probe(
                "6",
                "a goodwill gesture of 999,999 CNY",
                () -> agent.post(
                        "/api/v1/cases/" + theirId + "/proposal",
                        Roles.AGENT,
                        proposal("GOODWILL_GESTURE", "999999", "CNY")),
                r -> r.status() == 400));
        // 10, 11, 12: webhooks
        for (String url : List.of(
                "https://127.0.0.1:8081/api",
                "https://[::1]/",
                "https://0.0.0.0/",
                "https://2130706433/",
                "https://127.0.0.1:27017/",
                "https://169.254.169.254/latest/meta-data/",
                "http://example.com/hook")) {
            probes.add(new Probe(
                    "10",
                    "webhook to " + url,
                    () -> a.post(
                            "/api/v1/webhooks", Roles.INTEGRATION, "{\"url\":\"" + url + "\",\"eventTypes\":[\"*\"]}"),
                    r -> r.status() == 400));
        }
        probes.add(new Probe(
                "11",
                "an event-type glob of ten stars",
                () -> a.post(
                        "/api/v1/webhooks",
                        Roles.INTEGRATION,
                        "{\"url\":\"https://example.com/h\",\"eventTypes\":[\"**********x\"]}"),
                r -> r.status() == 400));
        probes.add(new Probe(
                "12",
                "a 16-character webhook secret",
                () -> a.post(
                        "/api/v1/webhooks",
                        Roles.INTEGRATION,
                        "{\"url\":\"https://example.com/h\",\"eventTypes\":[\"*\"],"
                                + "\"secret\":\"sixteen-chars-ok\"}"),
                r -> r.status() == 400));
        // 13, 14: resource abuse
        probes.add(new Probe(
                "13",
                "an amount of 1E+3000000",
                () -> agent.post(
                        "/api/v1/cases/" + theirId + "/proposal",
                        Roles.AGENT,
                        proposal("COMPENSATION", "1E+3000000", "CNY")),
                r -> r.status() == 400));
        probes.add(new Probe(
                "14",
                "an e-mail of 60,000 dots",
                () -> b.post(
                        "/api/v1/complaints",
                        Roles.INTEGRATION,
                        "{\"channel\":\"EMAIL\",\"customer\":{\"email\":\"a@" + ".".repeat(60_000) + "@\"},"
                                + "\"description\":\"x\"}"),
                r -> r.status() == 400));
        // 15: caps
        probes.add(new Probe(
                "15",
                "link an unknown complaint into a prevention action",
                () -> agent.post(
                        "/api/v1/prevention-actions/PA-NONE/complaints", Roles.AGENT, "{\"complaintId\":\"C-NONE\"}"),
                r -> r.status() == 404));
        // 16: rate limits dodged by forwarding headers
        probes.add(new Probe(
                "16",
                "a new X-Forwarded-For and prefix on every request",
                () -> {
                    // Faster than the limit refills (20 a second), from many threads, whatever the machine's speed.
                    TestApi anonymous = new TestApi(gateway, r -> null);
                    java.util.concurrent.ExecutorService burst = java.util.concurrent.Executors.newFixedThreadPool(16);
                    try {
                        List<java.util.concurrent.Future<TestApi.Response>> answers = new ArrayList<>();
                        for (int i = 0; i < 240; i++) {
                            int k = i;
                            answers.add(burst.submit(() -> anonymous.get(
                                    "/survey/x-" + k,
                                    null,
                                    Map.of(
                                            "X-Forwarded-For", "10.1." + (k % 250) + "." + (k / 250 + 1),
                                            "X-Forwarded-Prefix", "/p" + k))));
                        }
                        TestApi.Response limited = null;
                        for (var answer : answers) {
                            TestApi.Response response = answer.get();
                            if (response.status() == 429) limited = response;
                        }
                        // The probes after this one are from the same address: they start once its limit has refilled,
                        // so
                        // each meets the check it probes rather than this limit.
                        await().atMost(Duration.ofSeconds(10))
                                .pollInterval(Duration.ofMillis(250))
                                .until(() -> anonymous
                                                .get("/survey/refilled", null, Map.of())
                                                .status()
                                        != 429);
                        return limited != null
                                ? limited
                                : answers.get(answers.size() - 1).get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        burst.shutdownNow();
                    }
                },
                r -> r.status() == 429));
        // 17: a malformed survey link
        probes.add(new Probe(
                "17",
                "a survey link with a space, asking for JSON",
                () -> new TestApi(gateway, r -> null).get("/survey/a%20b", null, Map.of("Accept", "application/json")),
                r -> r.status() == 404));
        // 19: control characters
        for (String forged : List.of("a\u0000b", "\u001b[31mred", "invoice\u202Egnp.exe")) {
            probes.add(new Probe(
                    "19",
                    "control characters "
                            + forged.codePoints()
                                    .filter(c -> c < 32 || c > 126)
                                    .mapToObj(c -> String.format("U+%04X", c))
                                    .toList(),
                    () -> b.post(
                            "/api/v1/complaints",
                            Roles.INTEGRATION,
                            "{\"channel\":\"EMAIL\",\"customer\":{\"id\":\"CRM-9\"},\"description\":" + json(forged)
                                    + "}"),
                    r -> r.status() == 400));
        }
        probes.add(new Probe(
                "19",
                "a customer id forging a log line",
                () -> agent.post(
                        "/api/v1/complaints",
                        Roles.AGENT,
                        "{\"channel\":\"EMAIL\",\"customer\":{\"id\":\"CRM-1\\nINFO all is well\"},"
                                + "\"description\":\"x\"}"),
                r -> r.status() == 400));

        List<String> accepted = new ArrayList<>();
        for (Probe probe : probes) {
            TestApi.Response answer = probe.send().get();
            if (!probe.refused().test(answer)) {
                accepted.add(
                        "item " + probe.item() + ", " + probe.attack() + ": " + answer.status() + " " + answer.body());
            }
        }

        // 4: what a client sees of a complaint shared with it
        assertThat(agent.post(complaint + "/shares", Roles.AGENT, "{\"client\":\"client-c\"}")
                        .status())
                .isEqualTo(200);
        String shared = as("client-c", Roles.INTEGRATION)
                .get(complaint, Roles.INTEGRATION)
                .body();
        int total = probes.size() + 1;
        if (shared.contains("client-a") || shared.contains("SECRET-" + n) || shared.contains("wang.fang")) {
            accepted.add("item 4, a shared case file names the other client, its ticket or staff: " + shared);
        }
        System.out.printf("Abuse suite: %d probes, %d refused%n", total, total - accepted.size());
        accepted.forEach(line -> System.out.println("  got through: " + line));
        assertThat(accepted).as("attacks that got through").isEmpty();
    }

    /** Tokens the services must refuse, each otherwise valid, signed with the system's own secret. */
    private static Map<String, String> badTokens() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet valid = new JWTClaimsSet.Builder()
                .issuer("firebreak")
                .subject("agent-x")
                .audience(JwtTokens.AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of(Roles.AGENT))
                .claim(StaffScope.CLAIM, List.of(StaffScope.EVERY))
                .build();
        Map<String, JWTClaimsSet> claims = Map.of(
                "no subject", new JWTClaimsSet.Builder(valid).subject(null).build(),
                "empty subject", new JWTClaimsSet.Builder(valid).subject("").build(),
                "no expiry",
                        new JWTClaimsSet.Builder(valid).expirationTime(null).build(),
                "no audience",
                        new JWTClaimsSet.Builder(valid).audience((String) null).build(),
                "another audience",
                        new JWTClaimsSet.Builder(valid).audience("crm").build(),
                "a year's life",
                        new JWTClaimsSet.Builder(valid)
                                .expirationTime(Date.from(now.plus(Duration.ofDays(365))))
                                .build(),
                "another issuer", new JWTClaimsSet.Builder(valid).issuer("evil").build());
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        for (var entry : claims.entrySet()) {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), entry.getValue());
            jwt.sign(new MACSigner(JwtTokens.key(secret)));
            tokens.put(entry.getKey(), jwt.serialize());
        }
        tokens.put("alg none", new PlainJWT(valid).serialize());
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid);
        forged.sign(new MACSigner(JwtTokens.key("a-guessed-secret-that-is-at-least-32-bytes")));
        tokens.put("signed with a guessed secret", forged.serialize());
        return tokens;
    }

    private static TestApi as(String subject, String role) {
        String token = JwtTokens.mint(secret, "firebreak", subject, List.of(role), Duration.ofMinutes(30));
        return new TestApi(gateway, r -> "Bearer " + token);
    }

    private static TestApi staff(String subject, String role, String department) {
        String token = JwtTokens.mint(
                secret, "firebreak", subject, List.of(role), List.of(department), Duration.ofMinutes(30));
        return new TestApi(gateway, r -> "Bearer " + token);
    }

    private static JsonNode awaitCase(TestApi agent, String id) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            TestApi.Response response = agent.get("/api/v1/cases/" + id, Roles.AGENT);
            found[0] = response.json();
            return response.status() == 200 && found[0].path("department").isString();
        });
        return found[0];
    }

    private static String proposal(String type, String amount, String currency) {
        return "{\"steps\":[{\"what\":\"Refund\",\"who\":\"BILLING\",\"by\":\""
                + Instant.now().plusSeconds(86_400)
                + "\"}],\"remedies\":[{\"type\":\"" + type + "\",\"amount\":" + amount + ",\"currency\":\""
                + currency + "\"}]}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars()
                .forEach(c -> out.append(
                        c < 32 || c > 126
                                ? String.format("\\u%04x", c)
                                : c == '"' || c == '\\' ? "\\" + (char) c : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}

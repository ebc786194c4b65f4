package io.firebreak.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.security.ApiRoutes;
import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.security.StaffScope;
import io.firebreak.platform.test.EmbeddedInfrastructure;
import io.firebreak.platform.test.TestTokens;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The gateway in front of four stand-in services: routes, headers, roles, its own error answers and health. */
@SpringBootTest(
        classes = GatewayApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "firebreak.security.jwt-secret=" + TestTokens.SECRET,
            "firebreak.gateway.max-body-bytes=" + GatewayIT.MAX_BODY,
            "firebreak.gateway.rate-limit.requests-per-second=1000",
            "firebreak.gateway.rate-limit.burst=1000",
            "firebreak.gateway.health.timeout=2s"
        })
@DirtiesContext
class GatewayIT {

    static final int MAX_BODY = 4096;
    static final String PROBLEM_JSON = "application/problem+json";

    static final ServiceStub INTAKE = ServiceStub.start("intake");
    static final ServiceStub TRIAGE = ServiceStub.start("triage");
    static final ServiceStub RESOLUTION = ServiceStub.start("resolution");
    static final ServiceStub FEEDBACK = ServiceStub.start("feedback");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry, "gateway");
        registry.add("firebreak.gateway.services.intake", INTAKE::url);
        registry.add("firebreak.gateway.services.triage", TRIAGE::url);
        registry.add("firebreak.gateway.services.resolution", RESOLUTION::url);
        registry.add("firebreak.gateway.services.feedback", FEEDBACK::url);
    }

    @AfterAll
    static void stopStubs() {
        Stream.of(INTAKE, TRIAGE, RESOLUTION, FEEDBACK).forEach(ServiceStub::close);
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/complaints", "intake"),
                Arguments.of("GET", "/api/v1/complaints", "intake"),
                Arguments.of("GET", "/api/v1/complaints/c-1", "intake"),
                Arguments.of("POST", "/api/v1/complaints/c-1/messages", "intake"),
                Arguments.of("GET", "/api/v1/customers/cus-1/complaints", "intake"),
                Arguments.of("POST", "/api/v1/complaints/c-1/follow-up", "feedback"),
                Arguments.of("GET", "/api/v1/follow-ups", "feedback"),
                Arguments.of("POST", "/api/v1/complaints/c-1/follow-up/unanswered-calls", "feedback"),
                Arguments.of("GET", "/api/v1/prevention-actions", "feedback"),
                Arguments.of("GET", "/api/v1/prevention-actions/PA-1", "feedback"),
                Arguments.of("POST", "/api/v1/prevention-actions/PA-1/complaints", "feedback"),
                Arguments.of("GET", "/api/v1/triage/c-1", "triage"),
                Arguments.of("GET", "/api/v1/cases/c-1", "resolution"),
                Arguments.of("POST", "/api/v1/cases/c-1/acknowledge", "resolution"),
                Arguments.of("POST", "/api/v1/cases/c-1/resolve", "resolution"),
                Arguments.of("GET", "/api/v1/root-causes", "resolution"),
                Arguments.of("GET", "/api/v1/tasks", "resolution"),
                Arguments.of("POST", "/api/v1/cases/c-1/tasks/T1/decline", "resolution"));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("routes")
    void routesEachPathToItsService(String method, String path, String service) {
        String agent = TestTokens.bearer(Roles.AGENT);
        GatewayClient.Answer answer = method.equals("GET")
                ? gateway.get(path + "?status=RECEIVED", "Authorization", agent)
                : gateway.post(path, "{\"n\":1}", "Authorization", agent);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode echo = answer.json();
        assertThat(echo.path("service").asString()).isEqualTo(service);
        assertThat(echo.path("method").asString()).isEqualTo(method);
        assertThat(echo.path("path").asString()).isEqualTo(path);
        if (method.equals("GET")) {
            assertThat(echo.path("query").asString()).isEqualTo("status=RECEIVED");
        } else {
            assertThat(echo.path("body").asString()).isEqualTo("{\"n\":1}");
        }
    }

    /** Every row of the route/role table, as concrete requests: each method it names (or GET, POST, PUT, DELETE). */
    static Stream<Arguments> tableCells() {
        List<Arguments> cells = new ArrayList<>();
        for (ApiRoutes.Route route : ApiRoutes.TABLE) {
            List<String> methods = route.method() == null
                    ? List.of("GET", "POST", "PUT", "DELETE")
                    : List.of(route.method().name());
            for (String pattern : route.patterns()) {
                String path = pattern.replace("/**", "/x-1").replace("*", "c-1");
                for (String method : methods) {
                    for (String role : Roles.ALL) {
                        cells.add(Arguments.of(method, path, role));
                    }
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("tableCells")
    void theGatewayEnforcesTheOneRouteRoleTable(String method, String path, String role) {
        // A subject of its own per request: the rate limit is per subject, and this is many requests.
        String bearer = "Bearer "
                + JwtTokens.mint(
                        TestTokens.SECRET,
                        "firebreak",
                        "cell-" + UUID.randomUUID(),
                        List.of(role),
                        List.of(StaffScope.EVERY),
                        java.time.Duration.ofMinutes(5));
        HttpRequest.Builder request =
                gateway.request(path, "Authorization", bearer, "Content-Type", "application/json");
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
        GatewayClient.Answer answer = gateway.send(
                switch (method) {
                    case "GET" -> request.GET().build();
                    case "DELETE" -> request.DELETE().build();
                    default -> request.method(method, body).build();
                });
        boolean allowed = ApiRoutes.allows(HttpMethod.valueOf(method), path, role);
        assertThat(answer.status()).as(answer.response().body()).isNotEqualTo(401);
        if (allowed) {
            assertThat(answer.status())
                    .as("allowed: " + answer.response().body())
                    .isNotEqualTo(403);
        } else {
            assertThat(answer.status()).as("refused").isEqualTo(403);
        }
    }

    @Test
    void theSurveyLinkIsOpenWithoutTokenAndItsFormBodyPassesWhole() {
        String path = "/survey/" + UUID.randomUUID() + ".sig";

        GatewayClient.Answer page = gateway.get(path);
        GatewayClient.Answer answer = gateway.postForm(path, "resolved=no&score=2&comment=%E8%BF%98%E6%B2%A1%E5%A5%BD");

        assertThat(page.status()).isEqualTo(200);
        assertThat(answer.status()).isEqualTo(200);
        ServiceStub.Received seen = FEEDBACK.received(path).stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(seen.body()).contains("resolved=no", "score=2", "comment=");
        assertThat(java.net.URLDecoder.decode(seen.body(), StandardCharsets.UTF_8))
                .contains("还没好");
        // Only the survey path is open: the rest of feedback still wants a token.
        assertThat(gateway.get("/api/v1/follow-ups").status()).isEqualTo(401);
    }

    @Test
    void reportsAndRunningPreventionActionsAreForSupervisors() {
        String agent = TestTokens.bearer(Roles.AGENT);
        String supervisor = TestTokens.bearer(Roles.SUPERVISOR);

        assertThat(gateway.get("/api/v1/reports/sla", "Authorization", agent).status())
                .isEqualTo(403);
        assertThat(gateway.post("/api/v1/prevention-actions/PA-1/group-resolution", "{}", "Authorization", agent)
                        .status())
                .isEqualTo(403);
        assertThat(gateway.get("/api/v1/reports/sla", "Authorization", supervisor)
                        .json()
                        .path("service")
                        .asString())
                .isEqualTo("feedback");
        assertThat(gateway.post("/api/v1/prevention-actions/PA-1/group-resolution", "{}", "Authorization", supervisor)
                        .json()
                        .path("service")
                        .asString())
                .isEqualTo("feedback");
    }

    @Test
    void servesTheConsoleWithoutATokenAndItsSignInPickerOnlyWhereOneIsConfigured() {
        GatewayClient.Answer page = gateway.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.response().body()).contains("/console/console.js");
        assertThat(gateway.get("/console/console.js").status()).isEqualTo(200);
        // No token file is named here (only the standalone system names one): nothing to pick.
        assertThat(gateway.get("/console/sign-in").status()).isEqualTo(404);
    }

    @Test
    void tellsWhoElseHasACaseOpenToStaffOnly() {
        String path = "/console/cases/C-" + UUID.randomUUID().toString().substring(0, 8) + "/viewers";
        String agent = "Bearer "
                + JwtTokens.mint(TestTokens.SECRET, "firebreak", "li.na", List.of(Roles.AGENT), Duration.ofMinutes(5));
        String supervisor = "Bearer "
                + JwtTokens.mint(
                        TestTokens.SECRET, "firebreak", "guo.hui", List.of(Roles.SUPERVISOR), Duration.ofMinutes(5));

        assertThat(gateway.post(path, "", "Authorization", agent).response().body())
                .contains("\"others\":[]");
        assertThat(gateway.post(path, "", "Authorization", supervisor)
                        .response()
                        .body())
                .contains("\"others\":[\"li.na\"]");
        assertThat(gateway.post(path, "", "Authorization", agent).response().body())
                .contains("\"others\":[\"guo.hui\"]");
        assertThat(gateway.post(path, "", "Authorization", TestTokens.bearer(Roles.INTEGRATION))
                        .status())
                .isEqualTo(403);
        assertThat(gateway.post(path, "").status()).isEqualTo(401);
    }

    @Test
    void forwardsAuthorizationCorrelationIdTraceparentAndIdempotencyKey() {
        String path = "/api/v1/complaints/" + UUID.randomUUID();
        String token = TestTokens.bearer(Roles.AGENT);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        GatewayClient.Answer answer = gateway.post(
                path + "/follow-up",
                "{}",
                "Authorization",
                token,
                "X-Correlation-Id",
                "corr-42",
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01",
                "Idempotency-Key",
                "key-7");

        assertThat(answer.status()).isEqualTo(200);
        ServiceStub.Received seen = FEEDBACK.received(path + "/follow-up").get(0);
        assertThat(seen.header("Authorization")).isEqualTo(token);
        assertThat(seen.header("X-Correlation-Id")).isEqualTo("corr-42");
        assertThat(seen.header("Idempotency-Key")).isEqualTo("key-7");
        // Same trace, the gateway's own span.
        assertThat(seen.header("traceparent"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .isNotEqualTo("00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(answer.response().headers().allValues("X-Correlation-Id")).containsExactly("corr-42");
    }

    @Test
    void givesARequestWithoutCorrelationIdOneAndTheServiceSeesIt() {
        String path = "/api/v1/triage/" + UUID.randomUUID();

        GatewayClient.Answer answer = gateway.get(path, "Authorization", TestTokens.bearer(Roles.AGENT));

        assertThat(answer.status()).isEqualTo(200);
        String correlationId = answer.header("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        ServiceStub.Received seen = TRIAGE.received(path).get(0);
        assertThat(seen.header("X-Correlation-Id")).isEqualTo(correlationId);
        assertThat(seen.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    @Test
    void passesTheServiceAnswerThroughUnchanged() {
        GatewayClient.Answer answer = gateway.get(
                "/api/v1/cases/c-9", "Authorization", TestTokens.bearer(Roles.AGENT), ServiceStub.STATUS_HEADER, "409");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("service").asString()).isEqualTo("resolution");
    }

    @Test
    void answers401ProblemWithoutToken() {
        String path = "/api/v1/complaints/" + UUID.randomUUID();

        GatewayClient.Answer answer = gateway.get(path);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.json().path("status").asInt()).isEqualTo(401);
        assertThat(INTAKE.received(path)).isEmpty();
    }

    @Test
    void answers401ProblemForAForgedToken() {
        String forged = JwtTokens.mint(
                "another-secret-that-is-32-bytes-long!",
                "firebreak",
                "mallory",
                List.of(Roles.AGENT),
                Duration.ofMinutes(5));

        GatewayClient.Answer answer = gateway.get("/api/v1/cases/c-1", "Authorization", "Bearer " + forged);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
    }

    @Test
    void answers403ProblemForTheWrongRole() {
        String casePath = "/api/v1/cases/" + UUID.randomUUID();
        String followUpPath = "/api/v1/complaints/" + UUID.randomUUID() + "/follow-up";
        String integration = TestTokens.bearer(Roles.INTEGRATION);

        GatewayClient.Answer caseAnswer = gateway.get(casePath, "Authorization", integration);
        GatewayClient.Answer followUp = gateway.post(followUpPath, "{}", "Authorization", integration);
        GatewayClient.Answer triage = gateway.get("/api/v1/triage/c-1", "Authorization", integration);
        GatewayClient.Answer admin = gateway.get(casePath, "Authorization", TestTokens.bearer(Roles.ADMIN));

        for (GatewayClient.Answer answer : new GatewayClient.Answer[] {caseAnswer, followUp, triage, admin}) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
            assertThat(answer.json().path("status").asInt()).isEqualTo(403);
        }
        assertThat(RESOLUTION.received(casePath)).isEmpty();
        assertThat(FEEDBACK.received(followUpPath)).isEmpty();
    }

    @Test
    void onlyAdminReplacesTheRuleSetAndTheRoutingTableAndSupervisorsMayReadThem() {
        for (String path : new String[] {"/api/v1/triage/rules", "/api/v1/triage/routing"}) {
            assertThat(gateway.put(path, "{}", "Authorization", TestTokens.bearer(Roles.AGENT))
                            .status())
                    .as("agent replaces %s", path)
                    .isEqualTo(403);
            assertThat(gateway.put(path, "{}", "Authorization", TestTokens.bearer(Roles.SUPERVISOR))
                            .status())
                    .as("supervisor replaces %s", path)
                    .isEqualTo(403);
            assertThat(gateway.get(path, "Authorization", TestTokens.bearer(Roles.AGENT))
                            .status())
                    .as("agent reads %s", path)
                    .isEqualTo(403);
            assertThat(gateway.get(path, "Authorization", TestTokens.bearer(Roles.SUPERVISOR))
                            .status())
                    .as("supervisor reads %s", path)
                    .isEqualTo(200);
            assertThat(gateway.put(path, "{}", "Authorization", TestTokens.bearer(Roles.ADMIN))
                            .status())
                    .as("admin replaces %s", path)
                    .isEqualTo(200);
            assertThat(TRIAGE.received(path)).hasSize(2);
        }
    }

    @Test
    void letsIntegrationCreateAndReadComplaintsAndSupervisorActAsAgent() {
        String integration = TestTokens.bearer(Roles.INTEGRATION);
        String supervisor = TestTokens.bearer(Roles.SUPERVISOR);

        assertThat(gateway.post("/api/v1/complaints", "{}", "Authorization", integration)
                        .status())
                .isEqualTo(200);
        assertThat(gateway.get("/api/v1/complaints/c-1", "Authorization", integration)
                        .status())
                .isEqualTo(200);
        assertThat(gateway.get("/api/v1/cases/c-1", "Authorization", supervisor).status())
                .isEqualTo(200);
        assertThat(gateway.get("/api/v1/follow-ups", "Authorization", supervisor)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void answers404ProblemForAPathWithoutRoute() {
        int before = allReceived();

        GatewayClient.Answer api = gateway.get("/api/v1/nowhere/1", "Authorization", TestTokens.bearer(Roles.AGENT));
        GatewayClient.Answer outside = gateway.get("/nowhere", "Authorization", TestTokens.bearer(Roles.AGENT));

        for (GatewayClient.Answer answer : new GatewayClient.Answer[] {api, outside}) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
            assertThat(answer.json().path("status").asInt()).isEqualTo(404);
        }
        assertThat(allReceived()).isEqualTo(before);
    }

    @Test
    void answers413ProblemForADeclaredOversizeBodyAndNothingReachesTheService() {
        String path = "/api/v1/complaints";
        int before = INTAKE.received(path).size();

        GatewayClient.Answer answer =
                gateway.postSized(path, body(MAX_BODY + 1), "Authorization", TestTokens.bearer(Roles.AGENT));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(answer.json().path("status").asInt()).isEqualTo(413);
        assertThat(INTAKE.received(path)).hasSize(before);
    }

    @Test
    void answers413ProblemForAChunkedOversizeBodyAndNothingReachesTheService() {
        String path = "/api/v1/complaints";
        int before = INTAKE.received(path).size();

        GatewayClient.Answer answer =
                gateway.postChunked(path, body(MAX_BODY * 2), "Authorization", TestTokens.bearer(Roles.AGENT));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(answer.json().path("status").asInt()).isEqualTo(413);
        assertThat(INTAKE.received(path)).hasSize(before);
    }

    @Test
    void forwardsAChunkedBodyWithinTheLimitWhole() {
        String path = "/api/v1/cases/" + UUID.randomUUID() + "/resolve";
        byte[] body = body(MAX_BODY);

        GatewayClient.Answer answer = gateway.postChunked(path, body, "Authorization", TestTokens.bearer(Roles.AGENT));

        assertThat(answer.status()).isEqualTo(200);
        ServiceStub.Received seen = RESOLUTION.received(path).get(0);
        assertThat(seen.body()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(seen.header("Content-Length")).isEqualTo(String.valueOf(MAX_BODY));
    }

    @Test
    void healthIsDownWhileAServiceIsNotReadyNamingItAndTheGatewayStaysReady() {
        TRIAGE.ready(false);
        try {
            GatewayClient.Answer health =
                    gateway.get("/actuator/health", "Authorization", TestTokens.bearer(Roles.ADMIN));
            GatewayClient.Answer readiness = gateway.get("/actuator/health/readiness");

            assertThat(health.status()).isEqualTo(503);
            assertThat(readiness.status())
                    .as("one service not ready takes only its routes out")
                    .isEqualTo(200);
            JsonNode downstream = health.json().path("components").path("downstream");
            assertThat(downstream.path("status").asString()).isEqualTo("DOWN");
            assertThat(downstream.path("details").path("triage").path("status").asString())
                    .isEqualTo("DOWN");
            assertThat(downstream.path("details").path("intake").path("status").asString())
                    .isEqualTo("UP");
        } finally {
            TRIAGE.ready(true);
        }

        GatewayClient.Answer health = gateway.get("/actuator/health", "Authorization", TestTokens.bearer(Roles.ADMIN));
        GatewayClient.Answer readiness = gateway.get("/actuator/health/readiness");

        assertThat(health.status()).isEqualTo(200);
        assertThat(readiness.json().has("components"))
                .as("anonymous callers see the status only")
                .isFalse();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(health.json()
                        .path("components")
                        .path("downstream")
                        .path("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void healthFanOut_theWholeSystemsHealthAskedManyTimesAsksTheServicesOnceAWhile() {
        int before = INTAKE.readinessChecks();
        for (int i = 0; i < 10; i++) {
            assertThat(gateway.get("/actuator/health").status()).isEqualTo(200);
        }
        assertThat(INTAKE.readinessChecks() - before)
                .as("answered from a copy at most 2 s old")
                .isLessThanOrEqualTo(2);
    }

    private static int allReceived() {
        return Stream.of(INTAKE, TRIAGE, RESOLUTION, FEEDBACK)
                .mapToInt(s -> s.received().size())
                .sum();
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        body[0] = '"';
        body[size - 1] = '"';
        return body;
    }
}

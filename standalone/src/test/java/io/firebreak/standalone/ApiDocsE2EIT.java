package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.system;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.security.ApiRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's description through the gateway: the UI loads at {@code /swagger-ui.html} and offers every service's
 * OpenAPI document and the gateway's own, each pointing "try it out" at the gateway; and the documents and the one
 * route/role table ({@link ApiRoutes}) agree both ways: every documented operation has its row (who may call it is
 * decided, not left to a default), and every row names a route that exists.
 */
class ApiDocsE2EIT {

    private static final List<String> DOCUMENTS = List.of(
            "/api-docs/intake", "/api-docs/triage", "/api-docs/resolution", "/api-docs/feedback", "/v3/api-docs");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Every documented operation: "GET /api/v1/complaints/{id}" → the document it is in. */
    private static final Map<String, String> operations = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws Exception {
        URI gateway = system().gatewayUrl();
        for (String document : DOCUMENTS) {
            HttpResponse<String> response = get(document);
            assertThat(response.statusCode()).as(document).isEqualTo(200);
            JsonNode doc = JSON.readTree(response.body());
            assertThat(doc.path("servers").path(0).path("url").asString())
                    .as("%s tries things at the gateway", document)
                    .isEqualTo(gateway.toString().replaceAll("/$", ""));
            assertThat(doc.path("components").path("securitySchemes").has("bearer"))
                    .as(document)
                    .isTrue();
            doc.path("paths")
                    .properties()
                    .forEach(path -> path.getValue()
                            .propertyNames()
                            .forEach(method ->
                                    operations.put(method.toUpperCase(Locale.ROOT) + " " + path.getKey(), document)));
        }
        assertThat(operations).hasSizeGreaterThan(50);
    }

    @Test
    void theUiLoadsThroughTheGatewayAndOffersEveryDocument() throws Exception {
        HttpResponse<String> page = get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        JsonNode config = JSON.readTree(get("/v3/api-docs/swagger-config").body());
        List<String> offered = new ArrayList<>();
        config.path("urls").forEach(u -> offered.add(u.path("url").asString()));
        assertThat(offered).containsExactlyInAnyOrderElementsOf(DOCUMENTS);
    }

    @Test
    void everyDocumentedOperationHasItsRowInTheRouteTable() {
        List<String> unruled =
                operations.keySet().stream().filter(op -> row(op) == null).toList();
        assertThat(unruled).as("operations no row of ApiRoutes decides").isEmpty();
    }

    @Test
    void everyRowOfTheRouteTableNamesADocumentedRoute() {
        List<String> nowhere = new ArrayList<>();
        for (ApiRoutes.Route route : ApiRoutes.TABLE) {
            for (String pattern : route.patterns()) {
                boolean documented = operations.keySet().stream().anyMatch(op -> {
                    String[] parts = op.split(" ", 2);
                    return (route.method() == null || route.method().name().equals(parts[0]))
                            && PATHS.match(pattern, concrete(parts[1]));
                });
                if (!documented)
                    nowhere.add((route.method() == null ? "*" : route.method().name()) + " " + pattern);
            }
        }
        assertThat(nowhere)
                .as("rows of ApiRoutes for routes no document describes")
                .isEmpty();
    }

    /** The first row of the table that decides this operation, or null. */
    private static ApiRoutes.Route row(String operation) {
        String[] parts = operation.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        for (ApiRoutes.Route route : ApiRoutes.TABLE) {
            if (route.method() != null && !route.method().equals(method)) continue;
            if (route.patterns().stream().anyMatch(p -> PATHS.match(p, concrete(parts[1])))) return route;
        }
        return null;
    }

    /** {@code /api/v1/complaints/{id}} → {@code /api/v1/complaints/x}: a path the patterns can be matched on. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "x");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(system().gatewayUrl().resolve(path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package io.firebreak.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Asks every service behind the gateway whether it is ready ({@code /actuator/health/readiness}), all at once
 * and each within a short timeout. DOWN until all are UP, so the gateway is ready only when the whole system is;
 * when that is not required it stays UP and only reports what it found.
 */
class DownstreamHealthIndicator implements HealthIndicator {

    static final String READINESS_PATH = "/actuator/health/readiness";

    private final Map<String, URI> services;
    private final Duration timeout;
    private final boolean required;
    private final HttpClient client;

    DownstreamHealthIndicator(Map<String, URI> services, Duration timeout, boolean required) {
        this.services = services;
        this.timeout = timeout;
        this.required = required;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Health health() {
        Map<String, CompletableFuture<Map<String, Object>>> checks = new LinkedHashMap<>();
        services.forEach((name, base) -> checks.put(name, check(readiness(base))));
        Map<String, Object> details = new LinkedHashMap<>();
        boolean allUp = true;
        for (var check : checks.entrySet()) {
            Map<String, Object> result = check.getValue().join();
            allUp &= "UP".equals(result.get("status"));
            details.put(check.getKey(), result);
        }
        Health.Builder health = allUp || !required ? Health.up() : Health.down();
        return health.withDetails(details).withDetail("required", required).build();
    }

    private CompletableFuture<Map<String, Object>> check(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .<Map<String, Object>>thenApply(response -> Map.of(
                        "status", response.statusCode() == 200 ? "UP" : "DOWN",
                        "url", uri.toString(),
                        "httpStatus", response.statusCode()))
                .exceptionally(e -> Map.of(
                        "status", "DOWN",
                        "url", uri.toString(),
                        "error", String.valueOf(e.getCause() != null ? e.getCause() : e)));
    }

    private static URI readiness(URI base) {
        String root = base.toString().endsWith("/")
                ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + READINESS_PATH);
    }
}

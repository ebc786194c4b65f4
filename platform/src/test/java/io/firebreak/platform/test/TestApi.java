package io.firebreak.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls a service over real HTTP with a bearer token of the given role (none when the role is null). */
public final class TestApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Function<String, String> bearer;

    /** A service on this machine's port, with tokens signed by the test secret ({@link TestTokens}). */
    public TestApi(int port) {
        this(URI.create("http://localhost:" + port), TestTokens::bearer);
    }

    /** Any base address, with the {@code Authorization} value for a role given by {@code bearer}. */
    public TestApi(URI base, Function<String, String> bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    public Response get(String path, String role) {
        return send(request(path, role, Map.of()).GET());
    }

    /** A GET with further headers, e.g. {@code Accept}. */
    public Response get(String path, String role, Map<String, String> headers) {
        return send(request(path, role, headers).GET());
    }

    /** A POST of an HTML form ({@code application/x-www-form-urlencoded}). */
    public Response postForm(String path, String role, String form) {
        return send(request(path, role, Map.of())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Response post(String path, String role, String json) {
        return post(path, role, json, Map.of());
    }

    /** A POST with further headers, e.g. {@code X-Correlation-Id}. */
    public Response post(String path, String role, String json, Map<String, String> headers) {
        return send(request(path, role, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String role) {
        return send(request(path, role, Map.of()).DELETE());
    }

    public Response put(String path, String role, String json) {
        return send(request(path, role, Map.of())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String role, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (role != null) builder.header("Authorization", bearer.apply(role));
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A status, the headers and the body, which {@link #json()} reads as JSON. */
    public record Response(int status, HttpHeaders headers, String body) {

        /** The body as JSON; a missing node when there is no body. */
        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }
    }
}

package io.firebreak.gateway.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream in the background, keeping each event's id, name and data. */
final class SseClient implements AutoCloseable {

    /** One received event. */
    record Event(String id, String name, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;
    private volatile boolean ended;

    SseClient(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (headers.length > 0) request.headers(headers);
        response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()
                .sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            status = answer.statusCode();
            String[] id = {null};
            String[] name = {null};
            List<String> data = new ArrayList<>();
            try (Stream<String> lines = answer.body()) {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) events.add(new Event(id[0], name[0], String.join("\n", data)));
                        id[0] = null;
                        name[0] = null;
                        data.clear();
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1));
                    } else if (line.startsWith("id:")) {
                        id[0] = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                });
                ended = true;
            } catch (RuntimeException closed) {
                // The test closed the stream.
            }
        });
    }

    int status() {
        return status;
    }

    /** Whether the server ended the stream. */
    boolean ended() {
        return ended;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}

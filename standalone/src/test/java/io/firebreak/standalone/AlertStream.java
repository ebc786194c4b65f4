package io.firebreak.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A supervisor's client of the gateway's alert stream ({@code GET /api/v1/alerts/stream}, server-sent events) as a
 * browser's EventSource would be: it reads {@code id:}, {@code event:} and {@code data:} lines, and may reconnect
 * with {@code Last-Event-ID}. {@link #close()} drops the connection, as a client going away does.
 */
final class AlertStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One alert as it arrived: its SSE id, the alert, and when the line reached this client (epoch ms). */
    record Received(long id, JsonNode alert, long arrivedAtMillis) {

        String complaintId() {
            return alert.path("complaintId").asString();
        }

        String kind() {
            return alert.path("kind").asString();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private volatile int status;
    private String id;
    private StringBuilder data = new StringBuilder();

    private AlertStream() {}

    /**
     * Connects (with {@code Last-Event-ID} unless {@code lastEventId} is null) and waits for the answer's headers. As
     * a polite client does, it waits and tries again while the gateway answers 429 (the caller's rate limit, which a
     * test that has just made many requests with the same token can reach), for at most 30 s; any other answer but
     * 200 fails.
     */
    static AlertStream open(URI gateway, String bearer, Long lastEventId) {
        AtomicReference<AlertStream> opened = new AtomicReference<>();
        Awaitility.await("the alert stream answered 200, not 429")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    AlertStream stream = connect(gateway, bearer, lastEventId);
                    if (stream.status == 200) {
                        opened.set(stream);
                        return true;
                    }
                    stream.close();
                    if (stream.status != 429) {
                        throw new IllegalStateException("the alert stream answered " + stream.status);
                    }
                    System.out.println("The alert stream answered 429 (the caller's rate limit); trying again");
                    return false;
                });
        return opened.get();
    }

    private static AlertStream connect(URI gateway, String bearer, Long lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/api/v1/alerts/stream"))
                .header("Authorization", bearer)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) request.header("Last-Event-ID", String.valueOf(lastEventId));
        AlertStream stream = new AlertStream();
        CompletableFuture<HttpResponse<Void>> answer = HTTP.sendAsync(request.build(), info -> {
            stream.status = info.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(stream.lines());
        });
        answer.whenComplete((response, failure) -> {
            if (failure != null) stream.connected.completeExceptionally(failure);
        });
        stream.connected.orTimeout(30, TimeUnit.SECONDS).join();
        return stream;
    }

    /** Everything received so far, in order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits (bounded) until the alerts received that match reach {@code count}, and returns those. */
    List<Received> await(Predicate<Received> filter, int count, Duration atMost) {
        Awaitility.await()
                .atMost(atMost)
                .until(() -> received.stream().filter(filter).count() >= count);
        return received.stream().filter(filter).toList();
    }

    /** The id of the last alert received, null if none. */
    Long lastId() {
        List<Received> all = received();
        return all.isEmpty() ? null : all.get(all.size() - 1).id();
    }

    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
    }

    private Flow.Subscriber<String> lines() {
        return new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
                connected.complete(null);
            }

            @Override
            public void onNext(String line) {
                if (!closed) line(line);
            }

            @Override
            public void onError(Throwable e) {
                connected.completeExceptionally(e);
            }

            @Override
            public void onComplete() {
                // The server ended the stream (timeout); a test reconnects if it needs more.
            }
        };
    }

    /** SSE framing: fields until a blank line, which dispatches the event; lines starting with ':' are comments. */
    private void line(String line) {
        if (line.isEmpty()) {
            if (id != null && data.length() > 0) {
                received.add(
                        new Received(Long.parseLong(id), JSON.readTree(data.toString()), System.currentTimeMillis()));
            }
            id = null;
            data = new StringBuilder();
        } else if (line.startsWith("id:")) {
            id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
            if (data.length() > 0) data.append('\n');
            data.append(line.substring(5).stripLeading());
        }
    }
}

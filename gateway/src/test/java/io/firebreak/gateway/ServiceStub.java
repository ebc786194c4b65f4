package io.firebreak.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for a service: answers its readiness probe (ready or not, as set), and echoes every other request
 * (service name, method, path, query, headers, body) as JSON, keeping what it received.
 */
public final class ServiceStub implements AutoCloseable {

    static final String STATUS_HEADER = "X-Stub-Status";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as the stub saw it; header names in lower case. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger readinessChecks =
            new java.util.concurrent.atomic.AtomicInteger();

    /** How often the gateway asked this service whether it is ready. */
    int readinessChecks() {
        return readinessChecks.get();
    }

    private volatile boolean ready = true;
    private volatile CountDownLatch hold;

    private ServiceStub(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static ServiceStub start(String name) {
        return new ServiceStub(name);
    }

    /** A local URL where nothing listens: connecting is refused. */
    public static String refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void ready(boolean ready) {
        this.ready = ready;
    }

    /** Holds every answer back until the returned latch is counted down (or ten seconds pass). */
    CountDownLatch holdAnswers() {
        CountDownLatch latch = new CountDownLatch(1);
        hold = latch;
        return latch;
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/actuator/health/readiness")) {
                readinessChecks.incrementAndGet();
                answer(exchange, ready ? 200 : 503, Map.of("status", ready ? "UP" : "DOWN"));
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            Received request = new Received(
                    exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers, body);
            received.add(request);
            CountDownLatch latch = hold;
            if (latch != null) {
                latch.await(10, TimeUnit.SECONDS);
            }
            String correlationId = request.header("X-Correlation-Id");
            if (correlationId != null) {
                exchange.getResponseHeaders().set("X-Correlation-Id", correlationId); // as a service does
            }
            String status = request.header(STATUS_HEADER);
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", request.method());
            echo.put("path", path);
            echo.put("query", request.query());
            echo.put("headers", headers);
            echo.put("body", body);
            answer(exchange, status == null ? 200 : Integer.parseInt(status), echo);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        CountDownLatch latch = hold;
        if (latch != null) latch.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.firebreak.gateway.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver for webhooks, on a random port of this machine, that does what a ticketing system should:
 * verifies the signature (refusing old timestamps), de-duplicates by delivery id, and processes each delivery
 * once. It can be told to answer 500, to be slow, to take longer than the sender waits, or to be stopped
 * (connections refused) and started again on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    /** How it answers: at once; 500; slowly (processed, then answered after the delay). */
    enum Mode {
        OK,
        FAIL,
        SLOW
    }

    /** One request as received; {@code verified} when its signature checked out. */
    record Hit(
            String deliveryId, Map<String, String> headers, String body, boolean verified, Instant at, int answered) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** An attribute of the CloudEvent in the body: {@code id}, {@code type}, {@code subject}, ... */
        String event(String attribute) {
            return JSON.readTree(body).path(attribute).asString();
        }
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /** A secret in the Standard Webhooks form ({@code whsec_} + base64 of 32 bytes), derived from {@code name}. */
    static String secret(String name) {
        try {
            byte[] key =
                    java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "whsec_" + java.util.Base64.getEncoder().encodeToString(key);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final String secret;
    private final int port;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, Hit> processed = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Mode mode = Mode.OK;
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;

    private WebhookReceiver(String secret, int port) {
        this.secret = secret;
        this.port = port;
    }

    /** A receiver on a free port that verifies signatures made with {@code secret}. */
    static WebhookReceiver start(String secret) {
        WebhookReceiver receiver = new WebhookReceiver(secret, 0);
        return receiver.listen(0);
    }

    private WebhookReceiver listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/firebreak";
    }

    void answer(Mode mode) {
        answer(mode, Duration.ZERO);
    }

    void answer(Mode mode, Duration delay) {
        this.delay = delay;
        this.mode = mode;
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    void stop() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    void restart() {
        listen(server.getAddress().getPort());
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** The deliveries processed, each once, in the order they were first processed. */
    synchronized List<Hit> processed() {
        return new ArrayList<>(processed.values());
    }

    /** How many requests carried a delivery id that was processed before (what de-duplication absorbed). */
    synchronized int duplicates() {
        return (int) hits.stream().filter(h -> h.answered() == 200).count() - processed.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        String deliveryId = headers.get("webhook-id");
        boolean verified = verify(deliveryId, headers.get("webhook-timestamp"), headers.get("webhook-signature"), body);
        Mode now = mode;
        int status = !verified ? 401 : now == Mode.FAIL ? 500 : 200;
        if (status == 200) {
            synchronized (this) {
                processed.putIfAbsent(deliveryId, new Hit(deliveryId, headers, body, true, Instant.now(), 200));
            }
        }
        hits.add(new Hit(deliveryId, headers, body, verified, Instant.now(), status));
        if (now == Mode.SLOW) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException gone) {
            // The sender stopped waiting; what was processed stays processed.
        } finally {
            exchange.close();
        }
    }

    /**
     * The check a receiver makes (Standard Webhooks): the timestamp recent, and one of the space-separated
     * {@code v1,<base64>} signatures the HMAC-SHA256, keyed with the secret's bytes, of {@code id.timestamp.body}.
     */
    private boolean verify(String id, String timestamp, String signatures, String body) {
        return verify(secret, id, timestamp, signatures, body);
    }

    /** Whether {@code secret} verifies the delivery as received. */
    static boolean verifies(String secret, Hit hit) {
        return verify(
                secret,
                hit.header("webhook-id"),
                hit.header("webhook-timestamp"),
                hit.header("webhook-signature"),
                hit.body());
    }

    private static boolean verify(String secret, String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null) return false;
        long sent = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - sent) > TOLERANCE.toSeconds()) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(
                                expected, java.util.Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.firebreak.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.security.StaffScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider for the console's sign-in, as small as the code flow with PKCE (RFC 7636) needs: {@code
 * /authorize} signs in its one user at once (a real provider would ask who) and sends the browser back with a code;
 * {@code /token} exchanges the code for an access token only with the verifier whose digest came with it, once, for
 * the same client and address, and answers the console's origin (CORS). The token is signed as the standalone
 * system's gateway checks tokens (its secret, in the data directory once the system started).
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "firebreak-console";
    static final String USER = "li.na";

    private final HttpServer server;
    private final Path secretFile;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    /** Codes exchanged for a token after their verifier matched. */
    final AtomicInteger exchanged = new AtomicInteger();

    private record Grant(String challenge, String redirectUri, String clientId) {}

    TestIdentityProvider(Path secretFile) {
        this.secretFile = secretFile;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    URI base() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id"))
                || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null
                || query.get("redirect_uri") == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("code_challenge"), query.get("redirect_uri"), CLIENT_ID));
        exchange.getResponseHeaders()
                .add(
                        "Location",
                        query.get("redirect_uri") + "?code=" + code + "&state="
                                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (!"authorization_code".equals(form.get("grant_type"))
                || grant == null
                || !grant.clientId().equals(form.get("client_id"))
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        exchanged.incrementAndGet();
        String token = JwtTokens.mint(
                Files.readString(secretFile).strip(),
                Credentials.ISSUER,
                USER,
                List.of(Roles.AGENT),
                List.of(StaffScope.EVERY),
                Duration.ofHours(1));
        answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return values;
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 0) continue;
            values.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

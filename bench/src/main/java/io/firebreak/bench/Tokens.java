package io.firebreak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens for many clients. The gateway limits each client (token subject) to a few requests a second, as
 * it should; real load comes from many clients, so the benchmark signs a token per simulated client with the
 * standalone system's own secret ({@code <data>/jwt-secret}, beside {@code tokens.env}).
 */
final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final String issuer;

    Tokens(Path dataDir, String issuer) {
        Path file = dataDir.resolve("jwt-secret");
        try {
            this.secret = Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read " + file + ": is the standalone system running from this "
                            + "directory (./mvnw -pl standalone -am spring-boot:run)?",
                    e);
        }
        this.issuer = issuer;
    }

    /** {@code count} tokens for subjects {@code bench-<role>-<n>}, each with the one role, valid for a day. */
    List<String> mint(String role, int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(mint("bench-" + role.toLowerCase(Locale.ROOT) + "-" + i, role));
        }
        return tokens;
    }

    String mint(String subject, String role) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String claims = String.format(
                Locale.ROOT,
                "{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"firebreak\",\"jti\":\"%s\",\"iat\":%d,\"exp\":%d,"
                        + "\"roles\":[\"%s\"],\"departments\":[\"*\"]}",
                issuer,
                subject,
                UUID.randomUUID(),
                now,
                now + 86_400,
                role);
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "."
                    + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

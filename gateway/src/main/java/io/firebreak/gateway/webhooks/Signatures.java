package io.firebreak.gateway.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deliveries are signed as <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> sign them, so that a
 * receiver can check them with any of its libraries: {@code webhook-id} (the delivery id, the same on every
 * attempt), {@code webhook-timestamp} (unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "<id>.<timestamp>.<body>">}, one such signature per secret in use, separated by spaces (two while a rotated
 * secret's overlap lasts). The key is the secret's bytes: a secret is {@code whsec_} and the base64 of 24 to 64
 * random bytes. Signing the id and the time with the body lets a receiver refuse a replay (an old timestamp, an id
 * seen before) and a body or id changed on the way; the event's own id, type, source and subject travel in the
 * body (a structured CloudEvent), so they are signed too.
 */
final class Signatures {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    static final String PREFIX = "whsec_";
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {}

    /** A new secret: {@code whsec_} and the base64 of 32 random bytes. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Why {@code secret} is not one (null if it is). */
    static String problem(String secret) {
        if (!secret.startsWith(PREFIX)) return "must start with " + PREFIX;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return "must be " + PREFIX + " and base64";
        }
        return key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES
                ? "must hold " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes of key (base64 after " + PREFIX + ")"
                : null;
    }

    /** The {@code webhook-signature} header: one {@code v1,} signature per secret. */
    static String header(List<String> secrets, String id, long unixSeconds, String body) {
        String content = id + "." + unixSeconds + "." + body;
        return secrets.stream()
                .map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), content)))
                .collect(Collectors.joining(" "));
    }

    /**
     * The signing key: the bytes a {@code whsec_} secret encodes; a secret of a subscription made before secrets
     * took that form signs with its characters' bytes.
     */
    static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // not base64 after all: an older secret that happens to start so
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

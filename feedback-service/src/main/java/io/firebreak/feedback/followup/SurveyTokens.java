package io.firebreak.feedback.followup;

import io.firebreak.feedback.FeedbackProperties;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The survey link's token: which complaint and resolution it follows up and until when, signed with HMAC-SHA256
 * so it cannot be forged or altered. Single use is not the token's job: the store answers a follow-up once.
 */
final class SurveyTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final FeedbackProperties.Survey settings;

    SurveyTokens(FeedbackProperties.Survey settings) {
        this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
        this.settings = settings;
    }

    /** What a valid token says. */
    record Claims(String complaintId, String resolutionId, Instant expiresAt) {}

    /** A link to the survey of this resolution, and when it stops working. */
    record Link(String url, String token, Instant expiresAt) {}

    Link issue(String complaintId, String resolutionId, Instant now) {
        Instant expiresAt = now.plus(settings.validFor());
        // A random nonce: no two links alike, and nothing in one guessable from what a ticketing system sees.
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String payload = complaintId + "\n" + resolutionId + "\n" + expiresAt.getEpochSecond() + "\n"
                + ENCODER.encodeToString(nonce);
        String token = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(sign(payload));
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl() : settings.baseUrl() + "/";
        return new Link(base + "survey/" + token, token, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    /** The claims of a token signed here, or empty for anything else (forged, altered, malformed). */
    Optional<Claims> verify(String token) {
        if (token == null || token.length() > 2000) return Optional.empty();
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) return Optional.empty();
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(payload), signature)) return Optional.empty();
            String[] parts = payload.split("\n", -1);
            // Three parts: a link issued before links carried a nonce, signed with this secret all the same.
            if (parts.length != 3 && parts.length != 4) return Optional.empty();
            return Optional.of(new Claims(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

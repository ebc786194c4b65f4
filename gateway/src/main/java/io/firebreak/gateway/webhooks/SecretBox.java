package io.firebreak.gateway.webhooks;

import io.firebreak.platform.security.Secrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the subscriptions' signing secrets encrypted in the gateway's database (AES-256-GCM, a random nonce each
 * time, the key derived from {@code firebreak.gateway.webhooks.secret-key}): a copy of the database alone does not
 * let anyone sign deliveries a receiver would trust. A secret stored before encryption is read as it is and sealed
 * the next time its subscription is written.
 */
final class SecretBox {

    private static final String SEALED = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(String configuredKey) {
        String secret = Secrets.required(
                configuredKey,
                "firebreak.gateway.webhooks.secret-key",
                "FIREBREAK_GATEWAY_WEBHOOKS_SECRET_KEY",
                32,
                "encrypts the webhook signing secrets at rest");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret as stored: {@code enc:v1:} and the base64 of nonce and ciphertext; null stays null. */
    String seal(String plain) {
        if (plain == null) return null;
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return SEALED
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    /** The secret a stored value holds; one stored before encryption is returned as it is. */
    String open(String stored) {
        if (stored == null || !stored.startsWith(SEALED)) return stored;
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "A webhook secret cannot be decrypted: was"
                            + " firebreak.gateway.webhooks.secret-key changed? Set it back, or rotate the subscription's"
                            + " secret.",
                    e);
        }
    }
}

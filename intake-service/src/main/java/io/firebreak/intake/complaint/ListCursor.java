package io.firebreak.intake.complaint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where the next page of the newest-first list starts: just after the complaint received at {@code receivedAt}
 * with this {@code id}. Clients see it only as an opaque string.
 */
record ListCursor(Instant receivedAt, String id) {

    private static final String VERSION = "1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    String encode() {
        String plain = VERSION + "|" + receivedAt.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or an {@link IllegalArgumentException} if it is not one this service gave. */
    static ListCursor decode(String value) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor this service gave", e);
        }
        String[] parts = plain.split("\\|", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !ID.matcher(parts[2]).matches()) {
            throw new IllegalArgumentException("not a cursor this service gave");
        }
        try {
            return new ListCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor this service gave", e);
        }
    }
}

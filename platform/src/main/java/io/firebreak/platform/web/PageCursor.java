package io.firebreak.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a list's next page starts: just past the item with this sort {@code key} (a time in epoch milliseconds, an
 * order, a number) and {@code id}. Clients see it only as an opaque string ({@link Page#next()}).
 */
public record PageCursor(long key, String id) {

    private static final String VERSION = "1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:@+#-]{1,128}");

    public String encode() {
        String plain = VERSION + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or an {@link IllegalArgumentException} if it is not one this API gave. */
    public static PageCursor decode(String value) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor this list gave", e);
        }
        String[] parts = plain.split("\\|", 3);
        if (parts.length != 3
                || !VERSION.equals(parts[0])
                || !ID.matcher(parts[2]).matches()) {
            throw new IllegalArgumentException("not a cursor this list gave");
        }
        try {
            return new PageCursor(Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor this list gave", e);
        }
    }

    /** The {@code cursor} parameter of a list request: null when absent, 400 naming it when it is not one. */
    public static PageCursor parameter(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return decode(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor from an earlier page of this list");
        }
    }
}

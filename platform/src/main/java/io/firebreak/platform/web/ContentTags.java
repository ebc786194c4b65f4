package io.firebreak.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Entity tags of what a person reads, and {@code If-Match} on what they then do: an action sent with the tag of the
 * state it was decided on is refused (412) when the state has changed since, so that a second person does not act
 * on what the first has already changed without seeing it. The tag is of the value (for an aggregate, its stored
 * form: {@code AggregateStore.tag}), not of its storage version, which moves when its events are published; it is
 * the same in every instance of a service.
 */
public final class ContentTags {

    public static final String IF_MATCH = "If-Match";

    private ContentTags() {}

    /** The tag of a value: 16 hex digits of the SHA-256 of its text (a record's). */
    public static String of(Object value) {
        byte[] text = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        return of(text, text.length);
    }

    /** The tag of a value's stored form: 16 hex digits of the SHA-256 of its first {@code length} bytes. */
    public static String of(byte[] bytes, int length) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(bytes, 0, length);
            return HexFormat.of().formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses (412, "Changed meanwhile") the request in hand if it names, in {@code If-Match}, tags of which none is
     * {@code current}; a request without it (or with {@code *}) acts on the state as it is.
     */
    public static void requireMatch(String current, String what) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) return;
        String ifMatch = attributes.getRequest().getHeader(IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) return;
        for (String tag : ifMatch.split(",")) {
            String bare = tag.strip();
            if (bare.startsWith("W/")) bare = bare.substring(2);
            if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
                bare = bare.substring(1, bare.length() - 1);
            }
            if (bare.equals(current)) return;
        }
        throw new ProblemException(
                HttpStatus.PRECONDITION_FAILED,
                "Changed meanwhile",
                "The " + what + " changed after you read it (it is \"" + current
                        + "\" now): read it again, then decide on what it is now.");
    }
}

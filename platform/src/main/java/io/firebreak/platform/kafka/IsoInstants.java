package io.firebreak.platform.kafka;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Instants as events carry them, {@code 2026-12-05T01:42:52.123456Z} (UTC, a fraction of up to nine digits or none):
 * read by hand. {@link Instant#parse} builds a parse context and a map of fields for each one, and an event has
 * several (its time and its payload's), read by every consumer of every event: a few hundredths of what the pipeline
 * allocated. Any other form (an offset, a year of five digits, a leap second) is read by {@link Instant#parse}, as
 * before, errors alike.
 */
final class IsoInstants {

    private IsoInstants() {}

    /** The instant {@code text} writes, as {@link Instant#parse} reads it. */
    static Instant parse(String text) {
        Instant fast = utc(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} read, or null for any other form (and for a date that does not exist). */
    private static Instant utc(String t) {
        int length = t.length();
        if (length < 20 || length > 30 || t.charAt(length - 1) != 'Z') return null;
        if (t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) return null;
        if (month < 1
                || month > 12
                || day < 1
                || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        if (hour > 23 || minute > 59 || second > 59) return null;
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21; // between '.' and 'Z'
            if (t.charAt(19) != '.' || fraction < 1) return null;
            int value = digits(t, 20, fraction);
            if (value < 0) return null;
            nanos = value;
            for (int i = fraction; i < 9; i++) nanos *= 10;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = t.charAt(i) - '0';
            if (digit < 0 || digit > 9) return -1;
            value = value * 10 + digit;
        }
        return value;
    }

    /** Reads a JSON string with {@link #parse}; anything else (a number of seconds, null) as Jackson does. */
    static final class Deserializer extends StdDeserializer<Instant> {

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Instant fast = utc(parser.getString());
                if (fast != null) return fast;
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}

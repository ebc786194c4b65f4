package io.firebreak.platform.web;

/**
 * Short ASCII values a request carries (a correlation id, a bearer token), checked character by character: matched
 * by a regular expression on every request, at the gateway and again at the service, they took more CPU than the
 * rest of the request's checks.
 */
public final class AsciiTokens {

    private AsciiTokens() {}

    /**
     * Whether {@code value} from {@code from} to {@code to} is not empty and holds only ASCII letters, digits and the
     * characters of {@code symbols}.
     */
    public static boolean lettersDigitsOr(CharSequence value, int from, int to, String symbols) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            boolean allowed =
                    c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || symbols.indexOf(c) >= 0;
            if (!allowed) return false;
        }
        return true;
    }
}

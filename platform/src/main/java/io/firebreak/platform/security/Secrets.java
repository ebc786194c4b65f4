package io.firebreak.platform.security;

import java.util.Locale;

/**
 * The rule for every secret a service needs: none ships with Firebreak, so a missing, short or placeholder one stops
 * the service at start with a message naming the setting, its environment variable and what the secret protects.
 */
public final class Secrets {

    private Secrets() {}

    /**
     * {@code value}, if it is a secret of at least {@code minChars} characters and not a placeholder
     * ({@code change-me…}); otherwise an {@link IllegalStateException} naming {@code property}, {@code variable} and
     * {@code protects}.
     */
    public static String required(String value, String property, String variable, int minChars, String protects) {
        String problem = value == null || value.isBlank()
                ? "not set"
                : value.strip().toLowerCase(Locale.ROOT).startsWith("change-me")
                        ? "a placeholder"
                        : value.strip().length() < minChars ? "shorter than " + minChars + " characters" : null;
        if (problem != null) {
            throw new IllegalStateException(property + " (environment variable " + variable + ") is " + problem
                    + ": set it to a random secret of at least " + minChars + " characters; it " + protects);
        }
        return value.strip();
    }
}

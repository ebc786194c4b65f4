package io.firebreak.intake.customer;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises and masks contact data: the same phone or email written differently is the same customer. */
public final class Contact {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    /** RFC 5321's limit on a path; nothing longer is read. */
    private static final int MAX_EMAIL = 254;
    /** A phone number written with separators and a country code, generously; nothing longer is read. */
    private static final int MAX_PHONE = 40;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");

    private Contact() {}

    /** Digits only, without the China country code (+86 / 0086), or null if it is not a phone number. */
    public static String normalisePhone(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_PHONE) return null;
        String compact = SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (!PHONE.matcher(compact).matches()) return null;
        String digits = compact.startsWith("+") ? compact.substring(1) : compact;
        if (digits.startsWith("0086")) digits = digits.substring(4);
        else if (digits.startsWith("86") && digits.length() == 13) digits = digits.substring(2);
        return digits;
    }

    public static boolean isPhone(String raw) {
        return normalisePhone(raw) != null;
    }

    /**
     * Trimmed and lower-cased, or null if it is not an email address: one {@code @} with something before it, a
     * domain with a dot that neither begins nor ends it, no white space. Checked in one pass, its length first (a
     * regular expression backtracked quadratically on a domain of many dots).
     */
    public static String normaliseEmail(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL) return null;
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@')) return null;
        boolean innerDot = false;
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') return null;
            if (c == '.' && i > at + 1 && i < email.length() - 1) innerDot = true;
        }
        return innerDot ? email : null;
    }

    public static boolean isEmail(String raw) {
        return normaliseEmail(raw) != null;
    }

    /** {@code 138****5678}, {@code z***@example.com}: enough for a person to recognise, no more. */
    public static String mask(String phone, String email) {
        if (phone != null) {
            return phone.length() <= 4
                    ? "****"
                    : phone.substring(0, Math.min(3, phone.length() - 4)) + "****"
                            + phone.substring(phone.length() - 4);
        }
        if (email != null) {
            int at = email.indexOf('@');
            return email.charAt(0) + "***" + email.substring(at);
        }
        return null;
    }
}

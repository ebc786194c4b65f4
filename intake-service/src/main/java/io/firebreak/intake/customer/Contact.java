package io.firebreak.intake.customer;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises and masks contact data: the same phone or email written differently is the same customer. */
public final class Contact {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");

    private Contact() {}

    /** Digits only, without the China country code (+86 / 0086), or null if it is not a phone number. */
    public static String normalisePhone(String raw) {
        if (raw == null || raw.isBlank()) return null;
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

    /** Trimmed and lower-cased, or null if it is not an email address. */
    public static String normaliseEmail(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String email = raw.trim().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(email).matches() && email.length() <= 254 ? email : null;
    }

    public static boolean isEmail(String raw) {
        return normaliseEmail(raw) != null;
    }

    /** {@code 138****5678}, {@code z***@example.com}: enough for a person to recognise, no more. */
    public static String mask(String phone, String email) {
        if (phone != null) {
            return phone.length() <= 4 ? "****" : phone.substring(0, Math.min(3, phone.length() - 4)) + "****"
                    + phone.substring(phone.length() - 4);
        }
        if (email != null) {
            int at = email.indexOf('@');
            return email.charAt(0) + "***" + email.substring(at);
        }
        return null;
    }
}

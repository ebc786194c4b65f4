package io.firebreak.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What text a request may carry, checked where it is bound: nothing that is not text. Control characters (NUL,
 * the escape that starts a terminal's colour codes, C1), the bidirectional overrides and isolates that make text
 * read otherwise than it is stored (U+202A–U+202E, U+2066–U+2069), and halves of a character (lone surrogates) are
 * refused; emoji, every script and, in free text, line breaks and tabs are welcome. Read in one pass over the
 * characters: a description is read on every submission, and a pattern of character classes did it a character at a
 * time through a chain of predicates.
 */
public final class Text {

    private Text() {}

    /**
     * Whether a value is one line of text: no control character at all (C0, DEL, C1), no direction override or
     * isolate, no half of a character. Null is for {@code @NotNull} to judge.
     */
    public static boolean isOneLine(CharSequence value) {
        return allowed(value, false);
    }

    /** As {@link #isOneLine}, but line breaks and tabs allowed: descriptions, messages, comments. */
    public static boolean isFree(CharSequence value) {
        return allowed(value, true);
    }

    private static boolean allowed(CharSequence value, boolean breaks) {
        if (value == null) return true;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) continue;
            if (c < 0x20) {
                if (breaks && (c == '\t' || c == '\n' || c == '\r')) continue;
                return false;
            }
            if (c <= 0x9F) return false; // DEL and the C1 controls
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) return false;
        }
        return true;
    }

    /** One line of text without control characters. */
    @Documented
    @Constraint(validatedBy = OneLineCheck.class)
    @Target({
        ElementType.FIELD,
        ElementType.PARAMETER,
        ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE,
        ElementType.METHOD
    })
    @Retention(RetentionPolicy.RUNTIME)
    public @interface OneLine {
        String message() default "must not contain control characters, direction overrides or broken characters";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Free text: line breaks and tabs, but no other control characters. */
    @Documented
    @Constraint(validatedBy = FreeCheck.class)
    @Target({
        ElementType.FIELD,
        ElementType.PARAMETER,
        ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE,
        ElementType.METHOD
    })
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Free {
        String message() default
                "must not contain control characters (other than line breaks and tabs), direction"
                        + " overrides or broken characters";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link OneLine}. */
    public static final class OneLineCheck implements ConstraintValidator<OneLine, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return isOneLine(value);
        }
    }

    /** Checks {@link Free}. */
    public static final class FreeCheck implements ConstraintValidator<Free, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return isFree(value);
        }
    }
}

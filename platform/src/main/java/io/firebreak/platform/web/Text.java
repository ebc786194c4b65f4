package io.firebreak.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What text a request may carry, checked where it is bound: nothing that is not text. Control characters (NUL,
 * the escape that starts a terminal's colour codes, C1), the bidirectional overrides and isolates that make text
 * read otherwise than it is stored (U+202A–U+202E, U+2066–U+2069), and halves of a character (lone surrogates) are
 * refused; emoji, every script and, in free text, line breaks and tabs are welcome.
 */
public final class Text {

    private Text() {}

    /** No control characters at all: identifiers, references, names (one line). */
    static final String ONE_LINE = "[^\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}]*";
    /** As {@link #ONE_LINE}, but line breaks and tabs allowed: descriptions, messages, comments. */
    static final String FREE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}]*";

    /** One line of text without control characters. */
    @Documented
    @Constraint(validatedBy = {})
    @ReportAsSingleViolation
    @Pattern(regexp = ONE_LINE)
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
    @Constraint(validatedBy = {})
    @ReportAsSingleViolation
    @Pattern(regexp = FREE)
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
}

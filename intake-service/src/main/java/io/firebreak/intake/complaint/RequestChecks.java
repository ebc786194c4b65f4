package io.firebreak.intake.complaint;

import io.firebreak.events.Channel;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.customer.Contact;
import io.firebreak.platform.web.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a request as a whole and reports every bad field at once (problem+json with {@code errors:[{field,
 * reason}]}): the bean-validation constraints of the request record, and what they cannot say (a channel from the
 * list, a phone or email that is one, a time that is not in the future).
 */
@Component
class RequestChecks {

    static final String CHANNELS =
            Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(", "));
    /** A customer id: letters and digits of any script and a few marks; nothing that could forge a log line. */
    private static final Pattern CUSTOMER_ID = Pattern.compile("[\\p{L}\\p{N}._\\-+@#:]+");
    /** Clocks disagree a little; a moment this close to now is not "in the future". */
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** One bad field and why. */
    record FieldProblem(String field, String reason) {}

    private final Validator validator;
    private final Clock clock;
    private final IntakeProperties properties;

    RequestChecks(Validator validator, Clock clock, IntakeProperties properties) {
        this.validator = validator;
        this.clock = clock;
        this.properties = properties;
    }

    List<FieldProblem> submission(SubmitComplaint request) {
        return submission(request, false);
    }

    /**
     * {@code byClient}: submitted by a ticketing system, whose customer ids are its own (no colon: staff name a
     * client's customer as {@code client:id}).
     */
    List<FieldProblem> submission(SubmitComplaint request, boolean byClient) {
        List<FieldProblem> problems = constraints(request);
        if (request.channel() == null || request.channel().isBlank()) {
            problems.add(new FieldProblem("channel", "is required; one of " + CHANNELS));
        } else if (channel(request.channel()) == null) {
            problems.add(new FieldProblem("channel", "'" + clip(request.channel()) + "' is not one of " + CHANNELS));
        }
        SubmitComplaint.CustomerRef customer = request.customer();
        if (customer != null) {
            if (blank(customer.id()) && blank(customer.phone()) && blank(customer.email())) {
                problems.add(new FieldProblem("customer", "give at least one of id, phone or email"));
            }
            if (!blank(customer.id())
                    && !CUSTOMER_ID.matcher(customer.id().strip()).matches()) {
                problems.add(new FieldProblem(
                        "customer.id",
                        "must be letters, digits or . _ - + @ # :" + " (no spaces or control characters)"));
            } else if (byClient && !blank(customer.id()) && customer.id().contains(":")) {
                problems.add(new FieldProblem(
                        "customer.id", "must not contain ':' (a ticketing system's customer" + " ids are its own)"));
            }
            if (!blank(customer.phone()) && !Contact.isPhone(customer.phone())) {
                problems.add(new FieldProblem("customer.phone", "is not a phone number"));
            }
            if (!blank(customer.email()) && !Contact.isEmail(customer.email())) {
                problems.add(new FieldProblem("customer.email", "is not an email address"));
            }
        }
        String when = happenedAtProblem(request.happenedAt());
        if (when != null) problems.add(new FieldProblem("happenedAt", when));
        return sorted(problems);
    }

    List<FieldProblem> message(AddMessage request) {
        List<FieldProblem> problems = constraints(request);
        if (!blank(request.channel()) && channel(request.channel()) == null) {
            problems.add(new FieldProblem("channel", "'" + clip(request.channel()) + "' is not one of " + CHANNELS));
        }
        return sorted(problems);
    }

    List<FieldProblem> attachment(AddAttachment request) {
        List<FieldProblem> problems = constraints(request);
        if (!blank(request.url()) && !isWebAddress(request.url().strip())) {
            problems.add(new FieldProblem("url", "must be an absolute http or https URL"));
        }
        return sorted(problems);
    }

    List<FieldProblem> answer(AnswerProposal request) {
        List<FieldProblem> problems = constraints(request);
        return sorted(problems);
    }

    List<FieldProblem> share(ShareComplaint request) {
        return sorted(constraints(request));
    }

    /** Whether the text is an absolute http(s) URL with a host. */
    static boolean isWebAddress(String raw) {
        try {
            java.net.URI uri = new java.net.URI(raw);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The channel named, in any case, or null if there is none by that name. */
    static Channel channel(String raw) {
        if (raw == null) return null;
        try {
            return Channel.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * When the matter happened: an ISO date-time with an offset ({@code 2026-11-20T09:30:00+08:00}), a local
     * date-time, or a date (the start of that day), local ones in the configured time zone. Null when not given.
     */
    Instant happenedAt(String raw) {
        if (blank(raw)) return null;
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(s).atZone(properties.timeZone()).toInstant();
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(s).atStartOfDay(properties.timeZone()).toInstant();
            }
        }
    }

    private String happenedAtProblem(String raw) {
        if (blank(raw)) return null;
        Instant when;
        try {
            when = happenedAt(raw);
        } catch (DateTimeParseException e) {
            return "'" + clip(raw) + "' is not an ISO date (2026-11-20) or date-time (2026-11-20T09:30:00+08:00)";
        }
        return when.isAfter(clock.instant().plus(SKEW)) ? "must not be in the future" : null;
    }

    private <T> List<FieldProblem> constraints(T request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(request)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        return problems;
    }

    private static List<FieldProblem> sorted(List<FieldProblem> problems) {
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason));
        return problems;
    }

    /** A 400 naming every bad field, as the platform answers bean-validation failures. */
    static ProblemException invalid(List<FieldProblem> problems) {
        String detail =
                problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; "));
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", detail)
                .with(
                        "errors",
                        problems.stream()
                                .map(p -> Map.of("field", p.field(), "reason", p.reason()))
                                .toList());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }
}

package io.firebreak.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems as problem+json, and written where no controller runs (filters, security, the gateway's own answers);
 * in Chinese when the request asks for it ({@link ProblemTexts}).
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    // With Spring's mix-in, as the message converters have it: extra properties at the top level, not nested.
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        String correlationId = Correlation.correlationId();
        if (correlationId != null) problem.setProperty("correlationId", correlationId);
        return problem;
    }

    public static void write(
            HttpServletResponse response, HttpStatus status, String title, String detail, Map<String, String> headers)
            throws IOException {
        write(response, status, title, detail, headers, Map.of());
    }

    /** As above, with members of the problem beyond title and detail (e.g. {@code errors}). */
    public static void write(
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            Map<String, String> headers,
            Map<String, Object> properties)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        String correlationId = Correlation.correlationId();
        if (correlationId != null) problem.setProperty("correlationId", correlationId);
        properties.forEach(problem::setProperty);
        localize(problem);
        response.setStatus(status.value());
        headers.forEach(response::setHeader);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    /**
     * The problem in the language the current request asks for ({@code Accept-Language}: Chinese when preferred to
     * English), once its members are all set; controllers' problems get this on their way out.
     */
    public static ProblemDetail localize(ProblemDetail problem) {
        ProblemTexts.localize(problem);
        return problem;
    }
}

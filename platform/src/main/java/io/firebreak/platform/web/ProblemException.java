package io.firebreak.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request that cannot be served, answered as RFC 9457 problem+json with the given status and detail. */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(
                        HttpStatus.NOT_FOUND, what + " not found", "No " + what.toLowerCase() + " with id " + id)
                .with("id", id);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict with the current state", detail);
    }

    public static ProblemException badRequest(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason)
                .with("errors", java.util.List.of(Map.of("field", field, "reason", reason)));
    }

    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

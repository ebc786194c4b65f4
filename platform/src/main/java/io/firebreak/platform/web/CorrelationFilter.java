package io.firebreak.platform.web;

import io.firebreak.platform.tracing.Spans;
import io.firebreak.platform.tracing.TraceHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (kept or made) and answers with it, puts the request's span (recorded by
 * Spring's HTTP instrumentation, which runs before this filter) beside it in the MDC, and shows both to whatever
 * handles the request next, so that a proxied request carries them on as the next hop's parent.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    private final Spans spans;

    public CorrelationFilter(Spans spans) {
        this.spans = spans;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceHeaders span = spans.current();
        Correlation.begin(
                request.getHeader(Correlation.HEADER),
                span.isEmpty()
                        ? new TraceHeaders(
                                request.getHeader(Correlation.TRACEPARENT), request.getHeader(Correlation.TRACESTATE))
                        : span);
        String correlationId = Correlation.correlationId();
        response.setHeader(Correlation.HEADER, correlationId);
        try {
            chain.doFilter(new Carried(request, correlationId, Correlation.trace()), response);
        } finally {
            Correlation.end();
        }
    }

    /**
     * The request as the next hop should see it: with this hop's correlation id and span (the incoming
     * {@code traceparent} and {@code tracestate} replaced; without a span, the incoming ones are kept).
     */
    private static final class Carried extends HttpServletRequestWrapper {
        private final Map<String, String> carried = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Carried(HttpServletRequest request, String correlationId, TraceHeaders trace) {
            super(request);
            carried.put(Correlation.HEADER, correlationId);
            carried.put(Correlation.TRACEPARENT, trace.traceparent());
            carried.put(Correlation.TRACESTATE, trace.tracestate());
        }

        @Override
        public String getHeader(String name) {
            return carried.containsKey(name) ? carried.get(name) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!carried.containsKey(name)) return super.getHeaders(name);
            String value = carried.get(name);
            return Collections.enumeration(value == null ? Set.of() : Set.of(value));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.removeIf(carried::containsKey);
            carried.forEach((name, value) -> {
                if (value != null) names.add(name);
            });
            return Collections.enumeration(names);
        }
    }
}

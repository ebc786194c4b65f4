package io.firebreak.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id and a trace span (kept or made), answers with the id, and shows both
 * to whatever handles the request next, so that a proxied request carries them on.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Correlation.begin(request.getHeader(Correlation.HEADER), request.getHeader(Correlation.TRACEPARENT));
        String correlationId = Correlation.correlationId();
        String traceparent = Correlation.traceparent();
        response.setHeader(Correlation.HEADER, correlationId);
        try {
            chain.doFilter(new Carried(request, correlationId, traceparent), response);
        } finally {
            Correlation.end();
        }
    }

    /** The request as the next hop should see it: with this hop's correlation id and span. */
    private static final class Carried extends HttpServletRequestWrapper {
        private final String correlationId;
        private final String traceparent;

        Carried(HttpServletRequest request, String correlationId, String traceparent) {
            super(request);
            this.correlationId = correlationId;
            this.traceparent = traceparent;
        }

        @Override
        public String getHeader(String name) {
            if (Correlation.HEADER.equalsIgnoreCase(name)) return correlationId;
            if (Correlation.TRACEPARENT.equalsIgnoreCase(name)) return traceparent;
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (Correlation.HEADER.equalsIgnoreCase(name) || Correlation.TRACEPARENT.equalsIgnoreCase(name)) {
                return Collections.enumeration(Set.of(getHeader(name)));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.removeIf(n -> n.equalsIgnoreCase(Correlation.HEADER) || n.equalsIgnoreCase(Correlation.TRACEPARENT));
            names.add(Correlation.HEADER);
            names.add(Correlation.TRACEPARENT);
            return Collections.enumeration(names);
        }
    }
}

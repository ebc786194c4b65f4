package io.firebreak.gateway.limits;

import io.firebreak.platform.web.BodyLimits;
import io.firebreak.platform.web.BufferedRequest;
import io.firebreak.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request body on {@code /api/**} and {@code /survey/*} in whole (it is small: bounded by the size limit,
 * larger only for a settings document) before the request
 * is proxied, so that a chunked body over the limit is refused with 413 and never reaches a service, and the
 * service gets the body with its length. Reading goes through the platform's limited stream, whose overflow
 * the platform's body size filter turns into 413; the check here covers the same limit in case it is lower.
 */
class BodyBufferFilter extends OncePerRequestFilter {

    private final BodyLimits limits;

    BodyBufferFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getRequestURI().startsWith("/api/")
                        || request.getRequestURI().startsWith("/survey/"))
                || (request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limits.limitFor(request);
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            Problems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large",
                    "The request body is larger than the limit of " + maxBytes + " bytes.",
                    Map.of("Connection", "close"));
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }
}

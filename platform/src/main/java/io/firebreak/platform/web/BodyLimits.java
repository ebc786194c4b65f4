package io.firebreak.platform.web;

import io.firebreak.platform.PlatformProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.util.AntPathMatcher;

/**
 * How large a request body may be: the service's limit, and a larger one on the paths that take a settings document
 * (a rule set with every phrase written out, a routing table), which outgrows any complaint. Applied by the
 * platform's body size filter and, before proxying, by the gateway.
 */
public final class BodyLimits {

    private final long maxBytes;
    private final long largeMaxBytes;
    private final List<String> largePaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public BodyLimits(long maxBytes, long largeMaxBytes, List<String> largePaths) {
        this.maxBytes = maxBytes;
        this.largeMaxBytes = Math.max(maxBytes, largeMaxBytes);
        this.largePaths = List.copyOf(largePaths);
    }

    public static BodyLimits of(PlatformProperties.Http http) {
        return new BodyLimits(
                http.maxBodyBytes(),
                http.largeBodies().maxBytes(),
                http.largeBodies().paths());
    }

    /** The most bytes the body of this request may have. */
    public long limitFor(HttpServletRequest request) {
        return limitFor(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** The most bytes the body of a request to this path may have. */
    public long limitFor(String path) {
        for (String pattern : largePaths) {
            if (matcher.match(pattern, path)) return largeMaxBytes;
        }
        return maxBytes;
    }
}

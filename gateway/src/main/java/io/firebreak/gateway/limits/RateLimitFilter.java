package io.firebreak.gateway.limits;

import io.firebreak.gateway.GatewayProperties;
import io.firebreak.platform.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limit on {@code /api/**}, {@code /survey/*} and {@code /actuator/health}: a token bucket per
 * client (the token's subject, else the remote address) of {@code burst} requests refilled at {@code requests-per-second}. Over it: 429 problem+json with
 * {@code Retry-After}. Buckets live in this instance's memory; each gateway instance limits on its own.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    /** Above this many clients, full buckets are dropped: a full bucket is the same as a new one. */
    private static final int SWEEP_ABOVE = 10_000;

    private final GatewayProperties.RateLimit limit;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(GatewayProperties.RateLimit limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The public survey links and the whole system's health (which asks every service) are limited too, per
        // address: no token. The address is the connection's, or the one a trusted proxy forwarded
        // (server.tomcat.remoteip). The gateway's own probes (liveness, readiness) are not.
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.startsWith("/survey/") || path.equals("/actuator/health"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = bucketOf(client(request)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader(REMAINING_HEADER, String.valueOf(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        Problems.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                "More than " + limit.burst() + " requests at once or " + limit.requestsPerSecond()
                        + " per second; try again in " + retryAfter + " s.",
                Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter), REMAINING_HEADER, "0"));
    }

    private static String client(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.getName() != null) {
            return "subject:" + token.getName();
        }
        return "address:" + request.getRemoteAddr();
    }

    private Bucket bucketOf(String client) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.burst());
        }
        return buckets.computeIfAbsent(
                client,
                c -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit.burst())
                                .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1))
                                .build())
                        .build());
    }
}

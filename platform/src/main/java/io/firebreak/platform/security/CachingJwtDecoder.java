package io.firebreak.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens it decoded until they expire. A client sends the same token with every request; checking its
 * signature and parsing its claims again each time was the largest part of the gateway's own cost per request. A
 * token is given again only while the validator would still accept its expiry (with the same 60 s leeway); an
 * invalid token is never remembered, so it is refused every time.
 */
final class CachingJwtDecoder implements JwtDecoder {

    /** The default clock skew of Spring Security's timestamp validator. */
    static final Duration LEEWAY = Duration.ofSeconds(60);
    /** At most this many tokens are kept; when full, all are forgotten (they are decoded again on their next use). */
    static final int MAX_TOKENS = 4096;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> decoded = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = decoded.get(token);
        if (known != null) {
            if (stillValid(known)) return known;
            decoded.remove(token, known);
        }
        Jwt jwt = delegate.decode(token);
        if (decoded.size() >= MAX_TOKENS) decoded.clear();
        decoded.put(token, jwt);
        return jwt;
    }

    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || !clock.instant().minus(LEEWAY).isAfter(expiresAt);
    }
}

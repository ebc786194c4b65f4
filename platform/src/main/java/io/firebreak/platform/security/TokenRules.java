package io.firebreak.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What every token must carry beyond a valid signature, issuer and times: a subject (who acts: a staff login or a
 * client's name; never empty, or every such token would be one shared identity), Firebreak as its audience (a token
 * the identity provider issued for another application is not one for us), and an expiry no further ahead than the
 * longest lifetime allowed (a token without one would never expire).
 */
final class TokenRules implements OAuth2TokenValidator<Jwt> {

    private final String audience;
    private final Duration maxLifetime;
    private final Clock clock;

    TokenRules(String audience, Duration maxLifetime, Clock clock) {
        this.audience = audience;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            return refused("The token has no subject (sub)");
        }
        if (token.getAudience() == null || !token.getAudience().contains(audience)) {
            return refused("The token is not for this audience (aud " + audience + ")");
        }
        Instant expires = token.getExpiresAt();
        if (expires == null) {
            return refused("The token has no expiry (exp)");
        }
        if (expires.isAfter(clock.instant().plus(maxLifetime))) {
            return refused("The token expires later than the longest lifetime allowed (" + maxLifetime + ")");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
    }
}

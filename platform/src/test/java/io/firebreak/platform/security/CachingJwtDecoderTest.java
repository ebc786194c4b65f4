package io.firebreak.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Decoded tokens are given again until they expire; invalid ones are refused every time. */
class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final AtomicInteger decodes = new AtomicInteger();
    private Instant expiresAt = NOW.plus(Duration.ofMinutes(10));
    private boolean valid = true;

    private final JwtDecoder checking = token -> {
        decodes.incrementAndGet();
        if (!valid) throw new BadJwtException("bad token");
        return Jwt.withTokenValue(token)
                .header("alg", "HS256")
                .subject("agent-1")
                .issuedAt(NOW.minusSeconds(1))
                .expiresAt(expiresAt)
                .build();
    };

    @Test
    void theSameTokenIsCheckedOnceWhileItIsValid() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(checking, Clock.fixed(NOW, ZoneOffset.UTC));

        Jwt first = decoder.decode("token-a");
        Jwt again = decoder.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(decodes).hasValue(1);
        decoder.decode("token-b");
        assertThat(decodes).hasValue(2);
    }

    @Test
    void aTokenPastItsExpiryAndTheLeewayIsCheckedAgainAndRefused() {
        expiresAt = NOW.plusSeconds(5);
        MovingClock clock = new MovingClock();
        CachingJwtDecoder decoder = new CachingJwtDecoder(checking, clock);
        decoder.decode("token-a");
        clock.now = expiresAt.plus(CachingJwtDecoder.LEEWAY);
        decoder.decode("token-a");
        assertThat(decodes).as("still within the leeway").hasValue(1);

        clock.now = clock.now.plusSeconds(1);
        valid = false;

        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(decodes).hasValue(2);
    }

    @Test
    void anInvalidTokenIsRefusedEveryTime() {
        valid = false;
        CachingJwtDecoder decoder = new CachingJwtDecoder(checking, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(decodes).hasValue(2);
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package io.firebreak.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Makes and checks the HS256 tokens of a standalone or test system (production uses its identity provider). */
public final class JwtTokens {

    public static final int MIN_SECRET_BYTES = 32;
    /** The audience Firebreak's tokens are for ({@code aud}); the services accept no token without it. */
    public static final String AUDIENCE = "firebreak";

    private JwtTokens() {}

    public static String mint(String secret, String issuer, String subject, List<String> roles, Duration ttl) {
        return mint(secret, issuer, subject, roles, List.of(), ttl);
    }

    /** With the departments whose casework the subject does ({@link StaffScope}); none: no claim. */
    public static String mint(
            String secret, String issuer, String subject, List<String> roles, List<String> departments, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        if (!departments.isEmpty()) builder.claim(StaffScope.CLAIM, departments);
        JWTClaimsSet claims = builder.issuer(issuer)
                .subject(subject)
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", roles)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key(secret)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }

    public static SecretKey key(String secret) {
        // At least as many characters as HS256 needs bytes, so at least as many bytes.
        Secrets.required(
                secret,
                "firebreak.security.jwt-secret",
                "FIREBREAK_SECURITY_JWT_SECRET",
                MIN_SECRET_BYTES,
                "signs the tokens: whoever knows it signs any token");
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}

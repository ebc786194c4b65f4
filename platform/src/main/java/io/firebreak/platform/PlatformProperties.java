package io.firebreak.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The mechanism settings every Firebreak service shares, under {@code firebreak.*}. */
@Validated
@ConfigurationProperties("firebreak")
public record PlatformProperties(
        @Valid @NotNull @DefaultValue Mongo mongo,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Valid @NotNull @DefaultValue Outbox outbox,
        @Valid @NotNull @DefaultValue Http http,
        @Valid @NotNull @DefaultValue Security security) {

    /** The store: one database per service. */
    public record Mongo(
            @DefaultValue("mongodb://localhost:27017") String uri,
            String database,
            @DefaultValue("majority") String writeConcern) {}

    /**
     * Topics and consumption. {@code instanceId}: this instance's lasting name in its consumer groups (Kafka's static
     * membership). With one, an instance started again — after a crash too — takes its partitions back at once;
     * without one, a crashed instance's consumers stay in their groups until their sessions run out (45 s), and no
     * event is read meanwhile. Only for an instance that keeps its name across restarts and shares it with no other
     * (the standalone system's services, a StatefulSet's pods): two with the same name fence each other out, and a
     * named instance that stops for good holds its partitions until its session runs out.
     */
    public record Kafka(
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor,
            @Min(0) @DefaultValue("3") int retries,
            @NotNull @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("true") boolean createTopics,
            String instanceId) {}

    /**
     * The outbox relay: publishes at once after a write; every {@code sweepInterval} tries again what it could not
     * publish, and every {@code fullSweepInterval} (and at start) reads every outbox for what another instance left
     * behind when it stopped.
     */
    public record Outbox(
            @NotNull @DefaultValue("2s") Duration sweepInterval,
            @Min(1) @DefaultValue("200") int sweepBatch,
            @NotNull @DefaultValue("5m") Duration fullSweepInterval) {}

    /** JWT bearer tokens: HS256 with a shared secret (at least 32 bytes), roles in the {@code roles} claim. */
    /**
     * How tokens are checked. With {@code jwkSetUri} (production: the identity provider's JWKS), tokens are signed
     * with its asymmetric keys (RS256, ES256) and {@code jwtSecret} is not used; without it, HS256 with
     * {@code jwtSecret} (standalone, tests). {@code audience}: a token must name it in {@code aud}.
     * {@code maxTokenLifetime}: no token is accepted whose expiry lies further ahead than this (a token without one
     * is refused too).
     */
    public record Security(
            String jwtSecret,
            @DefaultValue("firebreak") String issuer,
            @DefaultValue("firebreak") String audience,
            @DefaultValue("P31D") java.time.Duration maxTokenLifetime,
            String jwkSetUri) {}

    /**
     * Request limits every service enforces on its own, behind the gateway's, and how requests with an
     * {@code Idempotency-Key} are kept.
     */
    public record Http(
            @Min(1024) @DefaultValue("65536") long maxBodyBytes,
            @Valid @NotNull @DefaultValue LargeBodies largeBodies,
            @Valid @NotNull @DefaultValue Idempotency idempotency) {}

    /**
     * The paths (Ant patterns) that take a settings document, larger than any complaint: a rule set with every phrase
     * written out, a routing table. Their bodies may be up to {@code maxBytes}.
     */
    public record LargeBodies(
            @Min(1024) @DefaultValue("1048576") long maxBytes,
            @DefaultValue List<String> paths) {}

    /**
     * Retries made safe ({@code Idempotency-Key} on a POST): how long an answer is kept, when a request still
     * running is taken to have failed, how long a retry arriving meanwhile waits for the first one's answer, and
     * which paths the mechanism serves (Ant patterns; the gateway serves its own endpoints only, the services serve
     * what it routes to them). {@code keptByEndpoint}: paths whose endpoint keeps the key in its own aggregate's write
     * (the key's form is still checked here, and the endpoint holds to the same promise), so that a retry is known
     * from the aggregate itself and the request costs no separate writes.
     */
    public record Idempotency(
            @NotNull @DefaultValue("24h") Duration retention,
            @NotNull @DefaultValue("30s") Duration pendingTimeout,
            @NotNull @DefaultValue("10s") Duration waitForFirst,
            @NotNull @DefaultValue("/api/**") List<String> paths,
            @DefaultValue List<String> keptByEndpoint) {

        public Idempotency {
            keptByEndpoint = keptByEndpoint == null ? List.of() : List.copyOf(keptByEndpoint);
        }
    }
}

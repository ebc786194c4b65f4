package io.firebreak.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The gateway's settings under {@code firebreak.gateway.*}; the defaults are in {@code gateway.yml}. */
@Validated
@ConfigurationProperties("firebreak.gateway")
public record GatewayProperties(
        @Valid @NotNull Services services,
        @NotNull Duration routeTimeout,
        @NotNull Duration connectTimeout,
        @Valid @NotNull RateLimit rateLimit,
        @Min(1024) long maxBodyBytes,
        @Valid @NotNull CircuitBreaker circuitBreaker,
        @Valid @NotNull Health health,
        @Valid @NotNull Alerts alerts,
        @Valid @NotNull Webhooks webhooks) {

    public static final String INTAKE = "intake";
    public static final String TRIAGE = "triage";
    public static final String RESOLUTION = "resolution";
    public static final String FEEDBACK = "feedback";

    /** Where each service answers (scheme, host and port; the request's path is kept). */
    public record Services(
            @NotNull URI intake,
            @NotNull URI triage,
            @NotNull URI resolution,
            @NotNull URI feedback) {

        /** Every service by name, in the order of the flow. */
        public Map<String, URI> byName() {
            Map<String, URI> all = new LinkedHashMap<>();
            all.put(INTAKE, intake);
            all.put(TRIAGE, triage);
            all.put(RESOLUTION, resolution);
            all.put(FEEDBACK, feedback);
            return all;
        }
    }

    /** Per client (token subject, else remote address): a bucket of {@code burst} refilled at this rate. */
    public record RateLimit(
            @Min(1) long requestsPerSecond, @Min(1) long burst) {}

    /** One breaker per service: opens when this share of the recent calls failed, and stays open a while. */
    public record CircuitBreaker(
            @Min(1) @Max(100) int failureRatePercent,
            @Min(1) int minimumCalls,
            @Min(1) int slidingWindow,
            @NotNull Duration openFor) {}

    /** Whether the gateway is ready only when every service is, and how long to wait for each to say so. */
    public record Health(
            boolean requireDownstreamReady, @NotNull Duration timeout) {}

    /**
     * Supervisors' alerts: the largest page of the list, the stream's keep-alive interval and lifetime, how many
     * streams one caller may hold open (a newer one takes the oldest's place), how many missed alerts a reconnecting
     * stream is sent at most (the newest), and how often the alerts other gateways stored are looked for, to be
     * streamed from this one too.
     */
    public record Alerts(
            @Min(1) int maxPage,
            @NotNull Duration keepAlive,
            @NotNull Duration streamTimeout,
            @Min(1) int maxStreamsPerClient,
            @Min(1) int maxReplay,
            @NotNull Duration tailInterval) {}

    /**
     * Ticketing systems' webhooks: how often the dispatcher looks for due deliveries (it is also woken by new ones),
     * how many it sends at once (in all, and per subscription, so that one slow receiver does not take every
     * sender), the timeouts of one attempt, how long a claimed delivery is held by its sender, the back-off between
     * attempts, the breaker per subscription, and after how long of failing only a subscription is disabled.
     * {@code allowHttp} and {@code allowPrivateTargets} (both off unless set, for local testing only) let receivers
     * be plain http, or on loopback and private addresses (see {@code WebhookTargets}). A replaced secret still signs
     * (beside the new one) for {@code secretOverlap}, while the receiver changes over. {@code secretKey} encrypts the
     * signing secrets at rest (required: none ships; see {@code SecretBox}). Delivered deliveries (their bodies hold
     * complaint data) and the attempt log are forgotten after {@code retention}.
     */
    public record Webhooks(
            @NotNull Duration pollInterval,
            @Min(1) int senders,
            @Min(1) int maxInFlightPerSubscription,
            @Min(1) int batchSize,
            @NotNull Duration connectTimeout,
            @NotNull Duration requestTimeout,
            @NotNull Duration lease,
            @Valid @NotNull Backoff backoff,
            @Valid @NotNull CircuitBreaker circuitBreaker,
            @NotNull Duration disableAfter,
            @Min(1) int maxPage,
            @Min(1) int maxSubscriptionsPerClient,
            boolean allowHttp,
            boolean allowPrivateTargets,
            @NotNull Duration secretOverlap,
            String secretKey,
            @NotNull Duration retention) {}

    /** Exponential back-off: {@code initial}, times {@code multiplier} per failed attempt, at most {@code max},
     * less a random share of up to {@code jitter} (0 to 1) so that retries of many deliveries spread out. */
    public record Backoff(
            @NotNull Duration initial,

            @jakarta.validation.constraints.DecimalMin("1.0")
            double multiplier,

            @NotNull Duration max,

            @jakarta.validation.constraints.DecimalMin("0.0") @jakarta.validation.constraints.DecimalMax("1.0")
            double jitter) {}
}

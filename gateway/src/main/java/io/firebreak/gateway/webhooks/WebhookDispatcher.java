package io.firebreak.gateway.webhooks;

import io.firebreak.gateway.GatewayProperties;
import io.firebreak.gateway.alerts.AlertKind;
import io.firebreak.gateway.alerts.OperationalAlerts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends queued deliveries as CloudEvents over HTTP (binary mode), signed, with the JDK's HTTP client. A delivery is
 * sent only when no earlier one of its subscription and complaint is pending (order per complaint and target);
 * a failed attempt is retried after an exponential back-off with jitter; a circuit breaker per subscription puts a
 * failing receiver's deliveries off, and at most a few senders work for one subscription at once, so one dead or
 * slow receiver slows no one else. A subscription failing for longer than {@code disable-after} is disabled and
 * ADMIN alerted. Deliveries are claimed with a lease in the database, so several gateways share the queue and a
 * stopped one's claims are taken over once their lease ends.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR = 300;

    private final WebhookStore store;
    private final GatewayProperties.Webhooks settings;
    private final OperationalAlerts alerts;
    private final Clock clock;
    private final Backoff backoff;
    private final CircuitBreakerRegistry breakers;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Set<String> busyOrders = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private final AtomicLong wakeups = new AtomicLong();
    private HttpClient http;
    private final WebhookTargets targets;
    private final MeterRegistry meters;
    private ExecutorService senders;
    private Thread loop;
    private volatile boolean running;

    WebhookDispatcher(
            WebhookStore store,
            GatewayProperties properties,
            OperationalAlerts alerts,
            Clock clock,
            WebhookTargets targets,
            ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.settings = properties.webhooks();
        this.alerts = alerts;
        this.clock = clock;
        this.backoff = new Backoff(
                settings.backoff(), () -> ThreadLocalRandom.current().nextDouble());
        this.targets = targets;
        GatewayProperties.CircuitBreaker b = settings.circuitBreaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(b.failureRatePercent())
                .minimumNumberOfCalls(b.minimumCalls())
                .slidingWindowSize(b.slidingWindow())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(e -> true)
                .build());
        this.meters = meters.getIfAvailable();
        // Each subscription's breaker (state, calls, failure rate) in the metrics, tagged with the subscription.
        if (this.meters != null)
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(this.meters);
    }

    /** The breaker of a subscription's receiver. */
    CircuitBreaker breaker(String subscriptionId) {
        return breakers.circuitBreaker(subscriptionId);
    }

    /** Looks for due deliveries now rather than at the next sweep. */
    void wake() {
        wakeups.incrementAndGet();
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.senders(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (senders != null) {
            senders.shutdownNow();
            try {
                senders.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (loop != null) {
            try {
                loop.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            long seen = wakeups.get();
            try {
                sweep();
                expireOld();
            } catch (RuntimeException e) {
                // The store may be briefly away; the next sweep tries again.
                log.warn("Webhook sweep failed: {}", e.toString());
            }
            synchronized (signal) {
                if (running && wakeups.get() == seen) {
                    try {
                        signal.wait(settings.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** When the delivery log was last pruned. */
    private Instant expiredAt = Instant.EPOCH;

    /** Once an hour: delivered deliveries and attempts older than the retention are forgotten. */
    void expireOld() {
        Instant now = clock.instant();
        if (now.isBefore(expiredAt.plus(Duration.ofHours(1)))) return;
        expiredAt = now;
        long gone = store.expire(now.minus(settings.retention()));
        if (gone > 0) log.info("Forgot {} webhook deliveries older than {}", gone, settings.retention());
    }

    /** One pass over the due deliveries: start every one that may go now. */
    void sweep() {
        Instant now = clock.instant();
        Map<String, Optional<Subscription>> subscriptions = new HashMap<>();
        Set<String> postponed = new HashSet<>();
        for (Delivery d : store.due(now, settings.batchSize())) {
            if (!running) return;
            String order = d.subscriptionId() + "/" + d.complaintId();
            if (busyOrders.contains(order) || postponed.contains(d.subscriptionId())) continue;
            Optional<Subscription> subscription = subscriptions.computeIfAbsent(d.subscriptionId(), store::find);
            if (subscription.isEmpty() || subscription.get().status() != Subscription.Status.ACTIVE) continue;
            AtomicInteger active = inFlight.computeIfAbsent(d.subscriptionId(), k -> new AtomicInteger());
            if (active.get() >= settings.maxInFlightPerSubscription()) continue;
            if (store.hasEarlierPending(d)) continue;
            CircuitBreaker breaker = breaker(d.subscriptionId());
            if (!breaker.tryAcquirePermission()) {
                // Open (or half-open with its trial call out): put the receiver's due deliveries off a while,
                // counting no attempt; the breaker lets a trial call through once its open time is over.
                store.postpone(d.subscriptionId(), now, now.plus(breakerPause()));
                postponed.add(d.subscriptionId());
                continue;
            }
            if (!store.claim(d.id(), now, now.plus(settings.lease()))) {
                breaker.releasePermission();
                continue;
            }
            busyOrders.add(order);
            active.incrementAndGet();
            try {
                senders.execute(() -> {
                    try {
                        send(d, subscription.get(), breaker);
                    } finally {
                        active.decrementAndGet();
                        busyOrders.remove(order);
                        wake();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                active.decrementAndGet();
                busyOrders.remove(order);
                breaker.releasePermission();
                return;
            }
        }
    }

    /** A quarter of the breaker's open time, but no less than a sweep: when to look at the receiver again. */
    private Duration breakerPause() {
        Duration quarter = settings.circuitBreaker().openFor().dividedBy(4);
        return quarter.compareTo(settings.pollInterval()) < 0 ? settings.pollInterval() : quarter;
    }

    private void send(Delivery d, Subscription s, CircuitBreaker breaker) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        // The log a client reads says no more than that the receiver did not answer: why (refused, reset, no route)
        // would tell a port scanner what listens where. The reason is in the gateway's own log.
        String refused = targets.refusal(s.url());
        try {
            if (refused != null) {
                error = "not sent: the URL " + refused;
            } else {
                HttpResponse<Void> response = http.send(request(d, s, started), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status < 200 || status > 299) error = "HTTP " + status;
            }
        } catch (HttpTimeoutException e) {
            error = "no answer from the receiver";
            log.debug("Webhook delivery {} timed out", d.id(), e);
        } catch (IOException e) {
            error = "no answer from the receiver";
            log.debug("Webhook delivery {} could not reach its receiver: {}", d.id(), describe(e));
        } catch (InterruptedException e) {
            // The gateway is stopping: the attempt did not finish; the lease lets another sender take it over.
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            return;
        } catch (IllegalArgumentException e) {
            error = "not sent: the URL is not one a request can go to";
        }
        long elapsedNanos = System.nanoTime() - t0;
        long millis = TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        Instant now = clock.instant();
        int number = d.attempts() + 1;
        store.logAttempt(new WebhookStore.Attempt(d.id(), number, started, status, error, millis));
        if (meters != null) {
            Timer.builder("firebreak.webhook.deliveries")
                    .description("Webhook delivery attempts")
                    .tags("subscription", s.id(), "outcome", error == null ? "delivered" : "failed")
                    .register(meters)
                    .record(elapsedNanos, TimeUnit.NANOSECONDS);
        }
        if (error == null) {
            breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
            store.delivered(d.id(), status, now);
            if (s.failingSince() != null) store.succeeding(s.id());
            return;
        }
        breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, new IOException(error));
        Instant next = now.plus(backoff.after(number));
        store.failed(d.id(), status, clip(error), next);
        store.failing(s.id(), started);
        log.info(
                "Webhook delivery {} to subscription {} failed (attempt {}): {}; next at {}",
                d.id(),
                s.id(),
                number,
                error,
                next);
        disableIfFailingTooLong(s.id(), now);
    }

    private void disableIfFailingTooLong(String subscriptionId, Instant now) {
        Optional<Subscription> current = store.find(subscriptionId);
        if (current.isEmpty() || current.get().failingSince() == null) return;
        Instant since = current.get().failingSince();
        if (since.plus(settings.disableAfter()).isAfter(now)) return;
        String reason = "Every delivery failed since " + DateTimeFormatter.ISO_INSTANT.format(since);
        if (store.disable(subscriptionId, now, reason)) {
            Subscription s = current.get();
            log.warn("Webhook subscription {} of {} disabled: {}", subscriptionId, s.owner(), reason);
            alerts.raise(
                    AlertKind.WEBHOOK_DISABLED,
                    "Webhook subscription " + subscriptionId + " of " + s.owner()
                            + " to " + s.url() + " disabled: " + reason + ". See /api/v1/webhooks/" + subscriptionId
                            + "/deliveries; enable it again with PUT /api/v1/webhooks/" + subscriptionId + ".",
                    s.owner() + " 的 Webhook 订阅 " + subscriptionId + "（" + s.url() + "）已停用：自 "
                            + DateTimeFormatter.ISO_INSTANT.format(since) + " 起每次投递都失败。投递记录见 /api/v1/webhooks/"
                            + subscriptionId + "/deliveries；修复后用 PUT /api/v1/webhooks/" + subscriptionId + " 重新启用。",
                    "webhook-disabled/" + subscriptionId + "/" + now.toEpochMilli());
        }
    }

    /** The event as a structured CloudEvent, signed as Standard Webhooks sign ({@link Signatures}). */
    private HttpRequest request(Delivery d, Subscription s, Instant now) {
        String body = d.cloudEvent();
        long timestamp = now.getEpochSecond();
        return HttpRequest.newBuilder(URI.create(s.url()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "Firebreak-Webhooks/2.0")
                .header(Signatures.ID, d.id())
                .header(Signatures.TIMESTAMP, String.valueOf(timestamp))
                .header(Signatures.SIGNATURE, Signatures.header(s.signingSecrets(now), d.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String clip(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 1) + "…";
    }

    /** Subscriptions' breakers as the API shows them. */
    Map<String, String> breakerStates(List<String> subscriptionIds) {
        Map<String, String> states = new HashMap<>();
        subscriptionIds.forEach(id -> states.put(id, breaker(id).getState().name()));
        return states;
    }
}

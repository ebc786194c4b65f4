package io.firebreak.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-model load: complaints sent at a fixed rate from one clock, whatever the answers do. Each request's
 * latency is counted from the time it was meant to go (so a stalled system is not hidden by a stalled sender);
 * at most {@code maxOutstanding} are in flight, and what would exceed that is dropped and counted. Simulated
 * agents acknowledge, resolve and record the follow-up of a share of the complaints.
 */
final class Load implements AutoCloseable {

    /** What one step's requests came to. */
    static final class StepCounts {
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong merged = new AtomicLong();
        final AtomicLong rejectedInvalid = new AtomicLong();
        final AtomicLong rejectedRateLimited = new AtomicLong();
        final AtomicLong rejectedServerError = new AtomicLong();
        final AtomicLong rejectedOther = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong invalidSent = new AtomicLong();
        final AtomicLong invalidAccepted = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong retriesSameAnswer = new AtomicLong();
        final AtomicLong retriesOtherAnswer = new AtomicLong();
        final Histogram intakeLatency = new ConcurrentHistogram(60_000_000_000L, 3);
        /** The same latencies by the second of the step they were meant to be sent in, from 0 (to 10 µs, 2 digits). */
        final Map<Long, Histogram> intakeBySecond = new ConcurrentHashMap<>();

        volatile long sendStartNanos;
        /** The wall clock when the step began sending, to line its seconds up with the system's logs. */
        volatile long sendStartEpochMillis;

        volatile long sendEndNanos;
        volatile long lateNanosMax;

        long rejected() {
            return rejectedInvalid.get() + rejectedRateLimited.get() + rejectedServerError.get() + rejectedOther.get();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Not SOCIAL_MEDIA: that channel alone brings in another department and changes the class mix. */
    private static final List<String> CHANNELS = List.of("EMAIL", "WEB_FORM", "CHAT", "PHONE");

    private static final Texts.Kind[] KINDS = Texts.Kind.values();
    /** The class mix: mostly ordinary, as in a contact centre, but every class well represented. */
    private static final double[] KIND_SHARES = {0.55, 0.2, 0.15, 0.1};

    private final Options options;
    private final Lives lives;
    private final Texts texts = new Texts();
    private final String runId;
    private final List<String> clientTokens;
    private final List<String> agentTokens;
    private final URI complaints;
    private final URI api;
    private final HttpClient http;
    private final ExecutorService httpExecutor;
    private final ThreadPoolExecutor agents;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Boolean> accepted = new ConcurrentHashMap<>();
    /** Order references of requests answered neither 2xx nor 400/422 (or not at all): stored or not, the store says. */
    private final java.util.Queue<String> unsure = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final Histogram agentLatency = new ConcurrentHistogram(60_000_000_000L, 3);
    private final AtomicLong agentActions = new AtomicLong();
    private final AtomicLong agentFailures = new AtomicLong();
    private final AtomicLong agentDropped = new AtomicLong();
    private final SplittableRandom random = new SplittableRandom(20261123L);

    Load(Options options, Lives lives, Tokens tokens, String runId) {
        this.options = options;
        this.lives = lives;
        this.runId = runId;
        int maxRate = options.steps().stream().mapToInt(Integer::intValue).max().orElse(100);
        // Each client stays well inside the gateway's per-client limit (20/s): a client per 5 complaints a second.
        this.clientTokens = tokens.mint("INTEGRATION", Math.max(20, maxRate / 5 + 1));
        this.agentTokens = tokens.mint("AGENT", 100);
        this.api = options.gateway().resolve("/api/v1/");
        this.complaints = api.resolve("complaints");
        this.httpExecutor =
                new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("bench-http"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.agents = new ThreadPoolExecutor(
                16, 16, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(20_000), daemon("bench-agent"));
        lives.onOpened(life -> agent(() -> acknowledgeAndResolve(life)));
        lives.onFollowUpPending(life -> agent(() -> followUp(life)));
    }

    /**
     * Sends {@code rate} complaints a second for {@code duration}, then returns (answers may still be coming). A
     * warm-up (step -1) is sent the same way but its complaints are not tracked or counted in the report.
     */
    StepCounts run(int step, int rate, Duration duration, StepCounts counts) {
        long interval = 1_000_000_000L / rate;
        long total = rate * duration.toSeconds();
        long start = System.nanoTime() + 10_000_000L;
        counts.sendStartNanos = start;
        counts.sendStartEpochMillis = System.currentTimeMillis() + 10;
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            counts.lateNanosMax = Math.max(counts.lateNanosMax, -wait);
            if (inFlight.get() >= options.maxOutstanding()) {
                counts.dropped.incrementAndGet();
                continue;
            }
            send(step, intended, counts);
        }
        counts.sendEndNanos = System.nanoTime();
        return counts;
    }

    /** Order references of the requests whose answer did not say whether the complaint was stored. */
    List<String> unsure() {
        return List.copyOf(unsure);
    }

    /** Requests still waiting for an answer. */
    int inFlight() {
        return inFlight.get();
    }

    Histogram agentLatency() {
        return agentLatency;
    }

    long agentActions() {
        return agentActions.get();
    }

    long agentFailures() {
        return agentFailures.get();
    }

    long agentDropped() {
        return agentDropped.get();
    }

    int agentBacklog() {
        return agents.getQueue().size() + agents.getActiveCount();
    }

    /** The run's order references start with this: the store check finds the run's complaints by it. */
    String orderPrefix() {
        return "BENCH-" + runId + "-";
    }

    private void send(int step, long intended, StepCounts counts) {
        long seq = sequence.incrementAndGet();
        boolean invalid = random.nextDouble() < options.invalidShare();
        boolean retry = !invalid && random.nextDouble() < options.retryShare();
        boolean warmup = step < 0;
        boolean complete = !warmup && random.nextDouble() < options.completeShare();
        Texts.Kind kind = pick();
        boolean chinese = random.nextBoolean();
        Texts.Text text = texts.next(random, kind, chinese);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", CHANNELS.get(random.nextInt(CHANNELS.size())));
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", chinese ? "测试客户" + seq : "Customer " + seq);
        // A new customer and order each time: no two submissions are the same matter.
        customer.put(
                "phone", String.format(Locale.ROOT, "13%d%08d", 1 + random.nextInt(9), random.nextInt(100_000_000)));
        body.put("customer", customer);
        body.put("description", text.body());
        String orderRef = (warmup ? "BENCHW-" + runId + "-" : orderPrefix()) + seq;
        body.put("orderRef", orderRef);
        if (invalid) {
            counts.invalidSent.incrementAndGet();
            switch (random.nextInt(3)) {
                case 0 -> body.put("description", "");
                case 1 -> body.put("channel", "CARRIER_PIGEON");
                default -> customer.put("email", "not-an-email");
            }
        }
        String json = JSON.writeValueAsString(body);
        String token = clientTokens.get((int) (seq % clientTokens.size()));
        HttpRequest request = HttpRequest.newBuilder(complaints)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + runId + "-" + seq)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        counts.submitted.incrementAndGet();
        inFlight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long now = System.nanoTime();
            inFlight.decrementAndGet();
            if (error != null) {
                counts.failed.incrementAndGet();
                if (!warmup) unsure.add(orderRef);
                return;
            }
            counts.intakeLatency.recordValue(Math.max(0, now - intended));
            counts.intakeBySecond
                    .computeIfAbsent(
                            (intended - counts.sendStartNanos) / 1_000_000_000L,
                            second -> new ConcurrentHistogram(10_000L, 60_000_000_000L, 2))
                    .recordValue(Math.max(0, now - intended));
            int status = response.statusCode();
            if (status == 201 || status == 200) {
                String id = id(response.body());
                if (id == null || accepted.putIfAbsent(id, Boolean.TRUE) != null) {
                    // The same complaint given for two submissions: a merge (never expected here).
                    counts.merged.incrementAndGet();
                    return;
                }
                counts.accepted.incrementAndGet();
                if (invalid) counts.invalidAccepted.incrementAndGet();
                if (warmup) return;
                Lives.Life life = lives.life(id);
                life.kind = kind;
                life.complete = complete;
                life.intendedNanos = intended;
                life.step = step;
                if (life.openedNanos != 0 && complete) agent(() -> acknowledgeAndResolve(life));
                if (retry) retry(request, id, counts);
            } else if (status == 400 || status == 422) {
                counts.rejectedInvalid.incrementAndGet();
            } else {
                if (status == 429) {
                    counts.rejectedRateLimited.incrementAndGet();
                } else if (status >= 500) {
                    counts.rejectedServerError.incrementAndGet();
                } else {
                    counts.rejectedOther.incrementAndGet();
                }
                // A gateway timeout or a client timeout says nothing of whether intake stored the complaint.
                if (!warmup) unsure.add(orderRef);
            }
        });
    }

    /** The client did not hear the answer and sends the same request again, with the same Idempotency-Key. */
    private void retry(HttpRequest request, String id, StepCounts counts) {
        counts.retries.incrementAndGet();
        inFlight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            inFlight.decrementAndGet();
            if (error == null
                    && (response.statusCode() == 201 || response.statusCode() == 200)
                    && id.equals(id(response.body()))) {
                counts.retriesSameAnswer.incrementAndGet();
            } else {
                counts.retriesOtherAnswer.incrementAndGet();
                System.err.printf(
                        "retry of %s answered %s%n",
                        id, error != null ? error.toString() : response.statusCode() + " " + response.body());
            }
        });
    }

    private Texts.Kind pick() {
        double r = random.nextDouble();
        for (int i = 0; i < KINDS.length; i++) {
            r -= KIND_SHARES[i];
            if (r < 0) return KINDS[i];
        }
        return KINDS[0];
    }

    private void agent(Runnable action) {
        try {
            agents.execute(action);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            agentDropped.incrementAndGet();
        }
    }

    private void acknowledgeAndResolve(Lives.Life life) {
        String token = agentTokens.get(Math.floorMod(life.id.hashCode(), agentTokens.size()));
        if (!call(token, "cases/" + life.id + "/acknowledge", "{\"message\":\"您好，我们已经收到，正在处理。\"}", 1)) {
            return;
        }
        call(
                token,
                "cases/" + life.id + "/resolve",
                "{\"summary\":\"Checked with the customer and put right the same day\",\"rootCause\":\"PROCESS\"}",
                1);
    }

    private void followUp(Lives.Life life) {
        String token = agentTokens.get(Math.floorMod(life.id.hashCode(), agentTokens.size()));
        // Called once feedback announced the follow-up pending, as an agent works from the queue of due follow-ups;
        // the few tries after it are for an answer lost on the way, not a poll of a pipeline that lags.
        call(token, "complaints/" + life.id + "/follow-up", "{\"satisfied\":true,\"score\":5,\"comment\":\"谢谢\"}", 5);
    }

    private boolean call(String token, String path, String json, int attempts) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            long began = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(api.resolve(path))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                agentLatency.recordValue(System.nanoTime() - began);
                agentActions.incrementAndGet();
                if (response.statusCode() / 100 == 2) return true;
                boolean notYet = response.statusCode() == 409 || response.statusCode() == 404;
                if (!notYet || attempt == attempts) {
                    agentFailures.incrementAndGet();
                    System.err.printf("agent %s: %d %s%n", path, response.statusCode(), response.body());
                    return false;
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                agentFailures.incrementAndGet();
                return false;
            }
        }
        return false;
    }

    private static String id(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode id = node.get("id");
            return id == null ? null : id.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        agents.shutdownNow();
        httpExecutor.shutdownNow();
    }
}

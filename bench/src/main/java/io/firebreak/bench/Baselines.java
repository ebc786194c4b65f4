package io.firebreak.bench;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The ceilings the pipeline is measured against, on the same broker, store and services, in the same run: raw
 * Kafka produce-and-consume with the services' producer settings, raw store writes with the same driver, and a
 * no-op route through the gateway against the same service directly. Each leaves nothing behind.
 *
 * <p>Each also says what one of its units (a request, a store command, a Kafka record) costs in CPU: the system's
 * side (the standalone process: broker, store engine, gateway and service) and the client's (this process: the
 * driver, the producer and consumer), the JIT compilers left out of both and each process's idle rate, measured
 * just before, taken off; the system's also by part (its threads by name, as the steps' are, idle not taken off).
 * A complaint's floor ({@link Floor}) is built from these prices.
 */
final class Baselines {

    /** One measured ceiling. */
    record Result(
            String name,
            String what,
            long operations,
            double seconds,
            double perSecond,
            double p50Ms,
            double p99Ms,
            double p999Ms,
            String unit,
            double units,
            double systemCpuMs,
            double clientCpuMs,
            Map<String, Double> systemCpuMsByPart) {

        static Result of(String name, String what, long operations, double seconds, Histogram latency) {
            return new Result(
                    name,
                    what,
                    operations,
                    seconds,
                    operations / seconds,
                    ms(latency, 50),
                    ms(latency, 99),
                    ms(latency, 99.9),
                    null,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Map.of());
        }

        /** The same result with what its phase cost: {@code unitsPerOperation} units of {@code unit} each. */
        Result costing(String unit, double unitsPerOperation, Cpu spent) {
            return new Result(
                    name,
                    what,
                    operations,
                    seconds,
                    perSecond,
                    p50Ms,
                    p99Ms,
                    p999Ms,
                    unit,
                    operations * unitsPerOperation,
                    spent.systemMs(),
                    spent.clientMs(),
                    spent.systemMsByPart());
        }

        double systemCpuMsPerUnit() {
            return systemCpuMs / units;
        }

        double clientCpuMsPerUnit() {
            return clientCpuMs / units;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("what", what);
            map.put("operations", operations);
            map.put("seconds", seconds);
            map.put("perSecond", perSecond);
            map.put("p50Ms", p50Ms);
            map.put("p99Ms", p99Ms);
            map.put("p999Ms", p999Ms);
            if (unit != null) {
                map.put("unit", unit);
                map.put("units", units);
                map.put("systemCpuMs", systemCpuMs);
                map.put("clientCpuMs", clientCpuMs);
                map.put("systemCpuMsPerUnit", systemCpuMsPerUnit());
                map.put("clientCpuMsPerUnit", clientCpuMsPerUnit());
                Map<String, Double> perUnit = new LinkedHashMap<>();
                systemCpuMsByPart.forEach((part, ms) -> {
                    if (ms > 0) perUnit.put(part, ms / units);
                });
                map.put("systemCpuMsPerUnitByPart", perUnit);
            }
            return map;
        }
    }

    /** CPU milliseconds a phase cost the system and this client, and the system's by part of it. */
    record Cpu(double systemMs, double clientMs, Map<String, Double> systemMsByPart) {}

    /** A process's CPU so far: in all (ended threads too) and by thread, to take the JIT compilers' out. */
    private record Reading(double seconds, Map<Long, double[]> threads) {
        static Reading of(long pid) {
            return new Reading(Probes.cpuSeconds(pid), ThreadCpu.read(pid));
        }

        /** CPU ms since this reading, the JIT compilers' left out (a fresh JVM compiles what it is first given). */
        double busyMsUntil(Reading later) {
            return 1000
                    * (later.seconds
                            - seconds
                            - ThreadCpu.since(threads, later.threads).get(ThreadCpu.JIT));
        }
    }

    /** Where a phase's CPU is read from: both processes, and each one's idle rate to take off. */
    private final class Meter {
        private final Reading system = Reading.of(pid);
        private final Reading client = Reading.of(benchPid);
        private final long began = System.nanoTime();

        Cpu spent() {
            double seconds = (System.nanoTime() - began) / 1e9;
            Reading systemNow = Reading.of(pid);
            Map<String, Double> byPart = new LinkedHashMap<>();
            ThreadCpu.since(system.threads(), systemNow.threads()).forEach((part, spent) -> {
                if (!part.equals(ThreadCpu.JIT)) byPart.put(part, spent * 1000);
            });
            return new Cpu(
                    Math.max(0, system.busyMsUntil(systemNow) - systemIdleMsPerSecond * seconds),
                    Math.max(0, client.busyMsUntil(Reading.of(benchPid)) - clientIdleMsPerSecond * seconds),
                    byPart);
        }
    }

    static final String TOPIC = "bench.baseline";
    private static final String DATABASE = "bench_baseline";

    private final Options options;
    private final Duration duration;
    private final int recordBytes;
    private final long pid;
    private final long benchPid;
    private double systemIdleMsPerSecond;
    private double clientIdleMsPerSecond;

    Baselines(Options options, int recordBytes, long pid, long benchPid) {
        this.options = options;
        this.duration = options.baselineDuration();
        this.recordBytes = recordBytes;
        this.pid = pid;
        this.benchPid = benchPid;
    }

    List<Result> runAll(Admin admin, Tokens tokens) throws Exception {
        measureIdle();
        List<Result> results = new ArrayList<>();
        results.addAll(kafka(admin));
        results.addAll(store());
        results.addAll(http(tokens));
        return results;
    }

    /** What both processes spend doing nothing asked of them (consumers polling, relays sweeping, clocks). */
    private void measureIdle() throws InterruptedException {
        Reading system = Reading.of(pid);
        Reading client = Reading.of(benchPid);
        long began = System.nanoTime();
        Thread.sleep(5000);
        double seconds = (System.nanoTime() - began) / 1e9;
        systemIdleMsPerSecond = system.busyMsUntil(Reading.of(pid)) / seconds;
        clientIdleMsPerSecond = client.busyMsUntil(Reading.of(benchPid)) / seconds;
    }

    /**
     * Produce-and-consume at full speed (pipelined sends), and one send at a time waiting for each acknowledgement
     * (what the outbox relay does per aggregate), with {@code acks=all}, idempotence and {@code linger.ms=1}.
     */
    List<Result> kafka(Admin admin) throws Exception {
        try {
            admin.deleteTopics(List.of(TOPIC)).all().get(10, TimeUnit.SECONDS);
            Thread.sleep(1000);
        } catch (Exception e) {
            // not there: fine
        }
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
        String value = "x".repeat(recordBytes);
        List<Result> results = new ArrayList<>();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p);
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions =
                    List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1), new TopicPartition(TOPIC, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position);
            Histogram endToEnd = new ConcurrentHistogram(60_000_000_000L, 3);
            AtomicLong consumed = new AtomicLong();
            AtomicLong produced = new AtomicLong();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = new Thread(
                    () -> {
                        while (reading.get()) {
                            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                                long sent = ByteBuffer.wrap(
                                                r.headers().lastHeader("sent").value())
                                        .getLong();
                                endToEnd.recordValue(Math.max(0, System.nanoTime() - sent));
                                consumed.incrementAndGet();
                            }
                        }
                    },
                    "bench-baseline-consumer");
            Meter pipelined = new Meter();
            long began = System.nanoTime();
            long end = began + duration.toNanos();
            reader.start();
            // Pipelined, but bounded so a slow broker is measured, not buried under a queue.
            Semaphore window = new Semaphore(2000);
            long i = 0;
            while (System.nanoTime() < end) {
                window.acquire();
                ProducerRecord<String, String> r = new ProducerRecord<>(TOPIC, "C-" + (i++ % 100_000), value);
                r.headers()
                        .add(
                                "sent",
                                ByteBuffer.allocate(8)
                                        .putLong(System.nanoTime())
                                        .array());
                producer.send(r, (m, e) -> {
                    window.release();
                    if (e == null) produced.incrementAndGet();
                });
            }
            producer.flush();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (consumed.get() < produced.get() && System.nanoTime() < deadline) Thread.sleep(10);
            double seconds = (System.nanoTime() - began) / 1e9;
            reading.set(false);
            reader.join(5000);
            results.add(Result.of(
                            "kafka-pipelined",
                            "Kafka produce (acks=all, idempotent, " + recordBytes
                                    + " B) and consume, sends pipelined; latency send to receipt",
                            consumed.get(),
                            seconds,
                            endToEnd)
                    .costing("record", 1, pipelined.spent()));

            Histogram sync = new ConcurrentHistogram(60_000_000_000L, 3);
            Meter oneAtATime = new Meter();
            long n = 0;
            began = System.nanoTime();
            end = began + duration.toNanos() / 2;
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, "C-" + (n % 100_000), value))
                        .get(10, TimeUnit.SECONDS);
                sync.recordValue(System.nanoTime() - t);
                n++;
            }
            results.add(Result.of(
                            "kafka-one-at-a-time",
                            "Kafka produce, one send at a time waiting for its "
                                    + "acknowledgement (as the outbox relay publishes one aggregate's events)",
                            n,
                            (System.nanoTime() - began) / 1e9,
                            sync)
                    .costing("record", 1, oneAtATime.spent()));
        } finally {
            admin.deleteTopics(List.of(TOPIC)).all().get(10, TimeUnit.SECONDS);
        }
        return results;
    }

    /**
     * Inserts, then compare-and-set replaces (read by id, replace where the version is unchanged), 4 threads, each
     * measured after the same work unmeasured for as long.
     */
    List<Result> store() throws Exception {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(options.mongo()))
                .writeConcern(WriteConcern.ACKNOWLEDGED)
                .build();
        List<Result> results = new ArrayList<>();
        int threads = 4;
        try (MongoClient client = MongoClients.create(settings)) {
            MongoCollection<Document> docs = client.getDatabase(DATABASE).getCollection("docs");
            docs.drop();
            // As the aggregate store's: no index beyond _id (which serves its compare-and-set filter {_id, version}).
            String text = "x".repeat(recordBytes);
            AtomicLong ids = new AtomicLong();
            Histogram inserts = new ConcurrentHistogram(60_000_000_000L, 3);
            // Each phase as long as a baseline: the store shares its process, whose compiler needs that to warm up.
            long seconds = Math.max(2, duration.toSeconds());
            // The same work unmeasured first, so that the figures are the store's and not this client's warm-up.
            AtomicLong warmIds = new AtomicLong(-1_000_000_000L);
            parallel(threads, seconds, () -> docs.insertOne(document(warmIds.incrementAndGet(), text, 0)));
            parallel(threads, seconds, () -> {
                long id = -1_000_000_000L
                        + 1
                        + new SplittableRandom(System.nanoTime()).nextLong(warmIds.get() + 1_000_000_000L);
                Document doc = docs.find(eq("_id", id)).first();
                docs.replaceOne(
                        new Document("_id", id).append("version", doc.getLong("version")),
                        document(id, text, doc.getLong("version") + 1));
            });
            Meter inserting = new Meter();
            double took = parallel(threads, seconds, () -> {
                long t = System.nanoTime();
                long id = ids.incrementAndGet();
                docs.insertOne(document(id, text, 0));
                inserts.recordValue(System.nanoTime() - t);
            });
            results.add(Result.of(
                            "store-insert",
                            "Store insert of a " + recordBytes + " B document, " + threads + " threads",
                            inserts.getTotalCount(),
                            took,
                            inserts)
                    .costing("store command", 1, inserting.spent()));
            long existing = ids.get();
            Histogram updates = new ConcurrentHistogram(60_000_000_000L, 3);
            Meter updating = new Meter();
            took = parallel(threads, seconds, () -> {
                long t = System.nanoTime();
                long id = 1 + new SplittableRandom(t).nextLong(existing);
                Document doc = docs.find(eq("_id", id)).first();
                long version = doc.getLong("version");
                docs.replaceOne(new Document("_id", id).append("version", version), document(id, text, version + 1));
                updates.recordValue(System.nanoTime() - t);
            });
            results.add(Result.of(
                            "store-cas-update",
                            "Store read by id and compare-and-set replace (as every " + "aggregate write does), "
                                    + threads + " threads",
                            updates.getTotalCount(),
                            took,
                            updates)
                    .costing("store command", 2, updating.spent()));
            client.getDatabase(DATABASE).drop();
        }
        return results;
    }

    private static Document document(long id, String text, long version) {
        return new Document("_id", id)
                .append("version", version)
                .append("status", "RECEIVED")
                .append("description", text)
                .append("outbox", List.of())
                .append("applied", List.of());
    }

    private static double parallel(int threads, long seconds, Runnable op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Load.daemon("bench-store"));
        long began = System.nanoTime();
        long end = began + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) op.run();
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        return (System.nanoTime() - began) / 1e9;
    }

    /**
     * The cheapest route there is, the root-cause taxonomy (a constant list behind the same JWT checks), as fast as
     * 32 concurrent clients can, through the gateway and at the resolution service directly, each after a warm-up.
     */
    List<Result> http(Tokens tokens) throws Exception {
        List<String> agentTokens = tokens.mint("AGENT", 200);
        URI viaGateway = options.gateway().resolve("/api/v1/root-causes");
        URI direct = URI.create(
                options.gateway().getScheme() + "://" + options.gateway().getHost() + ":8083" + "/api/v1/root-causes");
        // Both paths once unmeasured first: measured cold (the system just started), the JIT's work on the gateway's
        // path, read first, was most of what the comparison showed.
        closedLoop("gateway-noop-warm-up", "", viaGateway, agentTokens);
        closedLoop("service-noop-warm-up", "", direct, agentTokens);
        List<Result> results = new ArrayList<>();
        results.add(closedLoop(
                "gateway-noop", "GET /api/v1/root-causes through the gateway, 32 concurrent", viaGateway, agentTokens));
        results.add(closedLoop(
                "service-noop",
                "GET /api/v1/root-causes at the resolution service directly, " + "32 concurrent",
                direct,
                agentTokens));
        // What a request costs where both keep up, as the pipeline's requests come: flat out, a saturated machine
        // spends on contention what a request does not need.
        results.add(openLoop(
                "gateway-noop-paced",
                "the same through the gateway, " + PACED_PER_SECOND + " a second at even intervals",
                viaGateway,
                agentTokens));
        results.add(openLoop(
                "service-noop-paced",
                "the same at the service directly, " + PACED_PER_SECOND + " a second at even intervals",
                direct,
                agentTokens));
        return results;
    }

    /** The no-op requests' paced rate: more than the API requests of the pipeline's steps up to 100/s. */
    static final int PACED_PER_SECOND = 200;

    /** {@value #PACED_PER_SECOND} requests a second at even intervals, sent whatever the answers do. */
    private Result openLoop(String name, String what, URI uri, List<String> tokens) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2, Load.daemon("bench-noop"));
        HttpClient http = client(executor);
        Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong notOk = new AtomicLong();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        Meter meter = new Meter();
        long began = System.nanoTime();
        long interval = 1_000_000_000L / PACED_PER_SECOND;
        long count = duration.toNanos() / 2 / interval;
        for (long i = 0; i < count; i++) {
            long due = began + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            sent.add(http.sendAsync(
                            noOp(uri, tokens.get((int) (i % tokens.size()))), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 200) {
                            latency.recordValue(Math.max(0, System.nanoTime() - due));
                            ok.incrementAndGet();
                        } else {
                            notOk.incrementAndGet();
                        }
                    }));
        }
        for (CompletableFuture<?> f : sent) {
            try {
                f.get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted as not answered
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Cpu spent = meter.spent();
        executor.shutdownNow();
        if (notOk.get() > 0) System.err.printf("%s: %d requests not answered 200%n", name, notOk.get());
        return answered(name, what, ok.get(), notOk.get(), seconds, latency, spent);
    }

    private static HttpClient client(ExecutorService executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
    }

    private static HttpRequest noOp(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    /** A no-op loop's result, each request (those not answered 200 too) a unit of its CPU. */
    private static Result answered(
            String name, String what, long ok, long notOk, double seconds, Histogram latency, Cpu spent) {
        return Result.of(name, what, ok, seconds, latency)
                .costing("request", (double) (ok + notOk) / Math.max(1, ok), spent);
    }

    /** As many requests as 32 at a time allow. */
    private Result closedLoop(String name, String what, URI uri, List<String> tokens) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4, Load.daemon("bench-noop"));
        HttpClient http = client(executor);
        Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        Semaphore concurrency = new Semaphore(32);
        Meter meter = new Meter();
        AtomicLong ok = new AtomicLong();
        AtomicLong notOk = new AtomicLong();
        long began = System.nanoTime();
        long end = began + duration.toNanos() / 2;
        long i = 0;
        Set<Integer> statuses = java.util.concurrent.ConcurrentHashMap.newKeySet();
        while (System.nanoTime() < end) {
            concurrency.acquire();
            long t = System.nanoTime();
            CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(
                    noOp(uri, tokens.get((int) (i++ % tokens.size()))), HttpResponse.BodyHandlers.ofByteArray());
            f.whenComplete((r, e) -> {
                concurrency.release();
                if (e == null && r.statusCode() == 200) {
                    latency.recordValue(System.nanoTime() - t);
                    ok.incrementAndGet();
                } else {
                    notOk.incrementAndGet();
                    if (r != null) statuses.add(r.statusCode());
                }
            });
        }
        concurrency.acquire(32);
        double seconds = (System.nanoTime() - began) / 1e9;
        executor.shutdownNow();
        if (notOk.get() > 0) {
            System.err.printf("%s: %d requests not answered 200 (statuses %s)%n", name, notOk.get(), statuses);
        }
        return answered(name, what, ok.get(), notOk.get(), seconds, latency, meter.spent());
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

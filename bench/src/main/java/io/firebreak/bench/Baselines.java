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
            double p999Ms) {

        static Result of(String name, String what, long operations, double seconds, Histogram latency) {
            return new Result(
                    name,
                    what,
                    operations,
                    seconds,
                    operations / seconds,
                    ms(latency, 50),
                    ms(latency, 99),
                    ms(latency, 99.9));
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
            return map;
        }
    }

    static final String TOPIC = "bench.baseline";
    private static final String DATABASE = "bench_baseline";

    private final Options options;
    private final Duration duration;
    private final int recordBytes;

    Baselines(Options options, int recordBytes) {
        this.options = options;
        this.duration = options.baselineDuration();
        this.recordBytes = recordBytes;
    }

    List<Result> runAll(Admin admin, Tokens tokens) throws Exception {
        List<Result> results = new ArrayList<>();
        results.addAll(kafka(admin));
        results.addAll(store());
        results.addAll(http(tokens));
        return results;
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
                    endToEnd));

            Histogram sync = new ConcurrentHistogram(60_000_000_000L, 3);
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
                    sync));
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
                    inserts));
            long existing = ids.get();
            Histogram updates = new ConcurrentHistogram(60_000_000_000L, 3);
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
                    "Store read by id and compare-and-set replace (as every " + "aggregate write does), " + threads
                            + " threads",
                    updates.getTotalCount(),
                    took,
                    updates));
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
        return results;
    }

    private Result closedLoop(String name, String what, URI uri, List<String> tokens) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4, Load.daemon("bench-noop"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
        Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        Semaphore concurrency = new Semaphore(32);
        AtomicLong ok = new AtomicLong();
        AtomicLong notOk = new AtomicLong();
        long began = System.nanoTime();
        long end = began + duration.toNanos() / 2;
        long i = 0;
        Set<Integer> statuses = java.util.concurrent.ConcurrentHashMap.newKeySet();
        while (System.nanoTime() < end) {
            concurrency.acquire();
            long t = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + tokens.get((int) (i++ % tokens.size())))
                    .GET()
                    .build();
            CompletableFuture<HttpResponse<byte[]>> f =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
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
        return Result.of(name, what, ok.get(), seconds, latency);
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

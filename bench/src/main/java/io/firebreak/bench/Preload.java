package io.firebreak.bench;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Fills a running standalone system's store with many complaints, each with its whole life in every service, so
 * that the system can be measured as data grows ({@code bench/run --preload N}).
 *
 * <p>A few template complaints are taken through their lives through the API, as agents would (received, assigned,
 * acknowledged, resolved, followed up, closed), so every service stores them in its own shapes. Then every document
 * of each template, in every database, is copied straight into the store N / templates times, with its
 * identifiers (complaint ids, customer ids, event and other UUIDs) replaced by new ones, consistently within a copy.
 * Documents that belong to no one complaint (settings, counts by day) are not copied.
 */
final class Preload {

    private static final Set<String> SKIPPED_DATABASES = Set.of("admin", "local", "config", "bench_baseline");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "C\\d{6}-[0-9A-Z]{6}|CUS-[0-9A-F]{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + "|preload-[0-9a-z]+@example\\.com");
    private static final JsonWriterSettings EXTENDED =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final List<String> ROOT_CAUSES = List.of("DELIVERY_LOGISTICS", "BILLING", "PRODUCT_DEFECT");
    private static final String[] TEXTS = {
        "快递三天没到，客服电话一直打不通", "The invoice was charged twice this month and nobody answers my emails",
        "安装师傅迟到了两个小时，还把地板刮坏了", "My router drops the connection every hour since the update",
        "退款申请提交两周了还没有到账", "The replacement part was the wrong size, second time in a row",
        "商品和描述不符，颜色完全不一样", "I was promised a call back yesterday and nobody called",
    };

    private final Options options;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> agents;
    private final AtomicLong sequence = new AtomicLong(System.nanoTime() & 0xffffffL);

    Preload(Options options, Tokens tokens) {
        this.options = options;
        this.agents = tokens.mint("AGENT", 16);
    }

    /** Preloads {@code complaints} complaints and prints what it did. */
    void run(int complaints) throws Exception {
        long began = System.nanoTime();
        int templates = Math.min(8, Math.max(1, complaints));
        System.out.printf(Locale.ROOT, "Preload: %d template complaints through their whole lives ...%n", templates);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < templates; i++) {
            ids.add(live(i));
        }
        // Let the last events reach every service (feedback's read models, the gateway's alerts).
        Thread.sleep(3000);
        try (MongoClient client = MongoClients.create(options.mongo())) {
            Map<String, List<Map.Entry<String, String>>> byTemplate = templateDocuments(client, ids);
            int copies = (complaints - templates + templates - 1) / templates;
            System.out.printf(
                    Locale.ROOT,
                    "Preload: copying %d documents per template %d times ...%n",
                    byTemplate.values().stream().mapToInt(List::size).sum() / templates,
                    copies);
            Map<String, AtomicLong> written = new LinkedHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(2, Load.daemon("bench-preload"));
            List<Future<?>> work = new ArrayList<>();
            long copyBegan = System.nanoTime();
            for (List<Map.Entry<String, String>> documents : byTemplate.values()) {
                work.add(pool.submit(() -> {
                    copy(client, documents, copies, written);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - copyBegan) / 1e9;
            long total = written.values().stream().mapToLong(AtomicLong::get).sum();
            System.out.printf(
                    Locale.ROOT,
                    "Preload: %d complaints (%d templates + %d copies), %d documents in %.1f s "
                            + "(%.0f documents/s, %.0f complaints/s); whole preload %.1f s%n",
                    templates + copies * templates,
                    templates,
                    copies * templates,
                    total,
                    seconds,
                    total / seconds,
                    copies * templates / seconds,
                    (System.nanoTime() - began) / 1e9);
            written.forEach((namespace, n) -> System.out.printf(Locale.ROOT, "  %-32s %9d%n", namespace, n.get()));
        }
    }

    /** Takes one complaint through its whole life through the gateway and returns its id. */
    private String live(int i) throws Exception {
        String agent = agents.get(i % agents.size());
        String body = String.format(
                Locale.ROOT,
                """
                {"channel":"%s","customer":{"name":"Preload %d","email":"preload-%s@example.com"},
                 "description":"%s","orderRef":"PRE-%d","remedySought":"尽快处理"}""",
                List.of("PHONE", "EMAIL", "CHAT", "WEB_FORM").get(i % 4),
                i,
                Long.toString(sequence.incrementAndGet(), 36),
                TEXTS[i % TEXTS.length],
                i);
        String id = field(send("POST", "/api/v1/complaints", agent, body, 201), "id");
        awaitState(id, agent, "ASSIGNED");
        send("POST", "/api/v1/cases/" + id + "/acknowledge", agent, "{\"message\":\"We are on it\"}", 200);
        send(
                "POST",
                "/api/v1/cases/" + id + "/resolve",
                agent,
                "{\"summary\":\"Sorted out\",\"rootCause\":\"" + ROOT_CAUSES.get(i % ROOT_CAUSES.size()) + "\"}",
                200);
        long until = System.nanoTime() + 30_000_000_000L;
        while (send(
                                "POST",
                                "/api/v1/complaints/" + id + "/follow-up",
                                agent,
                                "{\"satisfied\":true,\"score\":5,\"comment\":\"谢谢\"}",
                                -1)
                        .statusCode()
                != 201) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("The follow-up of " + id + " was not taken within 30 s");
            }
            Thread.sleep(100);
        }
        until = System.nanoTime() + 30_000_000_000L;
        while (!send("GET", "/api/v1/complaints/" + id, agent, null, 200).body().contains("\"status\":\"CLOSED\"")) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException(id + " did not close within 30 s");
            }
            Thread.sleep(100);
        }
        return id;
    }

    private void awaitState(String id, String agent, String state) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        while (true) {
            HttpResponse<String> r = send("GET", "/api/v1/cases/" + id, agent, null, -1);
            if (r.statusCode() == 200 && r.body().contains("\"state\":\"" + state + "\"")) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException(id + " not " + state + " within 30 s: " + r.body());
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(options.gateway().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0 && response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + response.body());
        }
        return m.group(1);
    }

    /**
     * Every document of every database that names a template complaint or its customer (by id or e-mail address),
     * as extended JSON by
     * namespace, grouped by template.
     */
    private static Map<String, List<Map.Entry<String, String>>> templateDocuments(
            MongoClient client, List<String> ids) {
        Map<String, Set<String>> identifiers = new LinkedHashMap<>();
        ids.forEach(id -> identifiers.put(id, new java.util.HashSet<>(Set.of(id))));
        List<Map.Entry<String, String>> all = new ArrayList<>();
        for (String database : client.listDatabaseNames()) {
            if (SKIPPED_DATABASES.contains(database)) {
                continue;
            }
            MongoDatabase db = client.getDatabase(database);
            for (String collection : db.listCollectionNames()) {
                if (collection.startsWith("system.")) {
                    continue;
                }
                for (RawBsonDocument document :
                        db.getCollection(collection, RawBsonDocument.class).find()) {
                    all.add(Map.entry(database + "." + collection, document.toJson(EXTENDED)));
                }
            }
        }
        // A template's customer is named in its complaint's documents; it then claims its customer's documents.
        for (Map.Entry<String, String> document : all) {
            for (Map.Entry<String, Set<String>> template : identifiers.entrySet()) {
                if (document.getValue().contains(template.getKey())) {
                    Matcher m = Pattern.compile("CUS-[0-9A-F]{12}|preload-[0-9a-z]+@example\\.com")
                            .matcher(document.getValue());
                    while (m.find()) {
                        template.getValue().add(m.group());
                    }
                }
            }
        }
        Map<String, List<Map.Entry<String, String>>> byTemplate = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> template : identifiers.entrySet()) {
            List<Map.Entry<String, String>> documents = new ArrayList<>();
            for (Map.Entry<String, String> document : all) {
                if (template.getValue().stream().anyMatch(document.getValue()::contains)
                        && ownIdentity(document.getValue())) {
                    documents.add(document);
                }
            }
            byTemplate.put(template.getKey(), documents);
        }
        return byTemplate;
    }

    /**
     * Whether a document's {@code _id} names a complaint, customer or event, so that a copy is a document of its own;
     * one that does not (a counter, a summary) stands for many complaints and is not copied.
     */
    private static boolean ownIdentity(String json) {
        return IDENTIFIER
                .matcher(RawBsonDocument.parse(json).get("_id").toString())
                .find();
    }

    private void copy(
            MongoClient client,
            List<Map.Entry<String, String>> documents,
            int copies,
            Map<String, AtomicLong> written) {
        Map<String, List<RawBsonDocument>> batches = new HashMap<>();
        for (int c = 0; c < copies; c++) {
            Map<String, String> replacements = new HashMap<>();
            for (Map.Entry<String, String> document : documents) {
                String json = replace(document.getValue(), replacements);
                if (json.equals(document.getValue())) {
                    continue;
                }
                List<RawBsonDocument> batch = batches.computeIfAbsent(document.getKey(), k -> new ArrayList<>());
                batch.add(RawBsonDocument.parse(json));
                if (batch.size() >= 500) {
                    insert(client, document.getKey(), batch, written);
                }
            }
        }
        batches.forEach((namespace, batch) -> insert(client, namespace, batch, written));
    }

    private String replace(String json, Map<String, String> replacements) {
        Matcher m = IDENTIFIER.matcher(json);
        StringBuilder out = new StringBuilder(json.length());
        while (m.find()) {
            m.appendReplacement(out, replacements.computeIfAbsent(m.group(), this::fresh));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A new identifier of the same kind as {@code old}. */
    private String fresh(String old) {
        long n = sequence.incrementAndGet();
        if (old.startsWith("preload-")) {
            return "preload-" + Long.toString(n, 36) + "@example.com";
        }
        if (old.startsWith("CUS-")) {
            return String.format(Locale.ROOT, "CUS-%012X", n);
        }
        if (old.startsWith("C")) {
            String base36 = Long.toString(n % 2_176_782_336L, 36).toUpperCase(Locale.ROOT);
            return old.substring(0, 8) + "0".repeat(6 - base36.length()) + base36;
        }
        return UUID.randomUUID().toString();
    }

    private static void insert(
            MongoClient client, String namespace, List<RawBsonDocument> batch, Map<String, AtomicLong> written) {
        if (batch.isEmpty()) {
            return;
        }
        int dot = namespace.indexOf('.');
        MongoCollection<RawBsonDocument> collection = client.getDatabase(namespace.substring(0, dot))
                .getCollection(namespace.substring(dot + 1), RawBsonDocument.class);
        try {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            throw new IllegalStateException(e.getWriteErrors().size() + " of " + batch.size() + " copies refused by "
                    + namespace + ", the first: " + e.getWriteErrors().get(0).getMessage());
        }
        synchronized (written) {
            written.computeIfAbsent(namespace, k -> new AtomicLong()).addAndGet(batch.size());
        }
        batch.clear();
    }
}

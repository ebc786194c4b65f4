package io.firebreak.standalone.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries served by a non-unique index answer exactly what a scan of the collection answers: equal values, lists of
 * them, ranges, compound prefixes, arrays, sparse fields and whether they exist, after updates and deletes, and after
 * a restart; an {@code $or} whose branches indexes serve, and a list of {@code _id}s beside other conditions; and
 * none of them reads the whole collection.
 */
class SecondaryIndexIT {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final List<String> STATUSES = List.of("RECEIVED", "ASSIGNED", "RESOLVED", "CLOSED");

    @TempDir
    Path data;

    @Test
    void indexed_queries_answer_what_a_scan_answers_before_and_after_changes_and_a_restart() {
        Path file = data.resolve("store.db");
        List<Document> expected = new ArrayList<>();
        try (DocumentStore store = DocumentStore.start(file, 0, DocumentStore.Flush.OS);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> cases = client.getDatabase("resolution").getCollection("cases");
            cases.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("receivedAt")));
            cases.createIndex(Indexes.ascending("nextDeadline"), new IndexOptions().sparse(true));
            cases.createIndex(Indexes.ascending("tasks.department"));
            cases.createIndex(Indexes.ascending("outbox.id"), new IndexOptions().sparse(true));
            for (int i = 0; i < 400; i++) {
                Document c = new Document("_id", String.format("C%04d", i))
                        .append("status", STATUSES.get(i % 4))
                        .append("receivedAt", Date.from(T0.plusSeconds(i)))
                        .append(
                                "tasks",
                                List.of(
                                        new Document("department", i % 3 == 0 ? "BILLING" : "LOGISTICS"),
                                        new Document("department", i % 5 == 0 ? "LEGAL" : "LOGISTICS")));
                if (i % 2 == 0) {
                    c.append("nextDeadline", Date.from(T0.plusSeconds(1000 + i)));
                }
                if (i % 3 == 1) {
                    c.append("outbox", List.of(new Document("id", "E" + i), new Document("id", "F" + i)));
                } else if (i % 3 == 2) {
                    c.append("outbox", List.of());
                }
                cases.insertOne(c);
                expected.add(c);
            }
            // Changes: every seventh moves on and loses its deadline, every eleventh is deleted.
            for (int i = 0; i < 400; i += 7) {
                String id = String.format("C%04d", i);
                cases.updateOne(
                        eq("_id", id),
                        Updates.combine(
                                Updates.set("status", "CLOSED"),
                                Updates.unset("nextDeadline"),
                                Updates.unset("outbox")));
                Document c = find(expected, id);
                c.put("status", "CLOSED");
                c.remove("nextDeadline");
                c.remove("outbox");
            }
            // As an aggregate's writer and the outbox relay change an outbox: one id kept, one gone, one new.
            for (int i = 1; i < 400; i += 9) {
                String id = String.format("C%04d", i);
                Document c = find(expected, id);
                if (!c.containsKey("outbox")) {
                    continue;
                }
                List<Document> outbox = new ArrayList<>(c.getList("outbox", Document.class));
                if (!outbox.isEmpty()) {
                    outbox.remove(0);
                }
                outbox.add(new Document("id", "G" + i));
                cases.updateOne(eq("_id", id), Updates.set("outbox", outbox));
                c.put("outbox", outbox);
            }
            for (int i = 0; i < 400; i += 11) {
                String id = String.format("C%04d", i);
                cases.deleteOne(eq("_id", id));
                expected.remove(find(expected, id));
            }
            long scans = store.collectionScans();
            assertOutboxEntries(client, expected);
            assertQueries(cases, expected);
            assertThat(store.collectionScans())
                    .as("queries that read the whole collection")
                    .isEqualTo(scans);
        }
        try (DocumentStore store = DocumentStore.start(file, 0, DocumentStore.Flush.OS);
                MongoClient client = MongoClients.create(store.uri())) {
            long scans = store.collectionScans();
            assertOutboxEntries(client, expected);
            assertQueries(client.getDatabase("resolution").getCollection("cases"), expected);
            assertThat(store.collectionScans())
                    .as("queries that read the whole collection")
                    .isEqualTo(scans);
            // A query no index serves still answers, by reading the collection.
            assertThat(client.getDatabase("resolution").getCollection("cases").countDocuments(eq("missing", 1)))
                    .isZero();
            assertThat(store.collectionScans()).isEqualTo(scans + 1);
        }
    }

    private static void assertQueries(MongoCollection<Document> cases, List<Document> all) {
        Date deadline = Date.from(T0.plusSeconds(1200));
        Date received = Date.from(T0.plusSeconds(100));
        check(cases, all, eq("status", "ASSIGNED"), d -> d.get("status").equals("ASSIGNED"));
        check(
                cases,
                all,
                in("status", "RECEIVED", "RESOLVED"),
                d -> d.get("status").equals("RECEIVED") || d.get("status").equals("RESOLVED"));
        check(
                cases,
                all,
                and(eq("status", "CLOSED"), gte("receivedAt", received)),
                d -> d.get("status").equals("CLOSED") && !((Date) d.get("receivedAt")).before(received));
        check(
                cases,
                all,
                lte("nextDeadline", deadline),
                d -> d.get("nextDeadline") != null && !((Date) d.get("nextDeadline")).after(deadline));
        check(
                cases,
                all,
                and(gt("nextDeadline", Date.from(T0.plusSeconds(1100))), lt("nextDeadline", deadline)),
                d -> d.get("nextDeadline") != null
                        && ((Date) d.get("nextDeadline")).after(Date.from(T0.plusSeconds(1100)))
                        && ((Date) d.get("nextDeadline")).before(deadline));
        check(
                cases,
                all,
                eq("tasks.department", "LEGAL"),
                d -> d.getList("tasks", Document.class).stream()
                        .anyMatch(t -> t.get("department").equals("LEGAL")));
        check(cases, all, eq("status", "NONE"), d -> false);
        check(
                cases,
                all,
                exists("outbox.id"),
                d -> d.getList("outbox", Document.class, List.of()).stream().anyMatch(e -> e.containsKey("id")));
        check(
                cases,
                all,
                and(eq("_id", "C0003"), or(exists("nextDeadline", false), eq("status", "NONE"))),
                d -> d.get("_id").equals("C0003") && !d.containsKey("nextDeadline"));
        check(cases, all, and(eq("_id", "C0004"), or(exists("nextDeadline", false), eq("status", "NONE"))), d -> false);
        check(
                cases,
                all,
                or(eq("status", "RESOLVED"), eq("outbox.id", "E1")),
                d -> d.get("status").equals("RESOLVED")
                        || d.getList("outbox", Document.class, List.of()).stream()
                                .anyMatch(e -> "E1".equals(e.get("id"))));
        check(
                cases,
                all,
                and(
                        in("_id", "C0001", "C0002", "C0005", "C0006"),
                        or(eq("status", "ASSIGNED"), exists("nextDeadline", false))),
                d -> List.of("C0001", "C0002", "C0005", "C0006").contains(d.getString("_id"))
                        && (d.get("status").equals("ASSIGNED") || !d.containsKey("nextDeadline")));
        for (String outboxId : List.of("F13", "E10", "F10", "G10", "G11", "E28", "F28", "G28")) {
            check(
                    cases,
                    all,
                    eq("outbox.id", outboxId),
                    d -> d.getList("outbox", Document.class, List.of()).stream()
                            .anyMatch(e -> outboxId.equals(e.get("id"))));
        }
        assertThat(cases.find(eq("status", "ASSIGNED"))
                        .sort(Sorts.descending("receivedAt"))
                        .limit(3)
                        .map(d -> d.getString("_id"))
                        .into(new ArrayList<>()))
                .isEqualTo(all.stream()
                        .filter(d -> d.get("status").equals("ASSIGNED"))
                        .sorted((a, b) -> ((Date) b.get("receivedAt")).compareTo((Date) a.get("receivedAt")))
                        .limit(3)
                        .map(d -> d.getString("_id"))
                        .toList());
    }

    private static void check(
            MongoCollection<Document> cases, List<Document> all, Bson query, Predicate<Document> matches) {
        List<String> found = cases.find(query).map(d -> d.getString("_id")).into(new ArrayList<>());
        List<String> wanted =
                all.stream().filter(matches).map(d -> d.getString("_id")).toList();
        assertThat(found).as("%s", query).containsExactlyInAnyOrderElementsOf(wanted);
    }

    /**
     * The outbox index holds one entry per id in a document's outbox, no more: an id an update took out of an outbox
     * leaves no entry behind (the query engine would hide it from an answer, not from the index's size).
     */
    private static void assertOutboxEntries(MongoClient client, List<Document> all) {
        Document stats = client.getDatabase("resolution").runCommand(new Document("collStats", "cases"));
        long ids = all.stream()
                .mapToLong(d -> d.getList("outbox", Document.class, List.of()).stream()
                        .map(e -> e.get("id"))
                        .distinct()
                        .count())
                .sum();
        assertThat(stats.get("indexSize", Document.class)
                        .get("outbox.id_1", Number.class)
                        .longValue())
                .isEqualTo(ids);
    }

    private static Document find(List<Document> all, String id) {
        return all.stream().filter(d -> d.get("_id").equals(id)).findFirst().orElseThrow();
    }
}

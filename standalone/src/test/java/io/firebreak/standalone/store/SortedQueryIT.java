package io.firebreak.standalone.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sorted query is answered in an index's order where one holds it: the same documents in the same order as a sort
 * of every match would give (ascending and descending, after equal values the index looks up, with conditions it
 * does not, pages with skip and limit, a last {@code _id} as the tie-break, {@code _id} alone), after changes and a
 * restart, and without reading the whole collection. A sort no index holds still answers, by reading it.
 */
class SortedQueryIT {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final List<String> STATUSES = List.of("RECEIVED", "ASSIGNED", "RESOLVED", "CLOSED");

    @TempDir
    Path data;

    @Test
    void sortedQueriesFollowAnIndexAndAnswerWhatASortOfEveryMatchAnswers() {
        Path file = data.resolve("store.db");
        List<Document> expected = new ArrayList<>();
        try (DocumentStore store = DocumentStore.start(file, 0, DocumentStore.Flush.OS);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> complaints = client.getDatabase("intake").getCollection("complaints");
            complaints.createIndex(
                    Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("receivedAt")));
            complaints.createIndex(Indexes.compoundIndex(Indexes.descending("receivedAt"), Indexes.descending("_id")));
            complaints.createIndex(Indexes.ascending("revision"), new IndexOptions().unique(true));
            complaints.createIndex(Indexes.ascending("note"), new IndexOptions().sparse(true));
            for (int i = 0; i < 300; i++) {
                // Every tenth pair shares its receipt time: the _id decides between them.
                Document c = new Document("_id", String.format("C%04d", i))
                        .append("status", STATUSES.get(i % 4))
                        .append("receivedAt", Date.from(T0.plusSeconds(i - i % 10 / 9)))
                        .append("revision", 1000 - i)
                        .append("weight", i % 7);
                if (i % 5 == 0) c.append("note", "n" + i);
                complaints.insertOne(c);
                expected.add(c);
            }
            for (int i = 0; i < 300; i += 7) {
                String id = String.format("C%04d", i);
                complaints.updateOne(eq("_id", id), Updates.set("status", "CLOSED"));
                find(expected, id).put("status", "CLOSED");
            }
            for (int i = 0; i < 300; i += 11) {
                String id = String.format("C%04d", i);
                complaints.deleteOne(eq("_id", id));
                expected.remove(find(expected, id));
            }
            long scans = store.collectionScans();
            assertSortedQueries(complaints, expected);
            assertThat(store.collectionScans())
                    .as("queries that read the whole collection: %s", store.collectionScansByShape())
                    .isEqualTo(scans);
        }
        try (DocumentStore store = DocumentStore.start(file, 0, DocumentStore.Flush.OS);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> complaints = client.getDatabase("intake").getCollection("complaints");
            long scans = store.collectionScans();
            assertSortedQueries(complaints, expected);
            assertThat(store.collectionScans()).as("after a restart").isEqualTo(scans);
            // A sort no index holds (on a sparse index's field, which leaves documents out) still answers, by a scan.
            check(
                    complaints,
                    expected,
                    Filters.empty(),
                    Sorts.ascending("note", "_id"),
                    0,
                    0,
                    d -> true,
                    Comparator.comparing(
                                    (Document d) -> d.getString("note"),
                                    Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(d -> d.getString("_id")));
            assertThat(store.collectionScans()).isEqualTo(scans + 1);
        }
    }

    @Test
    void numberedDocumentsComeNewestFirstByTheirIds() {
        try (DocumentStore store = DocumentStore.start(data.resolve("numbered.db"), 0, DocumentStore.Flush.OS);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> alerts = client.getDatabase("gateway").getCollection("alerts");
            alerts.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            List<Document> all = new ArrayList<>();
            for (long id = 1; id <= 130; id++) {
                Document alert = new Document("_id", id)
                        .append("eventId", "e" + id)
                        .append("department", id % 3 == 0 ? "BILLING" : "LOGISTICS");
                alerts.insertOne(alert);
                all.add(alert);
            }
            Comparator<Document> byId = Comparator.comparing(d -> d.getLong("_id"));
            check(alerts, all, Filters.empty(), Sorts.descending("_id"), 0, 1, d -> true, byId.reversed());
            check(
                    alerts,
                    all,
                    and(eq("department", "BILLING"), Filters.gt("_id", 4L)),
                    Sorts.descending("_id"),
                    0,
                    5,
                    d -> d.get("department").equals("BILLING") && d.getLong("_id") > 4,
                    byId.reversed());
            check(
                    alerts,
                    all,
                    and(eq("department", "BILLING"), Filters.gt("_id", 4L)),
                    Sorts.ascending("_id"),
                    0,
                    5,
                    d -> d.get("department").equals("BILLING") && d.getLong("_id") > 4,
                    byId);
        }
    }

    private static void assertSortedQueries(MongoCollection<Document> complaints, List<Document> all) {
        Comparator<Document> newestFirst = Comparator.comparing((Document d) -> d.getDate("receivedAt"))
                .thenComparing(d -> d.getString("_id"))
                .reversed();
        Comparator<Document> oldestFirst =
                Comparator.comparing((Document d) -> d.getDate("receivedAt")).thenComparing(d -> d.getString("_id"));
        Bson newest = Sorts.orderBy(Sorts.descending("receivedAt"), Sorts.descending("_id"));
        // The whole list, newest first, a page at a time.
        check(complaints, all, Filters.empty(), newest, 0, 25, d -> true, newestFirst);
        check(complaints, all, Filters.empty(), newest, 25, 25, d -> true, newestFirst);
        check(complaints, all, Filters.empty(), newest, 0, 0, d -> true, newestFirst);
        check(complaints, all, Filters.empty(), Sorts.ascending("receivedAt", "_id"), 0, 30, d -> true, oldestFirst);
        // After a cursor: from where a range on the first field starts, as the API's next pages ask; or any way.
        Date at = all.get(150).getDate("receivedAt");
        String id = all.get(150).getString("_id");
        Predicate<Document> after = d -> d.getDate("receivedAt").before(at)
                || d.getDate("receivedAt").equals(at) && d.getString("_id").compareTo(id) < 0;
        check(
                complaints,
                all,
                and(lte("receivedAt", at), Filters.or(lt("receivedAt", at), lt("_id", id))),
                newest,
                0,
                20,
                after,
                newestFirst);
        check(
                complaints,
                all,
                Filters.or(lt("receivedAt", at), and(eq("receivedAt", at), lt("_id", id))),
                newest,
                0,
                20,
                after,
                newestFirst);
        check(
                complaints,
                all,
                gte("receivedAt", at),
                Sorts.ascending("receivedAt", "_id"),
                0,
                20,
                d -> !d.getDate("receivedAt").before(at),
                oldestFirst);
        // Equal values the index looks up, then its order.
        check(
                complaints,
                all,
                eq("status", "CLOSED"),
                Sorts.descending("receivedAt"),
                0,
                10,
                d -> d.get("status").equals("CLOSED"),
                Comparator.comparing((Document d) -> d.getDate("receivedAt")).reversed());
        // A condition no index looks up, checked on the way.
        check(complaints, all, eq("weight", 3), newest, 0, 10, d -> d.getInteger("weight") == 3, newestFirst);
        check(
                complaints,
                all,
                in("weight", 1, 2),
                newest,
                5,
                10,
                d -> d.getInteger("weight") == 1 || d.getInteger("weight") == 2,
                newestFirst);
        // The _id alone, both ways; a unique index's field.
        Comparator<Document> byId = Comparator.comparing(d -> d.getString("_id"));
        check(complaints, all, Filters.empty(), Sorts.ascending("_id"), 0, 15, d -> true, byId);
        check(complaints, all, Filters.empty(), Sorts.descending("_id"), 0, 15, d -> true, byId.reversed());
        check(
                complaints,
                all,
                Filters.empty(),
                Sorts.descending("revision"),
                0,
                1,
                d -> true,
                Comparator.comparing((Document d) -> d.getInteger("revision")).reversed());
    }

    private static void check(
            MongoCollection<Document> collection,
            List<Document> all,
            Bson filter,
            Bson sort,
            int skip,
            int limit,
            Predicate<Document> matches,
            Comparator<Document> order) {
        List<String> expected = all.stream()
                .filter(matches)
                .sorted(order)
                .skip(skip)
                .limit(limit == 0 ? Long.MAX_VALUE : limit)
                .map(d -> String.valueOf(d.get("_id")))
                .toList();
        List<String> actual = new ArrayList<>();
        collection
                .find(filter)
                .sort(sort)
                .skip(skip)
                .limit(limit)
                .forEach(d -> actual.add(String.valueOf(d.get("_id"))));
        assertThat(actual).as(filter + " sorted by " + sort).isNotEmpty().containsExactlyElementsOf(expected);
    }

    private static Document find(List<Document> documents, String id) {
        return documents.stream()
                .filter(d -> d.get("_id").equals(id))
                .findFirst()
                .orElseThrow();
    }
}

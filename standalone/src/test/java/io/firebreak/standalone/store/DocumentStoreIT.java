package io.firebreak.standalone.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps documents and indexes across restarts, and says clearly when its file is unusable. */
class DocumentStoreIT {

    @TempDir
    Path data;

    @Test
    void documents_of_every_bson_type_and_their_unique_indexes_survive_a_restart() {
        Path file = data.resolve("store.db");
        Document stored = new Document("_id", "C1")
                .append("version", 3L)
                .append("count", 7)
                .append("ratio", 0.5)
                .append("at", Date.from(Instant.parse("2026-12-01T10:15:30.123Z")))
                .append("uuid", UUID.fromString("5f2b6b52-9a55-4c57-9d64-2b1c4a0f6d11"))
                .append("open", true)
                .append("none", null)
                .append("text", "快递三天没到")
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3))));
        try (DocumentStore store = DocumentStore.start(file, 0, DocumentStore.Flush.OS);
                MongoClient client = client(store)) {
            MongoCollection<Document> docs = client.getDatabase("intake").getCollection("complaints");
            docs.createIndex(new Document("ref", 1), new IndexOptions().unique(true));
            docs.insertOne(stored);
            docs.insertOne(new Document("_id", "C2").append("ref", "R2"));
            docs.updateOne(eq("_id", "C2"), Updates.set("ref", "R2b"));
            docs.insertOne(new Document("_id", "C3").append("ref", "R3"));
            docs.deleteOne(eq("_id", "C3"));
        }
        try (DocumentStore store = DocumentStore.start(file, 0, DocumentStore.Flush.DISK);
                MongoClient client = client(store)) {
            MongoCollection<Document> docs = client.getDatabase("intake").getCollection("complaints");
            assertThat(docs.find(eq("_id", "C1")).first()).isEqualTo(stored);
            assertThat(docs.find(eq("ref", "R2b")).first()).containsEntry("_id", "C2");
            assertThat(docs.find(eq("ref", "R2")).first()).isNull();
            assertThat(docs.find(eq("_id", "C3")).first()).isNull();
            assertThat(docs.countDocuments()).isEqualTo(2);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "C4").append("ref", "R2b")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        }
    }

    @Test
    void an_answer_larger_than_a_reply_may_be_comes_in_batches_and_whole() {
        try (DocumentStore store = DocumentStore.start(data.resolve("large.db"), 0, DocumentStore.Flush.OS);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> reports = client.getDatabase("feedback").getCollection("reports");
            String filler = "x".repeat(20_000);
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                batch.add(new Document("_id", String.format("R%05d", i)).append("filler", filler));
                if (batch.size() == 500) {
                    reports.insertMany(batch);
                    batch.clear();
                }
            }
            // About 60 MB: in one reply it would be over the driver's limit of 48 MB.
            List<String> ids = new ArrayList<>();
            reports.find().forEach(d -> ids.add(d.getString("_id")));
            assertThat(ids).hasSize(3_000).doesNotHaveDuplicates();
            List<String> sorted = new ArrayList<>();
            reports.find().sort(Sorts.descending("_id")).batchSize(5_000).forEach(d -> sorted.add(d.getString("_id")));
            assertThat(sorted).hasSize(3_000).first().isEqualTo("R02999");
            // The engine's own reads take the whole answer, not one batch of it.
            assertThat(reports.countDocuments()).isEqualTo(3_000);
            assertThat(reports.aggregate(List.of(Aggregates.match(Filters.gte("_id", "R01000")), Aggregates.count("n")))
                            .first())
                    .containsEntry("n", 2_000);
            assertThat(reports.updateMany(Filters.exists("filler"), Updates.set("seen", true))
                            .getModifiedCount())
                    .isEqualTo(3_000);
        }
    }

    @Test
    void a_damaged_store_file_stops_the_start_with_an_error_naming_the_file_and_what_to_do() throws Exception {
        Path file = data.resolve("store.db");
        try (DocumentStore store = DocumentStore.start(file, 0, DocumentStore.Flush.OS);
                MongoClient client = client(store)) {
            client.getDatabase("intake").getCollection("complaints").insertOne(new Document("_id", "C1"));
        }
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> DocumentStore.start(file, 0, DocumentStore.Flush.OS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("cannot be opened")
                .hasMessageContaining("move it");
        assertThat(Files.readAllBytes(file))
                .as("the damaged file is left as it was")
                .isEqualTo(garbage);
    }

    @Test
    void a_data_directory_of_an_earlier_version_is_carried_over_with_its_indexes() throws Exception {
        Path legacy = data.resolve("store.mv");
        MongoServer old = new MongoServer(new H2Backend(legacy.toString()));
        InetSocketAddress address = old.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> docs = client.getDatabase("triage").getCollection("decisions");
            docs.createIndex(new Document("complaintId", 1), new IndexOptions().unique(true));
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                many.add(new Document("_id", "D" + i)
                        .append("complaintId", "C" + i)
                        .append("class", "ORDINARY"));
            }
            docs.insertMany(many);
        } finally {
            old.shutdown();
        }

        try (DocumentStore store = DocumentStore.startIn(data, 0, DocumentStore.Flush.OS);
                MongoClient client = client(store)) {
            MongoCollection<Document> docs = client.getDatabase("triage").getCollection("decisions");
            assertThat(docs.countDocuments()).isEqualTo(2500);
            assertThat(docs.find(eq("complaintId", "C2499")).first()).containsEntry("_id", "D2499");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "X").append("complaintId", "C1")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        }
        assertThat(data.resolve("store.mv")).doesNotExist();
        assertThat(data.resolve("store.mv.migrated")).exists();
        assertThat(data.resolve("store.db")).exists();
    }

    @Test
    void a_renamed_collection_is_named_by_its_new_name_and_keeps_its_documents() {
        try (DocumentStore store = DocumentStore.start(data.resolve("store.db"), 0, DocumentStore.Flush.OS);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> before = client.getDatabase("intake").getCollection("before");
            before.insertOne(new Document("_id", 1).append("x", 1));
            assertThat(before.find(eq("x", 1))).hasSize(1); // read whole: named by the collection
            before.renameCollection(new MongoNamespace("intake", "after"));
            MongoCollection<Document> after = client.getDatabase("intake").getCollection("after");
            after.insertOne(new Document("_id", 2).append("x", 1));

            assertThat(after.find(eq("x", 1))).hasSize(2);
            assertThat(store.collectionScansByShape())
                    .containsEntry("intake.before [x]", 1L)
                    .containsEntry("intake.after [x]", 1L);
        }
    }

    @Test
    void an_unknown_flush_setting_is_refused_naming_the_choices() {
        assertThat(DocumentStore.Flush.parse(" Disk ")).isEqualTo(DocumentStore.Flush.DISK);
        assertThatThrownBy(() -> DocumentStore.Flush.parse("always"))
                .hasMessageContaining("'always'")
                .hasMessageContaining("os or disk");
    }

    /** A client as the services make theirs: UUIDs in the standard binary representation. */
    @Test
    void what_each_kind_of_command_cost_is_told_by_database_collection_and_command() {
        try (DocumentStore store = DocumentStore.start(data.resolve("costs.db"), 0, DocumentStore.Flush.OS);
                MongoClient client = client(store)) {
            MongoCollection<Document> cases = client.getDatabase("resolution").getCollection("cases");
            for (int i = 0; i < 5; i++) cases.insertOne(new Document("_id", "K" + i).append("text", "冰箱不制冷"));
            for (int i = 0; i < 3; i++) cases.find(eq("_id", "K" + i)).first();
            cases.updateOne(eq("_id", "K1"), Updates.set("text", "已修好"));

            Document answer = client.getDatabase("admin").runCommand(new Document("firebreakCommandCosts", 1));

            assertThat(answer.getBoolean("measured")).isTrue();
            List<Document> costs = answer.getList("costs", Document.class);
            assertThat(costs)
                    .filteredOn(c -> c.getString("database").equals("resolution"))
                    .filteredOn(c -> c.getString("collection").equals("cases"))
                    .extracting(c -> c.getString("command"), c -> c.getLong("count"))
                    .contains(tuple("insert", 5L), tuple("find", 3L), tuple("update", 1L));
            assertThat(costs)
                    .filteredOn(c -> c.getString("collection").equals("cases"))
                    .extracting(c -> c.getLong("cpuNanos"))
                    .allMatch(nanos -> nanos > 0);
        }
    }

    /**
     * A long answer found by an index is read batch by batch as the client fetches it, not all before the first
     * reply: a document deleted, or changed so that it no longer matches, before its batch is fetched is left out, and
     * one changed otherwise comes as it is then (as a MongoDB cursor answers); the answer is whole and each document
     * comes once, by an index's lookup, a range, an {@code $or}'s union, projected or not.
     */
    @Test
    void a_long_answer_is_read_batch_by_batch_as_the_client_fetches_it() {
        try (DocumentStore store = DocumentStore.start(data.resolve("batches.db"), 0, DocumentStore.Flush.OS);
                MongoClient client = client(store)) {
            MongoCollection<Document> rows = client.getDatabase("feedback").getCollection("report_complaints");
            rows.createIndex(new Document("day", 1));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                batch.add(new Document("_id", String.format("C%03d", i))
                        .append("day", i < 400 ? "2026-12-01" : "2026-12-02")
                        .append("status", "RECEIVED"));
            }
            rows.insertMany(batch);

            List<Document> read = new ArrayList<>();
            try (var cursor = rows.find(eq("day", "2026-12-01")).batchSize(50).iterator()) {
                for (int i = 0; i < 50; i++) read.add(cursor.next());
                rows.deleteOne(eq("_id", "C300"));
                rows.updateOne(eq("_id", "C301"), Updates.set("day", "2026-12-03"));
                rows.updateOne(eq("_id", "C302"), Updates.set("status", "ASSIGNED"));
                cursor.forEachRemaining(read::add);
            }
            assertThat(read)
                    .extracting(d -> d.getString("_id"))
                    .hasSize(398)
                    .doesNotHaveDuplicates()
                    .doesNotContain("C300", "C301");
            assertThat(read)
                    .filteredOn(d -> d.getString("_id").equals("C302"))
                    .singleElement()
                    .satisfies(d -> assertThat(d.getString("status")).isEqualTo("ASSIGNED"));

            assertThat(rows.find(Filters.gte("day", "2026-12-01"))
                            .batchSize(30)
                            .projection(Projections.include("status"))
                            .into(new ArrayList<>()))
                    .hasSize(499)
                    .allSatisfy(d -> assertThat(d.keySet()).containsExactlyInAnyOrder("_id", "status"));
            assertThat(rows.find(Filters.or(eq("day", "2026-12-02"), eq("day", "2026-12-03")))
                            .batchSize(7)
                            .into(new ArrayList<>()))
                    .extracting(d -> d.getString("_id"))
                    .hasSize(101)
                    .doesNotHaveDuplicates()
                    .contains("C301", "C499");
        }
    }

    /**
     * A find that projects reads only the fields its filter, sort and projection name (see {@code FieldsRead}); its
     * answers are those of whole documents with the projection applied, by whatever way the store finds them: an
     * index's range, an index's order, the union of an {@code $or}'s indexes, a read of everything; counts too.
     */
    @Test
    void a_find_that_projects_answers_as_whole_documents_would_by_every_way_the_store_reads() {
        List<String> statuses = List.of("RECEIVED", "ASSIGNED", "RESOLVED");
        try (DocumentStore store = DocumentStore.start(data.resolve("fields.db"), 0, DocumentStore.Flush.OS);
                MongoClient client = client(store)) {
            MongoCollection<Document> docs = client.getDatabase("feedback").getCollection("report_complaints");
            docs.createIndex(new Document("receivedAt", 1));
            docs.createIndex(new Document("status", 1).append("receivedAt", -1));
            docs.createIndex(new Document("ref", 1));
            for (int i = 0; i < 120; i++) {
                List<Document> messages = new ArrayList<>();
                for (int m = 0; m <= i % 4; m++) messages.add(new Document("text", "消息 " + m).append("n", m));
                Document d = new Document("_id", String.format("C%03d", i))
                        .append("messages", messages)
                        .append("status", statuses.get(i % 3))
                        .append(
                                "receivedAt",
                                Date.from(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * i)))
                        .append("score", i % 5)
                        .append("ref", "R" + (i % 10))
                        .append("department", i % 2 == 0 ? "BILLING" : null)
                        .append("done", List.of(new Document("result", new Document("score", i % 5))));
                docs.insertOne(d);
            }
            var projection = Projections.include("department", "done");
            Function<Document, Document> projected = d -> {
                Document p = new Document("_id", d.get("_id"));
                for (String field : List.of("department", "done")) if (d.containsKey(field)) p.put(field, d.get(field));
                return p;
            };
            Date from = Date.from(Instant.parse("2026-11-02T00:00:00Z"));
            Date to = Date.from(Instant.parse("2026-11-04T00:00:00Z"));
            List<Bson> filters = List.of(
                    Filters.and(Filters.gte("receivedAt", from), Filters.lt("receivedAt", to), eq("score", 2)),
                    Filters.or(eq("ref", "R3"), eq("ref", "R7")),
                    Filters.and(eq("score", 4), Filters.exists("messages.1")),
                    Filters.and(eq("status", "ASSIGNED"), Filters.lt("receivedAt", to)));
            for (Bson filter : filters) {
                List<Document> whole = docs.find(filter).into(new ArrayList<>());
                assertThat(whole).as("%s", filter).isNotEmpty();
                assertThat(docs.find(filter).projection(projection).into(new ArrayList<>()))
                        .as("%s", filter)
                        .containsExactlyInAnyOrderElementsOf(
                                whole.stream().map(projected).toList());
                assertThat(docs.find(filter)
                                .projection(projection)
                                .sort(Sorts.descending("receivedAt"))
                                .limit(5)
                                .into(new ArrayList<>()))
                        .as("%s sorted", filter)
                        .containsExactlyElementsOf(docs.find(filter)
                                .sort(Sorts.descending("receivedAt"))
                                .limit(5)
                                .map(projected::apply)
                                .into(new ArrayList<>()));
                assertThat(docs.countDocuments(filter)).isEqualTo(whole.size());
            }
            assertThat(docs.find(eq("score", 1))
                            .projection(Projections.exclude("messages", "done"))
                            .first())
                    .containsOnlyKeys("_id", "status", "receivedAt", "score", "ref", "department");
        }
    }

    private static MongoClient client(DocumentStore store) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.uri()))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }
}

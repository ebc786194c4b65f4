package io.firebreak.standalone.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store reads a document by {@code _id}, and replaces it or updates it by operators by {@code _id} and version
 * (compare-and-set) or by {@code _id} alone (the outbox's removal of what was published), its own short way; the
 * answers must be the query engine's. The same script runs against the store and against the
 * engine's general path (mongo-java-server's in-memory H2 backend), and every answer and the documents and index
 * lookups after it must agree.
 */
class CompareAndSetIT {

    @TempDir
    Path data;

    @Test
    void reads_by_id_and_compare_and_set_replacements_answer_as_the_query_engine_does() {
        List<String> actual = sameAnswersAsTheEngine(CompareAndSetIT::script);

        // And the answers are the ones a compare-and-set needs, not merely the same mistakes.
        assertThat(actual)
                .contains(
                        "replace v0→v1: matched 1, modified 1",
                        "replace with the stale v0: matched 0, modified 0",
                        "replace onto another case's unique ref: error 11000",
                        "replace changing _id: error 66",
                        "replace with the same content: matched 1, modified 0",
                        "replace where _id is missing, upsert: matched 0, modified 0, upserted BsonInt64{value=3}",
                        "find ref A (replaced): []",
                        "find ref A2: [1]");
    }

    @Test
    void updates_by_operators_of_one_document_by_id_answer_as_the_query_engine_does() {
        // The short way applies the operators with the engine's own step; without it, this compares the engine with
        // itself.
        assertThat(EngineUpdates.available()).isTrue();

        List<String> actual = sameAnswersAsTheEngine(CompareAndSetIT::operatorScript);

        assertThat(actual)
                .contains(
                        "pull what was published, version up: matched 1, modified 1",
                        "pull what is not there: matched 0, modified 0",
                        "pull nothing by _id alone: matched 1, modified 0",
                        "set onto another case's unique ref: error 11000",
                        "set _id: error 66",
                        "set by a stale version: matched 0, modified 0",
                        "find ref A (changed): []",
                        "find ref A1: [1]");
        assertThat(actual.stream()
                        .filter(a -> a.startsWith("documents: "))
                        .findFirst()
                        .orElseThrow())
                .contains("tags=[fixed, broken, lost]")
                .contains("outbox=[Document{{id=e2, type=Closed}}]");
    }

    /**
     * Runs the script against the engine's general path (mongo-java-server's in-memory backend) and then against the
     * store, asserts every answer agrees, and returns the store's.
     */
    private List<String> sameAnswersAsTheEngine(Function<MongoCollection<Document>, List<String>> script) {
        MongoServer reference = new MongoServer(H2Backend.inMemory());
        String referenceUri = "mongodb://127.0.0.1:" + reference.bind().getPort();
        try (DocumentStore store = DocumentStore.start(data.resolve("store.db"), 0, DocumentStore.Flush.OS);
                MongoClient ours = MongoClients.create(store.uri());
                MongoClient theirs = MongoClients.create(referenceUri)) {
            List<String> expected = script.apply(theirs.getDatabase("cas").getCollection("cases"));
            List<String> actual = script.apply(ours.getDatabase("cas").getCollection("cases"));
            assertThat(actual).containsExactlyElementsOf(expected);
            return actual;
        } finally {
            reference.shutdown();
        }
    }

    /** Updates by operators, each step's answer (or error code), then the documents and what the indexes find. */
    private static List<String> operatorScript(MongoCollection<Document> cases) {
        cases.createIndex(new Document("ref", 1), new IndexOptions().unique(true));
        cases.createIndex(new Document("outbox.id", 1));
        cases.insertOne(new Document("_id", 1L)
                .append("version", 0L)
                .append("ref", "A")
                .append("note", "first")
                .append("counts", new Document("messages", 1))
                .append("tags", List.of("late", "damaged"))
                .append("outbox", List.of(outboxEntry("e1", "Received"), outboxEntry("e2", "Closed"))));
        cases.insertOne(new Document("_id", 2L).append("version", 0L).append("ref", "B"));
        List<String> answers = new ArrayList<>();
        Bson pullE1 = Updates.combine(
                Updates.pullByFilter(new Document("outbox", new Document("id", new Document("$in", List.of("e1"))))),
                Updates.inc("version", 1L));
        step(answers, "pull what was published, version up", () -> cases.updateOne(eq("_id", 1L), pullE1));
        step(
                answers,
                "pull what is not there",
                () -> cases.updateOne(new Document("_id", 1L).append("outbox.id", "e1"), pullE1));
        step(
                answers,
                "pull nothing by _id alone",
                () -> cases.updateOne(
                        eq("_id", 1L), Updates.pullByFilter(new Document("outbox", new Document("id", "e9")))));
        step(
                answers,
                "set onto another case's unique ref",
                () -> cases.updateOne(eq("_id", 1L), Updates.set("ref", "B")));
        step(answers, "set _id", () -> cases.updateOne(eq("_id", 1L), Updates.set("_id", 5L)));
        step(
                answers,
                "set by a stale version",
                () -> cases.updateOne(new Document("_id", 1L).append("version", 0L), Updates.set("ref", "A0")));
        step(
                answers,
                "set by _id and version, and a path inside",
                () -> cases.updateOne(
                        new Document("_id", 1L).append("version", 1L),
                        Updates.combine(
                                Updates.set("ref", "A1"),
                                Updates.inc("counts.messages", 2),
                                Updates.inc("version", 1L))));
        step(answers, "set what is already there", () -> cases.updateOne(eq("_id", 1L), Updates.set("ref", "A1")));
        step(answers, "unset", () -> cases.updateOne(eq("_id", 1L), Updates.unset("note")));
        step(answers, "push", () -> cases.updateOne(eq("_id", 1L), Updates.push("tags", "lost")));
        step(
                answers,
                "set the matched element",
                () -> cases.updateOne(
                        new Document("_id", 1L).append("tags", "damaged"), Updates.set("tags.$", "broken")));
        step(
                answers,
                "set by an array filter",
                () -> cases.updateOne(
                        eq("_id", 1L),
                        Updates.set("tags.$[t]", "fixed"),
                        new UpdateOptions().arrayFilters(List.of(new Document("t", "late")))));
        step(answers, "inc a string", () -> cases.updateOne(eq("_id", 1L), Updates.inc("ref", 1)));
        step(
                answers,
                "an unknown operator",
                () -> cases.updateOne(eq("_id", 1L), new Document("$frob", new Document("a", 1))));
        step(answers, "set where _id is missing", () -> cases.updateOne(eq("_id", 3L), Updates.set("ref", "C")));
        step(
                answers,
                "set where _id is missing, upsert",
                () -> cases.updateOne(eq("_id", 3L), Updates.set("ref", "C"), new UpdateOptions().upsert(true)));
        step(answers, "set by an int _id", () -> cases.updateOne(eq("_id", 2), Updates.set("ref", "B2")));
        answers.add("documents: " + cases.find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        answers.add("find ref A (changed): " + ids(cases, eq("ref", "A")));
        answers.add("find ref A1: " + ids(cases, eq("ref", "A1")));
        answers.add("find ref B2: " + ids(cases, eq("ref", "B2")));
        answers.add("find outbox e1 (pulled): " + ids(cases, eq("outbox.id", "e1")));
        answers.add("find outbox e2: " + ids(cases, eq("outbox.id", "e2")));
        return answers;
    }

    private static Document outboxEntry(String id, String type) {
        return new Document("id", id).append("type", type);
    }

    /** Every step's answer (or error code), then the documents and what the indexes find. */
    private static List<String> script(MongoCollection<Document> cases) {
        cases.createIndex(new Document("ref", 1), new IndexOptions().unique(true));
        cases.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
        cases.insertOne(new Document("_id", 1L)
                .append("version", 0L)
                .append("ref", "A")
                .append("tags", List.of("late", "damaged")));
        cases.insertOne(new Document("_id", 2L).append("version", 0L).append("ref", "B"));
        List<String> answers = new ArrayList<>();
        step(answers, "replace v0→v1", () -> cases.replaceOne(cas(1L, 0L), doc(1L, 1L, "A2")));
        step(answers, "replace with the stale v0", () -> cases.replaceOne(cas(1L, 0L), doc(1L, 1L, "A3")));
        step(answers, "replace onto another case's unique ref", () -> cases.replaceOne(cas(1L, 1L), doc(1L, 2L, "B")));
        step(answers, "replace changing _id", () -> cases.replaceOne(cas(1L, 1L), doc(9L, 2L, "A9")));
        step(answers, "replace with the same content", () -> cases.replaceOne(cas(1L, 1L), doc(1L, 1L, "A2")));
        step(
                answers,
                "replace without _id in the replacement",
                () -> cases.replaceOne(cas(2L, 0L), new Document("version", 1L).append("ref", "B1")));
        step(
                answers,
                "replace by an int _id",
                () -> cases.replaceOne(new Document("_id", 2).append("version", 1L), doc(2L, 2L, "B2")));
        step(answers, "replace where _id is missing", () -> cases.replaceOne(cas(3L, 0L), doc(3L, 1L, "C")));
        step(
                answers,
                "replace where _id is missing, upsert",
                () -> cases.replaceOne(cas(3L, 0L), doc(3L, 1L, "C"), new ReplaceOptions().upsert(true)));
        step(
                answers,
                "replace by _id and an element of an array",
                () -> cases.replaceOne(new Document("_id", 1L).append("tags", "damaged"), doc(1L, 5L, "A5")));
        step(
                answers,
                "replace by _id and a range",
                () -> cases.replaceOne(
                        new Document("_id", 2L).append("version", new Document("$lt", 9L)), doc(2L, 3L, "B3")));
        step(
                answers,
                "replace by _id, version and an empty list",
                () -> cases.replaceOne(
                        new Document("_id", 2L).append("version", 3L).append("outbox", new Document("$size", 0)),
                        doc(2L, 4L, "B4")));
        step(
                answers,
                "replace by _id, version and a list that is not empty",
                () -> cases.replaceOne(
                        new Document("_id", 1L).append("version", 5L).append("tags", new Document("$size", 0)),
                        doc(1L, 6L, "A6")));
        answers.add("documents: " + cases.find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        answers.add("find ref A (replaced): " + ids(cases, eq("ref", "A")));
        answers.add("find ref A2: " + ids(cases, eq("ref", "A2")));
        answers.add("find ref A5: " + ids(cases, eq("ref", "A5")));
        answers.add("find _id 2 as an int: " + ids(cases, eq("_id", 2)));
        answers.add("find _id 2 and the old version: " + ids(cases, new Document("_id", 2L).append("version", 0L)));
        answers.add("find _id 7: " + ids(cases, eq("_id", 7L)));
        return answers;
    }

    private static void step(List<String> answers, String name, java.util.function.Supplier<UpdateResult> action) {
        try {
            UpdateResult result = action.get();
            answers.add(name + ": matched " + result.getMatchedCount() + ", modified " + result.getModifiedCount()
                    + (result.getUpsertedId() == null ? "" : ", upserted " + result.getUpsertedId()));
        } catch (MongoException e) {
            answers.add(name + ": error " + e.getCode());
        }
    }

    private static Document cas(long id, long version) {
        return new Document("_id", id).append("version", version);
    }

    private static Document doc(long id, long version, String ref) {
        return new Document("_id", id)
                .append("version", version)
                .append("ref", ref)
                .append("note", "v" + version)
                .append("outbox", List.of());
    }

    private static List<Object> ids(MongoCollection<Document> cases, Bson filter) {
        Function<Document, Object> id = d -> d.get("_id");
        return cases.find(filter).map(id::apply).into(new ArrayList<>());
    }
}

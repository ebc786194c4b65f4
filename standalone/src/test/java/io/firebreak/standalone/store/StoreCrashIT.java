package io.firebreak.standalone.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store loses nothing it acknowledged when its process is killed ({@code kill -9}) in the middle of writing,
 * and a journal entry cut short by the kill is left out.
 */
class StoreCrashIT {

    @TempDir
    Path data;

    @Test
    void every_acknowledged_write_is_there_after_the_writing_process_is_killed_and_a_torn_entry_is_left_out() throws Exception {
        Path file = data.resolve("store.db");
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Map<String, Long> updated = new ConcurrentHashMap<>();
        AtomicBoolean ready = new AtomicBoolean();
        try (ChildProcess writer = ChildProcess.start(StoreWriter.class, data.resolve("writer.log"), line -> {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "ready" -> ready.set(true);
                case "insert" -> inserted.add(parts[1]);
                case "update" -> updated.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                default -> { }
            }
        }, file.toString())) {
            await().atMost(Duration.ofSeconds(60)).untilTrue(ready);
            // Killed while its threads are writing: well past the first checkpoint, with a journal being written.
            await().atMost(Duration.ofSeconds(120)).until(() -> inserted.size() >= 3000 && updated.size() >= 500);
            writer.kill();
        }

        // What the kill left to recover: entries in the journal. Add to it the start of an entry whose writing was
        // cut short, as a kill in the middle of a write leaves it.
        Path journal = DocumentStore.journalOf(file);
        assertThat(Files.size(journal)).as("journal bytes left by the kill").isPositive();
        Files.write(journal, new byte[] {0, 0, 1, 0, 42, 42, 42, 42, 0, 0, 0}, StandardOpenOption.APPEND);

        try (DocumentStore store = DocumentStore.start(file, 0, DocumentStore.Flush.OS);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            long found = inserted.stream().filter(id -> docs.find(eq("_id", id)).first() != null).count();
            assertThat(found).as("acknowledged inserts found after the kill").isEqualTo(inserted.size());
            updated.forEach((id, version) -> assertThat(docs.find(eq("_id", id)).first().getLong("version"))
                    .as("version of %s", id).isGreaterThanOrEqualTo(version));
            // The unique index came back with its documents: it finds them, and still refuses a second of each.
            String some = inserted.iterator().next();
            assertThat(docs.find(eq("ref", "ref-" + some)).first()).isNotNull();
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "again").append("ref", "ref-" + some)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(docs.countDocuments()).isGreaterThanOrEqualTo(inserted.size());
        }
    }
}

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
    void every_acknowledged_write_is_there_after_the_writing_process_is_killed_and_a_torn_entry_is_left_out()
            throws Exception {
        Path file = data.resolve("store.db");
        // No checkpoint while it runs: the test finds its writes in the journal, the path a kill tests.
        Acknowledged acknowledged = writeUntilKilled(file, Duration.ofHours(1));

        // What the kill left to recover: entries in the journal. Add to it the start of an entry whose writing was
        // cut short, as a kill in the middle of a write leaves it.
        Path journal = DocumentStore.journalOf(file);
        assertThat(Files.size(journal)).as("journal bytes left by the kill").isPositive();
        Files.write(journal, new byte[] {0, 0, 1, 0, 42, 42, 42, 42, 0, 0, 0}, StandardOpenOption.APPEND);

        assertEverythingAcknowledgedIsThere(file, acknowledged);
    }

    @Test
    void every_acknowledged_write_is_there_after_a_kill_while_checkpoints_write_the_file_beside_the_writes()
            throws Exception {
        Path file = data.resolve("store.db");
        // A checkpoint at every turn of the store's housekeeping (each fifth of a second): the kill finds the
        // journal turned to its other file, the file being written, or both files in use.
        Acknowledged acknowledged = writeUntilKilled(file, Duration.ofMillis(1));

        assertThat(Journal.fileOf(DocumentStore.journalOf(file), 1))
                .as("the journal's second file, used in turn")
                .exists();
        assertEverythingAcknowledgedIsThere(file, acknowledged);
    }

    /** The writes the killed process had been answered. */
    private record Acknowledged(Set<String> inserted, Map<String, Long> updated) {}

    private Acknowledged writeUntilKilled(Path file, Duration checkpoints) throws InterruptedException {
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Map<String, Long> updated = new ConcurrentHashMap<>();
        AtomicBoolean ready = new AtomicBoolean();
        try (ChildProcess writer = ChildProcess.start(
                StoreWriter.class,
                data.resolve("writer.log"),
                line -> {
                    String[] parts = line.split(" ");
                    switch (parts[0]) {
                        case "ready" -> ready.set(true);
                        case "insert" -> inserted.add(parts[1]);
                        case "update" -> updated.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                        default -> {}
                    }
                },
                file.toString(),
                Long.toString(checkpoints.toMillis()))) {
            await().atMost(Duration.ofSeconds(60)).untilTrue(ready);
            // Killed while its threads are writing: well past the first checkpoint, with a journal being written.
            await().atMost(Duration.ofSeconds(120)).until(() -> inserted.size() >= 3000 && updated.size() >= 500);
            writer.kill();
        }
        return new Acknowledged(Set.copyOf(inserted), Map.copyOf(updated));
    }

    private static void assertEverythingAcknowledgedIsThere(Path file, Acknowledged acknowledged) {
        try (DocumentStore store = DocumentStore.start(file, 0, DocumentStore.Flush.OS);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            long found = acknowledged.inserted().stream()
                    .filter(id -> docs.find(eq("_id", id)).first() != null)
                    .count();
            assertThat(found)
                    .as("acknowledged inserts found after the kill")
                    .isEqualTo(acknowledged.inserted().size());
            acknowledged
                    .updated()
                    .forEach((id, version) -> assertThat(
                                    docs.find(eq("_id", id)).first().getLong("version"))
                            .as("version of %s", id)
                            .isGreaterThanOrEqualTo(version));
            // The unique index came back with its documents: it finds them, and still refuses a second of each.
            String some = acknowledged.inserted().iterator().next();
            assertThat(docs.find(eq("ref", "ref-" + some)).first()).isNotNull();
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "again").append("ref", "ref-" + some)))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThat(docs.countDocuments())
                    .isGreaterThanOrEqualTo(acknowledged.inserted().size());
        }
    }
}

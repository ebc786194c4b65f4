package io.firebreak.standalone.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;

/**
 * Run by {@link StoreCrashIT} as a process of its own: opens a store and writes to it from several threads as fast
 * as it answers, inserting documents and compare-and-set updating them, and prints each write the store
 * acknowledged ({@code insert <id>}, {@code update <id> <version>}), until it is killed. Arguments: the store file
 * and the longest time between checkpoints, in milliseconds.
 */
public final class StoreWriter {

    static final int THREADS = 4;

    private StoreWriter() {}

    public static void main(String[] args) throws Exception {
        DocumentStore store = DocumentStore.start(
                Path.of(args[0]), 0, DocumentStore.Flush.OS, Duration.ofMillis(Long.parseLong(args[1])));
        PrintStream out = new PrintStream(System.out, true);
        MongoClient client = MongoClients.create(store.uri());
        MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
        docs.createIndex(new Document("ref", 1), new IndexOptions().unique(true));
        docs.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
        out.println("ready");
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            new Thread(() -> write(docs, thread, out), "writer-" + t).start();
        }
        Thread.currentThread().join();
    }

    private static void write(MongoCollection<Document> docs, int thread, PrintStream out) {
        String payload = "投诉 complaint ".repeat(40);
        for (long n = 1; ; n++) {
            String id = "w" + thread + "-" + n;
            docs.insertOne(new Document("_id", id)
                    .append("ref", "ref-" + id)
                    .append("version", 0L)
                    .append("text", payload));
            print(out, "insert " + id);
            if (n % 2 == 0) {
                // Move an earlier document of this thread on by one version, as an aggregate write does.
                String earlier = "w" + thread + "-" + (n / 2);
                Document current = docs.find(eq("_id", earlier)).first();
                long version = current.getLong("version");
                long matched = docs.updateOne(
                                and(eq("_id", earlier), eq("version", version)), set("version", version + 1))
                        .getMatchedCount();
                if (matched == 1) {
                    print(out, "update " + earlier + " " + (version + 1));
                }
            }
        }
    }

    private static void print(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
        }
    }
}

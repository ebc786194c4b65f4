package io.firebreak.standalone.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a data directory of an earlier version forward: its store was mongo-java-server's H2 file
 * ({@code store.mv}); its databases, collections, indexes and documents are copied into the new file once, and the
 * old file is kept beside it as {@code store.mv.migrated}. A copy interrupted half-way is started again from the
 * beginning at the next start, as the new file is put in place only once complete.
 */
final class LegacyStoreMigration {

    private static final Logger log = LoggerFactory.getLogger(LegacyStoreMigration.class);
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final int BATCH = 1000;

    private LegacyStoreMigration() {}

    /** If {@code legacy} exists and {@code target} does not, copies the one into the other. */
    static void migrateIfNeeded(Path legacy, Path target) {
        if (!Files.exists(legacy)) {
            return;
        }
        if (Files.exists(target)) {
            log.warn("{} is from an earlier version and no longer used: the store is {}", legacy, target);
            return;
        }
        long began = System.nanoTime();
        Path partial = target.resolveSibling(target.getFileName() + ".migrating");
        long documents;
        try {
            Files.deleteIfExists(partial);
            MongoServer old = new MongoServer(new H2Backend(legacy.toString()));
            InetSocketAddress from = old.bind();
            try (DocumentStore copy = DocumentStore.start(partial, 0, DocumentStore.Flush.DISK)) {
                documents = copy("mongodb://127.0.0.1:" + from.getPort(), copy.uri());
            } finally {
                old.shutdown();
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Files.move(legacy, legacy.resolveSibling(legacy.getFileName() + ".migrated"));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not copy the store of an earlier version, " + legacy + ", into " + target, e);
        }
        log.info(
                "Copied {} documents from the store of an earlier version ({}) into {} in {} ms; the old file is"
                        + " kept as {}.migrated",
                documents,
                legacy,
                target,
                (System.nanoTime() - began) / 1_000_000,
                legacy.getFileName());
    }

    private static long copy(String fromUri, String toUri) {
        long copied = 0;
        try (MongoClient from = MongoClients.create(fromUri);
                MongoClient to = MongoClients.create(toUri)) {
            for (String name : from.listDatabaseNames()) {
                if (SYSTEM_DATABASES.contains(name)) {
                    continue;
                }
                MongoDatabase source = from.getDatabase(name);
                MongoDatabase target = to.getDatabase(name);
                for (String collection : source.listCollectionNames()) {
                    if (collection.startsWith("system.")) {
                        continue;
                    }
                    copied += copy(
                            source.getCollection(collection, RawBsonDocument.class),
                            target.getCollection(collection, RawBsonDocument.class));
                }
            }
        }
        return copied;
    }

    private static long copy(MongoCollection<RawBsonDocument> source, MongoCollection<RawBsonDocument> target) {
        for (Document index : source.listIndexes()) {
            String name = index.getString("name");
            if ("_id_".equals(name)) {
                continue;
            }
            target.createIndex(
                    index.get("key", Document.class),
                    new IndexOptions()
                            .name(name)
                            .unique(index.getBoolean("unique", false))
                            .sparse(index.getBoolean("sparse", false)));
        }
        long copied = 0;
        List<RawBsonDocument> batch = new ArrayList<>(BATCH);
        for (RawBsonDocument document : source.find()) {
            batch.add(document);
            if (batch.size() == BATCH) {
                target.insertMany(batch);
                copied += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            target.insertMany(batch);
            copied += batch.size();
        }
        return copied;
    }
}

package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.function.Predicate;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One database in the store file. Its collections and indexes are maps of the file named after them:
 * {@code documents.<db>.<collection>}, {@code counters.<db>.<collection>} and
 * {@code index.<db>.<collection>$<index>}.
 */
final class StoreDatabase extends AbstractSynchronizedMongoDatabase<Object> {

    static final String DOCUMENTS = "documents.";
    private static final String COUNTERS = "counters.";
    private static final String INDEX = "index.";
    /** Between a collection's namespace and an index name: a character no collection name may contain. */
    private static final String INDEX_SEPARATOR = "$";

    private final MVStore file;
    private final Scans scans;

    StoreDatabase(String name, MVStore file, CursorRegistry cursors, Scans scans) {
        super(name, cursors);
        this.file = file;
        this.scans = scans;
        initializeNamespacesAndIndexes();
    }

    static MVMap<Object, byte[]> documents(MVStore file, String namespace) {
        return file.openMap(
                DOCUMENTS + namespace,
                new MVMap.Builder<Object, byte[]>()
                        .keyType(BsonTypes.Value.INSTANCE)
                        .valueType(BsonTypes.DocumentBytes.INSTANCE));
    }

    private MVMap<String, Long> counters(String namespace) {
        return file.openMap(COUNTERS + namespace);
    }

    private MVMap<KeyValue, Object> index(String collection, String index) {
        return index(file, indexMapName(collection, index));
    }

    private String indexMapName(String collection, String index) {
        return INDEX + getFullCollectionNamespace(collection) + INDEX_SEPARATOR + index;
    }

    /**
     * Whether the index's map is in the file: then it was built and kept up to date with its collection, even if it
     * is empty (a sparse index that no document has a value for), and opening it builds nothing.
     */
    private boolean built(String collection, String index) {
        return file.hasMap(indexMapName(collection, index));
    }

    private static MVMap<KeyValue, Object> index(MVStore file, String mapName) {
        return file.openMap(
                mapName,
                new MVMap.Builder<KeyValue, Object>()
                        .keyType(BsonTypes.Key.INSTANCE)
                        .valueType(BsonTypes.Value.INSTANCE));
    }

    /** Any map of a database by its name in the file, with the types it was made with (for the journal). */
    @SuppressWarnings("unchecked")
    static MVMap<Object, Object> map(MVStore file, String mapName) {
        if (mapName.startsWith(DOCUMENTS)) {
            return (MVMap<Object, Object>) (MVMap<?, ?>) documents(file, mapName.substring(DOCUMENTS.length()));
        } else if (mapName.startsWith(INDEX)) {
            return (MVMap<Object, Object>) (MVMap<?, ?>) index(file, mapName);
        } else if (mapName.startsWith(COUNTERS)) {
            return file.openMap(mapName);
        }
        throw new IllegalStateException("The store's journal names a map that is not a database's: " + mapName);
    }

    /**
     * A find answers in batches of at most {@link StoreCollection#MAX_BATCH_BYTES} (MongoDB cuts its at 16 MB): where
     * the client leaves the batch size to the server, the engine would send every match in one reply, and a reply
     * over the driver's limit (48 MB) fails. Only the find command is bounded: the engine's own reads (aggregations,
     * counts, updates) take a whole answer at once and must go on doing so.
     */
    @Override
    public Document handleCommand(
            Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        if (command.equalsIgnoreCase("find")
                && query.get(command) instanceof String name
                && resolveCollection(name, false) instanceof StoreCollection collection) {
            int asked = ((Number) query.getOrDefault("batchSize", 0)).intValue();
            int bound = collection.batchLimit();
            if (asked <= 0 || asked > bound) {
                Document bounded = new Document(query);
                bounded.put("batchSize", bound);
                return super.handleCommand(channel, command, bounded, resolver, oplog);
            }
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collection);
        return new StoreCollection(
                this, collection, options, documents(file, namespace), counters(namespace), cursorRegistry, scans);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collection, String name, List<IndexKey> keys, boolean sparse) {
        boolean built = built(collection, name);
        return new StoreUniqueIndex(index(collection, name), built, name, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collection, String name, List<IndexKey> keys, boolean sparse) {
        boolean built = built(collection, name);
        return new StoreSecondaryIndex(index(collection, name), built, name, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String name) {
        super.dropIndex(collection, name);
        file.removeMap(index(collection.getCollectionName(), name));
    }

    @Override
    public void dropCollection(String collection, Oplog oplog) {
        super.dropCollection(collection, oplog);
        String namespace = getFullCollectionNamespace(collection);
        removeMaps(name -> name.equals(namespace) || name.startsWith(namespace + INDEX_SEPARATOR));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        removeMaps(name -> name.startsWith(getDatabaseName() + "."));
    }

    /** Removes the maps (documents, counters, indexes) whose name after the kind's prefix is {@code matching}. */
    private void removeMaps(Predicate<String> matching) {
        for (String name : List.copyOf(file.getMapNames())) {
            String namespace = namespaceOf(name);
            if (namespace != null && matching.test(namespace)) {
                file.removeMap(name);
            }
        }
    }

    private static String namespaceOf(String mapName) {
        for (String kind : List.of(DOCUMENTS, COUNTERS, INDEX)) {
            if (mapName.startsWith(kind)) {
                return mapName.substring(kind.length());
            }
        }
        return null;
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newName) {
        super.moveCollection(oldDatabase, collection, newName);
        String from = collection.getFullName();
        String to = getFullCollectionNamespace(newName);
        file.renameMap(documents(file, from), DOCUMENTS + to);
        file.renameMap(counters(from), COUNTERS + to);
        for (String name : List.copyOf(file.getMapNames())) {
            if (name.startsWith(INDEX + from + INDEX_SEPARATOR)) {
                file.renameMap(file.openMap(name), INDEX + to + name.substring(INDEX.length() + from.length()));
            }
        }
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> store = file.getFileStore();
        return store == null ? 0 : store.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}

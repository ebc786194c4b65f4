package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.InMemoryCursor;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * One collection: its documents as BSON in a map of the store file by {@code _id}, and its size in a map of
 * counters. Every change is noted in the {@link Journal} of the command that makes it.
 *
 * <p>The commands every aggregate write is made of take a short way: reading one document by {@code _id}, replacing
 * it where its {@code _id} and other fields still have the values read (compare-and-set), and updating it by
 * operators by {@code _id} (the outbox's removal of what was published). They give the engine's answers, without its
 * general query and update machinery.
 */
final class StoreCollection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String DATA_SIZE = "dataSize";

    /** About how many bytes of documents one reply to a find carries at most. */
    static final long MAX_BATCH_BYTES = 8L * 1024 * 1024;

    /** Above this many documents, a query that reads them all is logged: it wants an index. */
    private static final int LOGGED_SCAN = 10_000;

    private final MVMap<Object, byte[]> documents;
    private final MVMap<String, Long> counters;
    private final Scans scans;
    private final QueryMatcher matcher = new DefaultQueryMatcher();

    StoreCollection(
            MongoDatabase database,
            String name,
            CollectionOptions options,
            MVMap<Object, byte[]> documents,
            MVMap<String, Long> counters,
            CursorRegistry cursors,
            Scans scans) {
        super(database, name, options, cursors);
        this.documents = documents;
        this.counters = counters;
        this.scans = scans;
        if (counters.putIfAbsent(DATA_SIZE, 0L) == null) {
            Journal.put(counters, DATA_SIZE, 0L);
        }
    }

    /** "database.collection", made once: the engine asks for it on every write. Null after a rename. */
    private String fullName;

    @Override
    public String getFullName() {
        String name = fullName;
        if (name == null) {
            name = getDatabaseName() + "." + getCollectionName();
            fullName = name;
        }
        return name;
    }

    @Override
    public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        super.renameTo(newDatabase, newCollectionName);
        fullName = null;
    }

    /**
     * The engine would measure each document by encoding it once more (twice on an update); the collection counts
     * the bytes it stores instead, see {@link #resize}.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int delta) {
        resize(delta);
    }

    private void resize(long delta) {
        if (delta != 0) {
            Long size = counters.merge(DATA_SIZE, delta, Long::sum);
            Journal.put(counters, DATA_SIZE, size);
        }
    }

    @Override
    protected int getDataSize() {
        return counters.getOrDefault(DATA_SIZE, 0L).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        Object position = Missing.ofNullable(key);
        byte[] bytes = BsonTypes.encode(document, averageSize());
        if (documents.putIfAbsent(position, bytes) != null) {
            throw new IllegalStateException("A document with _id " + key + " already exists in " + this);
        }
        Journal.put(documents, position, bytes);
        resize(bytes.length);
        return position;
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        return read(position, null);
    }

    /** The document at the position with only the given top-level fields (null: whole), or null if there is none. */
    private Document read(Object position, FieldsRead fields) {
        byte[] bytes = documents.get(position);
        return bytes == null ? null : BsonTypes.decode(bytes, fields);
    }

    @Override
    protected void removeDocument(Object position) {
        byte[] removed = documents.remove(position);
        if (removed == null) {
            throw new NoSuchElementException("No document with _id " + position + " in " + this);
        }
        Journal.remove(documents, position);
        resize(-removed.length);
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(BsonTypes.decode(entry.getValue()), entry.getKey()));
    }

    /**
     * As the engine does (the first index that can serve the query, or a scan), and besides: a query whose conditions
     * include an {@code $or} of which every branch an index serves reads the union of what those indexes find (as
     * an integration client's lookups ask, {@code {$or: [{externalKey: k}, {mergedExternalKeys: k}]}}); and a sorted
     * query is answered in an index's order where one holds it (see {@link #walk}), reading only as far as the page
     * goes rather than reading every match and sorting them. In that order: a walk that also looks up the query's
     * equal values; a find without a sort, skip or limit whose candidates an index or the union finds, read batch by
     * batch as the client fetches it ({@link #inBatches}); the union; a walk from where a range on the sort's first
     * field starts (the next page after a cursor); an index that looks the query up; a walk of the whole index that
     * checks each document it meets. A find that projects reads only the fields it needs ({@link FieldsRead}).
     */
    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        if (query.size() == 1 && skip == 0 && isEmpty(orderBy) && isEmpty(fieldSelector)) {
            Object id = getIdField() == null ? null : query.get(getIdField());
            if (StoreIndex.plain(id)) {
                Document document = getDocument(Missing.ofNullable(id));
                return new QueryResult(document == null ? List.of() : List.of(document));
            }
        }
        FieldsRead fields = FieldsRead.of(query, orderBy, fieldSelector, getIdField());
        Walk walk = isEmpty(orderBy) ? null : walk(IndexKeys.conditions(query), orderBy, fields);
        if (walk != null && walk.looksUp()) {
            return matchDocumentsFromStream(walk.documents(), query, null, skip, limit, batchSize, fieldSelector);
        }
        Index<Object> serving = servingIndex(query);
        Set<Object> union = serving == null ? union(query) : null;
        if (isEmpty(orderBy) && skip == 0 && limit == 0 && batchSize > 0) {
            Iterable<Object> positions = serving != null ? serving.getPositions(query) : union;
            if (positions != null) {
                return inBatches(query, positions, batchSize, fieldSelector, fields);
            }
        }
        if (union != null) {
            return matchDocuments(query, union, orderBy, skip, limit, batchSize, fieldSelector);
        }
        if (walk != null && (walk.bounded() || serving == null)) {
            return matchDocumentsFromStream(walk.documents(), query, null, skip, limit, batchSize, fieldSelector);
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /**
     * Documents in a sort's order; whether the index walked for them also looks up equal values of the query, and
     * whether the walk starts where a range of the query does.
     */
    private record Walk(Stream<Document> documents, boolean looksUp, boolean bounded) {}

    /**
     * The documents in the order {@code orderBy} asks, from an index that holds them in it, or null if none does:
     * an index whose fields are those the query gives equal values for, then the sort's fields (all ascending or all
     * descending; a last {@code _id} is the order of the entries with equal values, where the index ends there or
     * goes on with {@code _id}); a sparse one only where the query wants its first field. A sort on {@code _id} alone
     * walks the documents themselves. The walk starts where the query's range on the sort's first field does, in the
     * walk's direction. Each document is read when the walk reaches it, so a page of a few reads a few.
     */
    private Walk walk(Document conditions, Document orderBy, FieldsRead wanted) {
        List<String> sort = new ArrayList<>(orderBy.keySet());
        if (sort.get(0).equals("$natural")) {
            return null;
        }
        int direction = 0;
        for (Object value : orderBy.values()) {
            if (!(value instanceof Number number)
                    || number.intValue() == 0
                    || direction != 0 && Integer.signum(number.intValue()) != direction) {
                return null;
            }
            direction = Integer.signum(number.intValue());
        }
        boolean reverse = direction < 0;
        String idField = getIdField();
        boolean thenById = idField != null && sort.get(sort.size() - 1).equals(idField);
        if (thenById) {
            sort.remove(sort.size() - 1);
        }
        if (sort.isEmpty()) {
            Cursor<Object, byte[]> all = documents.cursor(null, null, reverse);
            Iterator<Document> read = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public Document next() {
                    all.next();
                    return BsonTypes.decode(all.getValue(), wanted);
                }
            };
            return new Walk(stream(read), false, false);
        }
        StoreIndex best = null;
        List<Object> bestPrefix = null;
        for (Index<Object> candidate : getIndexes()) {
            if (!(candidate instanceof StoreIndex index)) {
                continue;
            }
            List<String> fields = index.fields();
            if (index.sparse() && !requires(conditions.get(fields.get(0)))) {
                // It leaves out documents the query may want.
                continue;
            }
            List<Object> prefix = new ArrayList<>();
            while (prefix.size() < fields.size()
                    && !sort.contains(fields.get(prefix.size()))
                    && StoreIndex.plain(conditions.get(fields.get(prefix.size())))) {
                prefix.add(BsonTypes.normalize(conditions.get(fields.get(prefix.size()))));
            }
            int end = prefix.size() + sort.size();
            if (end > fields.size()
                    || !fields.subList(prefix.size(), end).equals(sort)
                    || thenById && end != fields.size() && !fields.get(end).equals(idField)) {
                continue;
            }
            if (best == null || prefix.size() > bestPrefix.size()) {
                best = index;
                bestPrefix = prefix;
            }
        }
        if (best == null) {
            return null;
        }
        Object from = start(conditions.get(sort.get(0)), reverse);
        Iterator<Object> positions = best.positionsInOrder(bestPrefix, from, reverse);
        Set<Object> seen = new HashSet<>();
        Stream<Document> read =
                stream(positions).filter(seen::add).map(p -> read(p, wanted)).filter(Objects::nonNull);
        return new Walk(read, !bestPrefix.isEmpty(), from != null);
    }

    /** Whether a document must have the field to meet this condition on it: a value, a range or {@code $exists}. */
    private static boolean requires(Object condition) {
        if (condition instanceof Document operators) {
            return !operators.isEmpty()
                    && operators.entrySet().stream().allMatch(op -> switch (op.getKey()) {
                        case "$exists" -> Boolean.TRUE.equals(op.getValue());
                        case "$gt", "$gte", "$lt", "$lte" -> StoreIndex.plain(op.getValue());
                        default -> false;
                    });
        }
        return StoreIndex.plain(condition);
    }

    /**
     * Where a walk may start, given the condition on the sort's first field: the bound of a range in the walk's
     * direction ({@code $lt}/{@code $lte} walking down, {@code $gt}/{@code $gte} walking up); else null.
     */
    private static Object start(Object condition, boolean reverse) {
        if (!(condition instanceof Document operators)) {
            return null;
        }
        Object bound = reverse
                ? operators.getOrDefault("$lte", operators.get("$lt"))
                : operators.getOrDefault("$gte", operators.get("$gt"));
        return StoreIndex.plain(bound) ? BsonTypes.normalize(bound) : null;
    }

    /**
     * The rest of a find's answer, handed out in batches as bounded as the first (a getMore that names no batch size
     * gets one batch, not everything left). Only a find leaves a cursor: the engine's own reads take all at once.
     */
    @Override
    protected de.bwaldvogel.mongo.backend.Cursor createCursor(List<Document> remainingDocuments) {
        int limit = batchLimit();
        InMemoryCursor cursor = new InMemoryCursor(cursorRegistry.generateCursorId(), remainingDocuments) {
            @Override
            public List<Document> takeDocuments(int numberToReturn) {
                return super.takeDocuments(numberToReturn > 0 ? Math.min(numberToReturn, limit) : limit);
            }
        };
        cursorRegistry.add(cursor);
        return cursor;
    }

    /**
     * A find's answer read as it is handed out, batch by batch: the first now, each next one when the client asks for
     * it, so a report that reads 200,000 complaints never holds them all (the engine would match every document before
     * the first reply and keep what the client has not fetched yet). A document changed between two batches is read
     * as it is then, as a MongoDB cursor does. Only a find without a sort, a skip or a limit, whose candidates an
     * index finds; the engine's own reads (batch size 0) take all at once.
     */
    private QueryResult inBatches(
            Document query, Iterable<Object> positions, int batchSize, Document fieldSelector, FieldsRead fields) {
        Iterator<Object> candidates = positions.iterator();
        Iterator<Document> answers = new Iterator<>() {
            private Iterator<Document> matched = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!matched.hasNext() && candidates.hasNext()) {
                    // Under the collection's lock, as every read and write of the engine is: its query matcher
                    // keeps state for positional updates.
                    synchronized (StoreCollection.this) {
                        List<Document> read = new ArrayList<>();
                        while (read.size() < batchSize && candidates.hasNext()) {
                            Document document = read(candidates.next(), fields);
                            if (document != null) {
                                read.add(document);
                            }
                        }
                        matched = matchDocumentsFromStream(read.stream(), query, null, 0, 0, 0, fieldSelector)
                                .iterator();
                    }
                }
                return matched.hasNext();
            }

            @Override
            public Document next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return matched.next();
            }
        };
        List<Document> first = take(answers, batchSize);
        if (!answers.hasNext()) {
            return new QueryResult(first);
        }
        int bound = batchLimit();
        AbstractCursor cursor = new AbstractCursor(cursorRegistry.generateCursorId()) {
            @Override
            public boolean isEmpty() {
                return !answers.hasNext();
            }

            @Override
            public List<Document> takeDocuments(int numberToReturn) {
                return take(answers, numberToReturn > 0 ? Math.min(numberToReturn, bound) : bound);
            }
        };
        cursorRegistry.add(cursor);
        return new QueryResult(first, cursor);
    }

    private static List<Document> take(Iterator<Document> answers, int count) {
        List<Document> taken = new ArrayList<>();
        while (taken.size() < count && answers.hasNext()) {
            taken.add(answers.next());
        }
        return taken;
    }

    /** How many documents of this collection's average size fit in one reply to a find. */
    int batchLimit() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, MAX_BATCH_BYTES / Math.max(1, averageSize())));
    }

    /** The average size of this collection's documents, in bytes (0 when it has none). */
    private int averageSize() {
        long count = documents.size();
        return count == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, counters.getOrDefault(DATA_SIZE, 0L) / count);
    }

    private static <T> Stream<T> stream(Iterator<T> iterator) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    private Index<Object> servingIndex(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (index.canHandle(query)) {
                return index;
            }
        }
        return null;
    }

    /** The positions the indexes find for each branch of the query's {@code $or}; null if one is served by none. */
    private Set<Object> union(Document query) {
        if (!(IndexKeys.conditions(query).get("$or") instanceof Collection<?> branches) || branches.isEmpty()) {
            return null;
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (Object branch : branches) {
            Index<Object> index = branch instanceof Document d ? servingIndex(d) : null;
            if (index == null) {
                return null;
            }
            index.getPositions((Document) branch).forEach(positions::add);
        }
        return positions;
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        scans.scanned(getFullName(), query, orderBy, documents.size(), LOGGED_SCAN);
        Stream<Document> candidates;
        if (isNaturalDescending(orderBy)) {
            candidates = streamAllDocumentsWithPosition()
                    .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                    .map(DocumentWithPosition::getDocument);
        } else {
            FieldsRead fields = FieldsRead.of(query, orderBy, fieldSelector, getIdField());
            candidates = documents.values().stream().map(bytes -> BsonTypes.decode(bytes, fields));
        }
        return matchDocumentsFromStream(candidates, query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** The documents an index found, each with only the fields the find needs (see {@link FieldsRead}). */
    @Override
    protected QueryResult matchDocuments(
            Document query,
            Iterable<Object> positions,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        FieldsRead fields = FieldsRead.of(query, orderBy, fieldSelector, getIdField());
        Stream<Document> candidates = StreamSupport.stream(positions.spliterator(), false)
                .map(position -> read(position, fields))
                .filter(Objects::nonNull);
        return matchDocumentsFromStream(candidates, query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /**
     * An update of the one document a filter with an equal {@code _id} can choose (as the aggregate store's
     * compare-and-set is, {@code {_id, version}}, and as the outbox relay's removal of what it published is) is made
     * here: the document read by its {@code _id}, checked against the rest of the filter, changed, and only the
     * indexes whose keys change touched. A replacement is the update's fields under the document's {@code _id}; an
     * update by operators ({@code $set}, {@code $inc}, {@code $pull}, …) is applied by the engine's own code, with its
     * checks and its errors. What the engine's general path adds and this leaves out: it finds the document with a
     * query, copies it twice, compares the two copies field by field twice and measures both by encoding them, where
     * the document read here is already this command's own copy and the new one is compared by its encoding, which
     * the store needs anyway. Anything else (several documents, a filter without a plain {@code _id}, an upsert that
     * finds nothing) is the engine's.
     */
    @Override
    public synchronized Document updateDocuments(
            Document selector,
            Document update,
            ArrayFilters arrayFilters,
            boolean isMulti,
            boolean isUpsert,
            Oplog oplog) {
        String idField = getIdField();
        boolean replacement = isReplacement(update);
        if (isMulti
                || idField == null
                || (replacement ? !arrayFilters.isEmpty() : !EngineUpdates.available())
                || !StoreIndex.plain(selector.get(idField))) {
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        }
        byte[] stored = documents.get(Missing.ofNullable(selector.get(idField)));
        Document old = stored == null ? null : BsonTypes.decode(stored);
        if (old == null || !matcher.matches(old, selector)) {
            return isUpsert
                    ? super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog)
                    : updated(0, 0);
        }
        Object id = old.get(idField);
        // Kept under the _id as stored (a filter may name it as another number type: 2 for 2L).
        Object position = Missing.ofNullable(id);
        Document changed;
        if (replacement) {
            if (update.containsKey(idField) && BsonTypes.compareValues(id, update.get(idField)) != 0) {
                // The engine refuses it, in its words.
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            }
            changed = new Document(idField, id);
            changed.putAll(update);
            Utils.validateFieldNames(changed);
        } else {
            changed = EngineUpdates.apply(this, old, update, arrayFilters, matcher.matchPosition(old, selector));
        }
        byte[] bytes = BsonTypes.encode(changed, stored.length);
        if (Arrays.equals(bytes, stored)) {
            return updated(1, 0);
        }
        for (Index<Object> index : getIndexes()) {
            index.checkUpdate(old, changed, this);
        }
        for (Index<Object> index : getIndexes()) {
            index.updateInPlace(old, changed, position, this);
        }
        put(position, bytes);
        oplog.handleUpdate(getFullName(), selector, update, List.of(id));
        return updated(1, 1);
    }

    private static boolean isReplacement(Document update) {
        for (String key : update.keySet()) {
            if (key.startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    private static Document updated(int matched, int modified) {
        Document result = new Document("n", matched);
        result.put("nModified", modified);
        return result;
    }

    private static boolean isEmpty(Document document) {
        return document == null || document.isEmpty();
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        put(position, BsonTypes.encode(newDocument, averageSize()));
    }

    private void put(Object position, byte[] bytes) {
        byte[] previous = documents.put(position, bytes);
        Journal.put(documents, position, bytes);
        resize(bytes.length - (previous == null ? 0 : previous.length));
    }
}

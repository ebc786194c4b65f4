package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index (mongo-java-server keeps none: it would scan the collection): a map of the store file whose
 * keys are the indexed values followed by the document's {@code _id}, so that the documents with the same values
 * lie side by side.
 *
 * <p>It serves a query that gives the index's first field: an equal value (or {@code $in} a list of them) for a
 * leading run of its fields, then optionally a range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) on the
 * next; a sparse index also serves {@code $exists: true} on its first field. It may return more documents than
 * match (a range is scanned across types, other conditions are left out): the query engine checks every document it
 * gets against the whole query.
 */
final class StoreSecondaryIndex extends StoreIndex {

    private static final Set<String> RANGE = Set.of("$gt", "$gte", "$lt", "$lte");

    StoreSecondaryIndex(
            MVMap<KeyValue, Object> entries, boolean built, String name, List<IndexKey> keys, boolean sparse) {
        super(entries, built, name, keys, sparse);
    }

    @Override
    public boolean isUnique() {
        return false;
    }

    @Override
    public Object getPosition(Document document) {
        return position(document);
    }

    private static Object position(Document document) {
        return Missing.ofNullable(document.get("_id"));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Never conflicts.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Never conflicts.
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (skipped(document)) {
            return;
        }
        for (KeyValue values : getKeyValues(document)) {
            KeyValue key = withPosition(values, position);
            entries.put(key, Missing.getInstance());
            Journal.put(entries, key, Missing.getInstance());
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        if (skipped(document)) {
            return null;
        }
        Object position = position(document);
        for (KeyValue values : getKeyValues(document)) {
            KeyValue key = withPosition(values, position);
            if (entries.remove(key) != null) {
                Journal.remove(entries, key);
            }
        }
        return position;
    }

    /**
     * Only the entries that change are touched: an aggregate's outbox gains and loses a few ids on a write, and the
     * ids it keeps keep their entries.
     */
    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        Set<KeyValue> before = skipped(oldDocument) ? Set.of() : getKeyValues(oldDocument);
        Set<KeyValue> after = skipped(newDocument) ? Set.of() : getKeyValues(newDocument);
        if (before.equals(after)) {
            return;
        }
        Object oldPosition = position(oldDocument);
        for (KeyValue values : before) {
            if (!after.contains(values)) {
                KeyValue key = withPosition(values, oldPosition);
                if (entries.remove(key) != null) {
                    Journal.remove(entries, key);
                }
            }
        }
        for (KeyValue values : after) {
            if (!before.contains(values)) {
                KeyValue key = withPosition(values, position);
                entries.put(key, Missing.getInstance());
                Journal.put(entries, key, Missing.getInstance());
            }
        }
    }

    private static KeyValue withPosition(KeyValue values, Object position) {
        List<Object> key = new ArrayList<>(values.size() + 1);
        values.forEach(key::add);
        key.add(position);
        return new KeyValue(key);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        Document conditions = IndexKeys.conditions(query);
        return servable(conditions, 0) != null || wantsAny(conditions);
    }

    /**
     * Whether the query asks only that the first field exist, which a sparse index answers with all it holds (as the
     * outbox relay's sweep asks, {@code {"outbox.id": {$exists: true}}}).
     */
    private boolean wantsAny(Document conditions) {
        return isSparse()
                && conditions.get(fields.get(0)) instanceof Document operators
                && operators.size() == 1
                && Boolean.TRUE.equals(operators.get("$exists"));
    }

    /** The condition on the field at {@code index} that this index can look up, or null. */
    private Object servable(Document query, int index) {
        Object condition = query.get(fields.get(index));
        if (condition == null || condition instanceof Missing) {
            return null;
        }
        if (condition instanceof Document operators) {
            if (operators.isEmpty()
                    || !operators.keySet().stream().allMatch(op -> RANGE.contains(op) || op.equals("$in"))) {
                return null;
            }
            if (operators.containsKey("$in")) {
                if (operators.size() != 1
                        || !(operators.get("$in") instanceof Collection<?> values)
                        || values.isEmpty()
                        || !values.stream().allMatch(StoreIndex::plain)) {
                    return null;
                }
                return condition;
            }
            return operators.values().stream().allMatch(StoreIndex::plain) ? condition : null;
        }
        return plain(condition) ? condition : null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document given) {
        Document query = IndexKeys.conditions(given);
        if (servable(query, 0) == null && wantsAny(query)) {
            Set<Object> positions = new LinkedHashSet<>();
            scan(List.of(), null, positions);
            return positions;
        }
        List<List<Object>> prefixes = new ArrayList<>();
        prefixes.add(List.of());
        Document range = null;
        for (int i = 0; i < fields.size(); i++) {
            Object condition = servable(query, i);
            if (condition == null) {
                break;
            }
            if (condition instanceof Document operators && !operators.containsKey("$in")) {
                range = operators;
                break;
            }
            Collection<?> values =
                    condition instanceof Document in ? (Collection<?>) in.get("$in") : List.of(condition);
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> prefix : prefixes) {
                for (Object value : values) {
                    List<Object> next = new ArrayList<>(prefix);
                    next.add(BsonTypes.normalize(value));
                    longer.add(next);
                }
            }
            prefixes = longer;
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (List<Object> prefix : prefixes) {
            scan(prefix, range, positions);
        }
        return positions;
    }

    /** An entry's key ends with the position of its document. */
    @Override
    protected Object position(KeyValue key, Object value) {
        return key.get(key.size() - 1);
    }

    /** Adds the positions of the entries that start with {@code prefix} and, after it, lie in {@code range}. */
    private void scan(List<Object> prefix, Document range, Set<Object> positions) {
        Object low = range == null ? null : bound(range, "$gt", "$gte");
        // Both bounds may be met by different elements of an array: with a lower bound, the upper one is left to the
        // query engine.
        Object high = range == null || low != null ? null : bound(range, "$lt", "$lte");
        List<Object> from = new ArrayList<>(prefix);
        from.add(low == null ? MinKey.getInstance() : low);
        List<Object> to = new ArrayList<>(prefix);
        to.add(high == null ? MaxKey.getInstance() : high);
        to.add(MaxKey.getInstance());
        KeyValue end = new KeyValue(to);
        Iterator<KeyValue> keys = entries.cursor(new KeyValue(from), end, false);
        while (keys.hasNext()) {
            KeyValue key = keys.next();
            positions.add(key.get(key.size() - 1));
        }
    }

    private static Object bound(Document range, String strict, String inclusive) {
        Object value = range.containsKey(strict) ? range.get(strict) : range.get(inclusive);
        return value == null ? null : BsonTypes.normalize(value);
    }
}

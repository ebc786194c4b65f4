package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.h2.mvstore.MVMap;

/**
 * A unique index: a map of the store file from the indexed values to the document's {@code _id}. It serves a query
 * on exactly its fields: equal values, a list of them ({@code $in}) or, on one field, a regular expression.
 */
final class StoreUniqueIndex extends StoreIndex {

    StoreUniqueIndex(MVMap<KeyValue, Object> entries, boolean built, String name, List<IndexKey> keys, boolean sparse) {
        super(entries, built, name, keys, sparse);
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public synchronized Object getPosition(Document document) {
        for (KeyValue key : getKeyValues(document)) {
            Object position = entries.get(key);
            if (position != null) {
                return position;
            }
        }
        return null;
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        if (skipped(document)) {
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            if (entries.containsKey(key)) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        checkAdd(document, collection);
        insert(document, position);
    }

    /** Adds the document's keys, which {@link #checkAdd} or {@link #checkUpdate} found free. */
    private void insert(Document document, Object position) {
        if (skipped(document)) {
            return;
        }
        Object value = Missing.ofNullable(position);
        for (KeyValue key : getKeyValues(document)) {
            if (entries.putIfAbsent(key, value) != null) {
                throw new IllegalStateException("Key " + key + " already exists in " + this);
            }
            Journal.put(entries, key, value);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        if (skipped(document)) {
            return null;
        }
        Object removed = null;
        for (KeyValue key : getKeyValues(document)) {
            Object position = entries.remove(key);
            if (position != null) {
                Journal.remove(entries, key);
                removed = position;
            }
        }
        return removed;
    }

    @Override
    public synchronized void checkUpdate(
            Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        if (nullAwareEqualsKeys(oldDocument, newDocument) || skipped(newDocument)) {
            return;
        }
        for (KeyValue key : getKeyValues(newDocument)) {
            Object position = entries.get(key);
            if (position != null && !position.equals(getPosition(oldDocument))) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }

    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        // The engine has called checkUpdate with the same documents first.
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            remove(oldDocument);
            insert(newDocument, position);
        }
    }

    /** An entry's value is the position of its document. */
    @Override
    protected Object position(KeyValue key, Object value) {
        return value;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return exactly(query) || equalOnAllFields(IndexKeys.conditions(query));
    }

    /** A query on exactly the index's fields: equal values, or on one field {@code $in} or a regular expression. */
    private boolean exactly(Document query) {
        if (!query.keySet().equals(keySet())) {
            return false;
        }
        if (isSparse() && query.values().stream().allMatch(Objects::isNull)) {
            return false;
        }
        for (Object condition : query.values()) {
            if (condition instanceof Document operators && !BsonRegularExpression.isRegularExpression(operators)) {
                if (isCompoundIndex() || !onlyIn(operators)) {
                    return false;
                }
            } else if (condition instanceof BsonRegularExpression
                    || BsonRegularExpression.isRegularExpression(condition)) {
                if (isCompoundIndex()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A query that, among other conditions (beside them or under {@code $and}), gives every field of the index an
     * equal value (or, for one field, a list of them): the documents with those values are the only candidates,
     * which the engine then checks against the rest (as the reports' read model asks,
     * {@code {$and: [{_id: …}, {$or: […]}]}}).
     */
    private boolean equalOnAllFields(Document conditions) {
        for (int i = 0; i < fields.size(); i++) {
            Object value = conditions.get(fields.get(i));
            boolean in = !isCompoundIndex()
                    && value instanceof Document operators
                    && onlyIn(operators)
                    && operators.get("$in") instanceof Collection<?> values
                    && values.stream().allMatch(StoreIndex::plain);
            if (!in && !plain(value)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document given) {
        Document query = exactly(given) ? given : IndexKeys.conditions(given);
        if (!isCompoundIndex()) {
            Object condition = query.get(fields.get(0));
            if (BsonRegularExpression.isRegularExpression(condition)) {
                BsonRegularExpression pattern = BsonRegularExpression.convertToRegularExpression(condition);
                List<Object> positions = new ArrayList<>();
                for (Map.Entry<KeyValue, Object> entry : entries.entrySet()) {
                    if (entry.getKey().get(0) instanceof String s
                            && pattern.matcher(s).find()) {
                        positions.add(entry.getValue());
                    }
                }
                return positions;
            }
            if (condition instanceof Document operators && operators.get("$in") instanceof Collection<?> values) {
                Set<Object> positions = new LinkedHashSet<>();
                for (Object value : values) {
                    Object position = entries.get(new KeyValue(BsonTypes.normalize(value)));
                    if (position != null) {
                        positions.add(position);
                    }
                }
                return positions;
            }
        }
        List<Object> values = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            values.add(BsonTypes.normalize(query.get(fields.get(i))));
        }
        Object position = entries.get(new KeyValue(values));
        return position == null ? List.of() : List.of(position);
    }

    /** Whether the operators are {@code $in} alone. */
    private static boolean onlyIn(Document operators) {
        return operators.size() == 1 && operators.containsKey("$in");
    }
}

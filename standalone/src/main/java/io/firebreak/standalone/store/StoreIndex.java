package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;

/** What the store's indexes share: a map of the store file holding the entries, and how keys are read. */
abstract class StoreIndex extends Index<Object> {

    /** The entries; kept in step with the collection by the subclass, every change noted in the journal. */
    protected final MVMap<KeyValue, Object> entries;
    /** The index's fields, in order. */
    protected final List<String> fields;
    /** Built before, with its collection: not to be built again at opening, even if empty. */
    private final boolean built;
    private final IndexKeys keys;

    StoreIndex(MVMap<KeyValue, Object> entries, boolean built, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
        this.built = built;
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.keys = new IndexKeys(fields);
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        KeyValue key = keys.read(document);
        return key != null ? Set.of(key) : super.getKeyValues(document);
    }

    /** Whether the two documents have the same key here, as the index's map tells keys apart. */
    @Override
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
        KeyValue before = keys.read(oldDocument);
        KeyValue after = keys.read(newDocument);
        if (before == null || after == null) {
            return super.nullAwareEqualsKeys(oldDocument, newDocument);
        }
        return BsonTypes.Key.INSTANCE.compare(before, after) == 0;
    }

    /** A sparse index leaves out the documents that have none of its fields. */
    protected boolean skipped(Document document) {
        return isSparse() && keys.noneIn(document);
    }

    /** A value an index holds as it is: not null (which also matches a missing field), an array or a document. */
    protected static boolean plain(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Map)
                && !(value instanceof Collection) && !(value instanceof BsonRegularExpression);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        // The query engine builds an index at opening when it says it is empty.
        return !built && entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // The map is removed with the index (StoreDatabase).
    }
}

package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.Cursor;
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
    /** The fields as a set, in order: the engine asks for them on every query and write, once per index. */
    private final Set<String> fieldSet;

    StoreIndex(MVMap<KeyValue, Object> entries, boolean built, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
        this.built = built;
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.keys = new IndexKeys(fields);
        this.fieldSet = Collections.unmodifiableSet(new LinkedHashSet<>(fields));
    }

    /**
     * The fields, as {@link Index} gives them: there a list and a set newly collected from the keys at each call, on
     * every query (for each of the collection's indexes, asking whether it serves it) and every write.
     */
    @Override
    protected List<String> keys() {
        return fields;
    }

    @Override
    protected Set<String> keySet() {
        return fieldSet;
    }

    @Override
    protected boolean isCompoundIndex() {
        return fields.size() > 1;
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Set<KeyValue> found = keys.readAll(document);
        return found != null ? found : super.getKeyValues(document);
    }

    /** Whether the two documents have the same keys here, as the index's map tells keys apart. */
    @Override
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
        KeyValue before = keys.read(oldDocument);
        KeyValue after = keys.read(newDocument);
        if (before == null || after == null) {
            return getKeyValues(oldDocument).equals(getKeyValues(newDocument));
        }
        return BsonTypes.Key.INSTANCE.compare(before, after) == 0;
    }

    /** The index's fields, in order. */
    List<String> fields() {
        return fields;
    }

    /** Whether the index leaves out the documents that have none of its fields. */
    boolean sparse() {
        return isSparse();
    }

    /**
     * The positions of the documents whose keys start with {@code prefix}, in the order of the rest of the key
     * (ascending, whatever the index's declared direction; descending if {@code reverse}), from the entries whose
     * next value is {@code from} (null: from the first, or the last): read lazily, as the map is walked, from the map
     * as it stands when the walk starts.
     */
    Iterator<Object> positionsInOrder(List<Object> prefix, Object from, boolean reverse) {
        List<Object> low = new ArrayList<>(prefix);
        low.add(from != null && !reverse ? from : MinKey.getInstance());
        List<Object> high = new ArrayList<>(prefix);
        high.add(from != null && reverse ? from : MaxKey.getInstance());
        high.add(MaxKey.getInstance());
        Cursor<KeyValue, Object> entries = reverse
                ? this.entries.cursor(new KeyValue(high), new KeyValue(low), true)
                : this.entries.cursor(new KeyValue(low), new KeyValue(high), false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Object next() {
                KeyValue key = entries.next();
                return position(key, entries.getValue());
            }
        };
    }

    /** The position of the document an entry ({@code key} and {@code value}) stands for. */
    protected abstract Object position(KeyValue key, Object value);

    /** A sparse index leaves out the documents that have none of its fields. */
    protected boolean skipped(Document document) {
        return isSparse() && keys.noneIn(document);
    }

    /** A value an index holds as it is: not null (which also matches a missing field), an array or a document. */
    protected static boolean plain(Object value) {
        return value != null
                && !(value instanceof Missing)
                && !(value instanceof Map)
                && !(value instanceof Collection)
                && !(value instanceof BsonRegularExpression);
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

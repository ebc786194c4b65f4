package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an index's key from a document, its field paths split once (the query engine's own reading splits every
 * path with a regular expression on every call, a third of the store's time on a write). A path that meets an
 * array is left to the engine, which makes one key per element.
 */
final class IndexKeys {

    private static final Set<String> RANGE = Set.of("$gt", "$gte", "$lt", "$lte");

    private final String[][] paths;

    IndexKeys(List<String> fields) {
        this.paths = fields.stream().map(field -> field.split("\\.")).toArray(String[][]::new);
    }

    /** The document's key, its values normalized as the engine does; null when a path meets an array. */
    KeyValue read(Document document) {
        Object[] values = new Object[paths.length];
        for (int i = 0; i < paths.length; i++) {
            Object value = document;
            for (String part : paths[i]) {
                if (value instanceof Map<?, ?> map) {
                    value = map.get(part);
                } else if (value instanceof Collection<?>) {
                    return null;
                } else {
                    value = null;
                    break;
                }
            }
            if (value instanceof Collection<?>) {
                return null;
            }
            values[i] = BsonTypes.normalize(value);
        }
        return new KeyValue(Arrays.asList(values));
    }

    /**
     * Whether the document has a value for none of the fields (a sparse index leaves it out). A path through an
     * array counts as having one: its elements may.
     */
    boolean noneIn(Document document) {
        for (String[] path : paths) {
            Object value = document;
            for (String part : path) {
                if (value instanceof Collection<?>) {
                    return false;
                }
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            if (value != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The query's conditions by field, with those under a top-level {@code $and} brought up beside the others (two
     * ranges on one field become one; of two other conditions on a field, the first is kept, which the documents
     * that match the query all meet).
     */
    static Document conditions(Document query) {
        if (!(query.get("$and") instanceof Collection<?> all)) {
            return query;
        }
        Document conditions = new Document();
        query.forEach((field, condition) -> {
            if (!field.equals("$and")) {
                conditions.put(field, condition);
            }
        });
        for (Object part : all) {
            if (!(part instanceof Document document)) {
                continue;
            }
            conditions(document).forEach((field, condition) -> {
                Object earlier = conditions.get(field);
                if (earlier == null) {
                    conditions.put(field, condition);
                } else if (earlier instanceof Document a
                        && condition instanceof Document b
                        && RANGE.containsAll(a.keySet())
                        && RANGE.containsAll(b.keySet())) {
                    Document merged = new Document(a);
                    b.forEach(merged::putIfAbsent);
                    conditions.put(field, merged);
                }
            });
        }
        return conditions;
    }
}

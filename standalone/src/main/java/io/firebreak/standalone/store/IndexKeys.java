package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an index's keys from a document, its field paths split once (the query engine's own reading splits every
 * path with a regular expression on every call and looks for parallel arrays: a third of the store's time on a
 * write). A one-field index whose path meets an array has one key per element, made here as the engine makes them
 * (the outbox's {@code outbox.id}, written on every write of an aggregate); a compound index whose path meets an
 * array is left to the engine.
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
     * The document's keys as the engine makes them: one key, or for a one-field index whose path meets an array one
     * per value found along it (a missing one counting as null; an empty array, none); null when left to the engine
     * (a compound index whose path meets an array).
     */
    Set<KeyValue> readAll(Document document) {
        KeyValue key = read(document);
        if (key != null) {
            return Set.of(key);
        }
        if (paths.length != 1) {
            return null;
        }
        Object value = BsonTypes.normalize(valueAlong(document, paths[0], 0));
        if (!(value instanceof Collection<?> values)) {
            return Set.of(new KeyValue(Collections.singletonList(value)));
        }
        Set<KeyValue> keys = new LinkedHashSet<>();
        for (Object element : values) {
            keys.add(new KeyValue(Collections.singletonList(element)));
        }
        return keys;
    }

    /**
     * The value at {@code path} from its part {@code from} on, through arrays as the engine reads them for an index:
     * an array's documents each give their value (an array's elements), its other elements a missing value.
     */
    private static Object valueAlong(Document document, String[] path, int from) {
        Object value = document.getOrMissing(path[from]);
        if (from == path.length - 1) {
            return value;
        }
        if (value instanceof Document inner) {
            return valueAlong(inner, path, from + 1);
        }
        if (!(value instanceof Collection<?> elements)) {
            return Missing.getInstance();
        }
        List<Object> values = new ArrayList<>();
        for (Object element : elements) {
            if (element instanceof Document inner) {
                Object found = valueAlong(inner, path, from + 1);
                if (found instanceof Collection<?> many) {
                    values.addAll(many);
                } else {
                    values.add(found);
                }
            } else {
                values.add(Missing.getInstance());
            }
        }
        return values;
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

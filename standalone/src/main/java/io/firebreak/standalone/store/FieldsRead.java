package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The top-level fields a find needs of each document it reads: the fields its filter, its sort and its projection
 * name, when the projection names the fields to include. Only those are decoded (see
 * {@link BsonTypes#decode(byte[], FieldsRead)}): a report that counts three fields of 200,000 documents decodes three
 * fields of each, not every message and timeline entry. Null (the whole document) for a find without a projection,
 * one that leaves fields out or reshapes them, and a filter with an operator whose fields cannot be told. Updates
 * and deletes never project, so they always read documents whole.
 */
final class FieldsRead {

    private final byte[][] names;

    private FieldsRead(Set<String> names) {
        this.names = names.stream()
                .map(name -> name.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }

    /** Whether the key of {@code length} bytes at {@code offset} of the document's bytes is one of the fields. */
    boolean wants(byte[] bytes, int offset, int length) {
        for (byte[] name : names) {
            if (name.length == length && Arrays.equals(name, 0, length, bytes, offset, offset + length)) {
                return true;
            }
        }
        return false;
    }

    /** The fields the find needs, or null when it needs whole documents. */
    static FieldsRead of(Document filter, Document orderBy, Document projection, String idField) {
        Set<String> fields = names(filter, orderBy, projection, idField);
        return fields == null ? null : new FieldsRead(fields);
    }

    static Set<String> names(Document filter, Document orderBy, Document projection, String idField) {
        if (projection == null || projection.isEmpty()) {
            return null;
        }
        Set<String> fields = new HashSet<>();
        if (idField != null) {
            fields.add(idField);
        }
        boolean includes = false;
        for (Map.Entry<String, Object> entry : projection.entrySet()) {
            Object value = entry.getValue();
            boolean included = value instanceof Boolean b ? b : value instanceof Number n && n.doubleValue() != 0;
            if (!included && !(value instanceof Boolean) && !(value instanceof Number)) {
                return null; // $slice, $elemMatch or an expression: the engine's own rules, on the whole document
            }
            if (!included) {
                if (entry.getKey().equals(idField)) {
                    continue;
                }
                return null; // fields left out: every other field is wanted
            }
            includes = true;
            fields.add(top(entry.getKey()));
        }
        if (!includes || filter != null && !named(filter, fields)) {
            return null;
        }
        if (orderBy != null) {
            orderBy.keySet().stream().filter(key -> !key.startsWith("$")).forEach(key -> fields.add(top(key)));
        }
        return fields;
    }

    /** Adds the fields the filter names; false if it has an operator that may read others ($where, $expr, $text). */
    private static boolean named(Document filter, Set<String> fields) {
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String key = entry.getKey();
            switch (key) {
                case "$and", "$or", "$nor" -> {
                    if (!(entry.getValue() instanceof Collection<?> branches)) {
                        return false;
                    }
                    for (Object branch : branches) {
                        if (!(branch instanceof Document d) || !named(d, fields)) {
                            return false;
                        }
                    }
                }
                case "$comment" -> {}
                default -> {
                    if (key.startsWith("$")) {
                        return false;
                    }
                    fields.add(top(key));
                }
            }
        }
        return true;
    }

    private static String top(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}

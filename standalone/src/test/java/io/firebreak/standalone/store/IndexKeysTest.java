package io.firebreak.standalone.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store reads an index's keys itself, as the query engine would make them: the same keys for every document,
 * arrays included (a document whose keys the store read otherwise would be left in, or missing from, its indexes).
 */
class IndexKeysTest {

    @Test
    void a_one_field_index_through_an_array_has_a_key_per_element_as_the_engine_makes_them() {
        IndexKeys outbox = new IndexKeys(List.of("outbox.id"));
        Document written = new Document("_id", "C1")
                .append("outbox", List.of(new Document("id", "E1"), new Document("id", "E2"), new Document("x", 1)));

        assertThat(outbox.readAll(written))
                .containsExactly(key("E1"), key("E2"), key(null))
                .isEqualTo(engine("outbox.id", written));
        assertThat(outbox.readAll(new Document("outbox", List.of()))).isEmpty();
        assertThat(new IndexKeys(List.of("sharedWith")).readAll(new Document("sharedWith", List.of("a", "b", "a"))))
                .containsExactly(key("a"), key("b"));
    }

    @Test
    void every_key_the_store_reads_is_the_engines_for_documents_of_every_shape() {
        Random random = new Random(42);
        List<List<String>> indexes = List.of(
                List.of("a"),
                List.of("a.b"),
                List.of("a.b.c"),
                List.of("outbox.id"),
                List.of("status", "receivedAt"),
                List.of("a", "x"),
                List.of("a.b", "x"));
        for (int i = 0; i < 2_000; i++) {
            Document document = new Document("_id", i);
            document.put("a", value(random, 3));
            document.put("x", value(random, 1));
            document.put("status", random.nextBoolean() ? "OPEN" : null);
            document.put("receivedAt", random.nextInt(3));
            document.put("outbox", random.nextBoolean() ? List.of() : List.of(new Document("id", "E" + i)));
            for (List<String> fields : indexes) {
                Set<KeyValue> ours = new IndexKeys(fields).readAll(document);
                if (ours == null) {
                    assertThat(fields)
                            .as("left to the engine only for a compound index")
                            .hasSizeGreaterThan(1);
                    continue;
                }
                assertThat(ours).as("%s of %s", fields, document).isEqualTo(engine(fields, document));
            }
        }
    }

    /** A value of any shape the store meets: plain values, null, documents and arrays, nested up to {@code depth}. */
    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 4);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextInt(4);
            case 2 -> "s" + random.nextInt(4);
            case 3 -> (long) random.nextInt(4);
            case 4, 5 -> {
                Document inner = new Document();
                if (random.nextBoolean()) {
                    inner.put("b", value(random, depth - 1));
                }
                if (random.nextBoolean()) {
                    inner.put("c", value(random, depth - 1));
                }
                yield inner;
            }
            default -> {
                List<Object> elements = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    elements.add(value(random, depth - 1));
                }
                yield elements;
            }
        };
    }

    private static Set<KeyValue> engine(String field, Document document) {
        return engine(List.of(field), document);
    }

    private static Set<KeyValue> engine(List<String> fields, Document document) {
        List<IndexKey> keys =
                fields.stream().map(field -> new IndexKey(field, true)).toList();
        return new MemoryUniqueIndex("probe", keys, false).getKeyValues(document);
    }

    private static KeyValue key(Object value) {
        return new KeyValue(Arrays.asList(value));
    }
}

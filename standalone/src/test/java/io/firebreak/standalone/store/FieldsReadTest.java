package io.firebreak.standalone.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A find that projects a few fields decodes only the fields it needs: each field read alone out of a document of
 * every BSON type is the field a whole read gives, whatever was stepped over before it; and the fields a find needs
 * are those its filter, sort and projection name, or the whole document when the projection leaves fields out or
 * the filter may read any field.
 */
class FieldsReadTest {

    private static final Document EVERY_TYPE = new Document("_id", "C1")
            .append("double", 0.5)
            .append("text", "快递三天没到 — a parcel")
            .append("nested", new Document("list", List.of(1, "two", new Document("three", 3L))))
            .append("list", List.of(new Document("at", Instant.parse("2026-12-01T10:00:00Z")), 2.5, "x"))
            .append("binary", new BinData(new byte[] {1, 2, 3, 0, 5}))
            .append("uuid", UUID.fromString("5f2b6b52-9a55-4c57-9d64-2b1c4a0f6d11"))
            .append("legacyUuid", new LegacyUUID(UUID.fromString("0b0a3c9e-2f51-4c1e-8a7d-5d0c5e4f3a21")))
            .append("objectId", new ObjectId("5f2b6b529a554c579d642b1c"))
            .append("flag", true)
            .append("at", Instant.parse("2026-12-01T10:15:30.123Z"))
            .append("none", null)
            .append("pattern", new BsonRegularExpression("^C\\d+", "i"))
            .append("code", new BsonJavaScript("function () { return 1; }"))
            .append("int", 7)
            .append("timestamp", new BsonTimestamp(Instant.parse("2026-12-01T00:00:00Z"), 3))
            .append("long", 9_000_000_000L)
            .append("decimal", new Decimal128(new BigDecimal("12.345")))
            .append("min", MinKey.getInstance())
            .append("max", MaxKey.getInstance())
            .append("类别", "重大投诉")
            .append("last", "the end");

    @Test
    void each_field_read_alone_is_the_field_a_whole_read_gives_whatever_was_stepped_over_before_it() {
        byte[] bytes = BsonTypes.encode(EVERY_TYPE);
        Document whole = BsonTypes.decode(bytes);
        assertThat(whole.keySet()).containsExactlyElementsOf(EVERY_TYPE.keySet());

        for (String field : EVERY_TYPE.keySet()) {
            // Compared as BSON: a regular expression has no equals of its own.
            assertThat(BsonTypes.encode(BsonTypes.decode(bytes, only(field))))
                    .as(field)
                    .isEqualTo(BsonTypes.encode(new Document(field, whole.get(field))));
        }
        Document some = BsonTypes.decode(bytes, only("_id", "binary", "last", "absent"));
        assertThat(some)
                .isEqualTo(new Document("_id", "C1")
                        .append("binary", whole.get("binary"))
                        .append("last", "the end"));
        assertThat(BsonTypes.encode(BsonTypes.decode(bytes, null))).isEqualTo(bytes);
    }

    /** What a find projecting these fields reads (the fields themselves: no filter, no sort, no id field). */
    private static FieldsRead only(String... fields) {
        Document projection = new Document();
        for (String field : fields) projection.append(field, 1);
        return FieldsRead.of(new Document(), null, projection, null);
    }

    @Test
    void a_find_needs_what_its_filter_sort_and_projection_name() {
        Document filter = new Document("receivedAt", new Document("$gte", 1))
                .append("$or", List.of(new Document("status", "OPEN"), new Document("done.result.at", 2)));
        Document projection = new Document("complaintClass", 1).append("done.result", true);

        assertThat(FieldsRead.names(filter, new Document("department", -1), projection, "_id"))
                .containsExactlyInAnyOrder("_id", "receivedAt", "status", "done", "complaintClass", "department");
        assertThat(FieldsRead.names(new Document(), null, new Document("_id", 0).append("a", 1), "_id"))
                .containsExactlyInAnyOrder("_id", "a");
    }

    @Test
    void a_find_reads_whole_documents_when_its_projection_leaves_out_or_reshapes_or_its_filter_may_read_anything() {
        Document filter = new Document("status", "OPEN");
        assertThat(FieldsRead.names(filter, null, null, "_id")).isNull();
        assertThat(FieldsRead.names(filter, null, new Document(), "_id")).isNull();
        assertThat(FieldsRead.names(filter, null, new Document("messages", 0), "_id"))
                .isNull();
        assertThat(FieldsRead.names(filter, null, new Document("_id", 0), "_id"))
                .isNull();
        assertThat(FieldsRead.names(filter, null, new Document("messages", new Document("$slice", 5)), "_id"))
                .isNull();
        assertThat(FieldsRead.names(filter, null, new Document("total", "$amount"), "_id"))
                .isNull();
        assertThat(FieldsRead.names(new Document("$where", "this.a > 1"), null, new Document("a", 1), "_id"))
                .isNull();
        assertThat(FieldsRead.names(
                        new Document("$and", List.of(new Document("$expr", new Document()))),
                        null,
                        new Document("a", 1),
                        "_id"))
                .isNull();
    }
}

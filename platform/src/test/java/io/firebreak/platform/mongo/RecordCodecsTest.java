package io.firebreak.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.junit.jupiter.api.Test;

class RecordCodecsTest {

    enum Level {
        LOW,
        HIGH
    }

    record Line(String text, Instant at, List<String> tags, Level level) {}

    record Sheet(
            String title,
            int count,
            boolean open,
            long total,
            Instant createdAt,
            String note,
            List<Line> lines,
            Map<String, Line> byKey,
            List<List<String>> grid) {}

    record Thread(String text, List<Thread> replies) {}

    private final CodecRegistry registry = MongoConfiguration.codecRegistry();

    @Test
    void aPackagePrivateRecordWithNestedListsEnumsInstantsAndNullsRoundTrips() {
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        Sheet sheet = new Sheet(
                "t",
                3,
                true,
                9_000_000_000L,
                at,
                null,
                List.of(new Line("a", at, List.of("x", "y"), Level.HIGH), new Line("b", null, List.of(), null)),
                Map.of("k", new Line("c", at, List.of(), Level.LOW)),
                List.of(List.of("1", "2"), List.of()));

        BsonDocument doc = encode(sheet);

        assertThat(doc.containsKey("note")).as("a null is no field").isFalse();
        assertThat(doc.get("createdAt").isDateTime()).isTrue();
        assertThat(doc.getArray("lines").get(0).asDocument().getString("level").getValue())
                .isEqualTo("HIGH");
        assertThat(decode(doc, Sheet.class)).isEqualTo(sheet);
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        Instant at = Instant.parse("2026-01-02T03:04:05.678912345Z");
        Line line = decode(encode(new Line("a", at, List.of(), Level.LOW)), Line.class);
        assertThat(line.at()).isEqualTo(at.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aDocumentFromAnOlderVersionReadsMissingFieldsAsNullOrZeroAndIgnoresUnknownOnes() {
        BsonDocument old = BsonDocument.parse("{_id: 'x', version: 3, title: 't', gone: 'field of an older version'}");
        Sheet sheet = decode(old, Sheet.class);
        assertThat(sheet.title()).isEqualTo("t");
        assertThat(sheet.count()).isZero();
        assertThat(sheet.open()).isFalse();
        assertThat(sheet.total()).isZero();
        assertThat(sheet.lines()).isNull();
    }

    @Test
    void explicitNullsAreRead() {
        BsonDocument doc = BsonDocument.parse("{title: null, count: null, createdAt: null, lines: null}");
        Sheet sheet = decode(doc, Sheet.class);
        assertThat(sheet.title()).isNull();
        assertThat(sheet.count()).isZero();
        assertThat(sheet.createdAt()).isNull();
        assertThat(sheet.lines()).isNull();
    }

    @Test
    void aRecordMayNestItself() {
        Thread thread = new Thread("root", List.of(new Thread("reply", List.of())));
        assertThat(decode(encode(thread), Thread.class)).isEqualTo(thread);
    }

    @SuppressWarnings("unchecked")
    private <T> BsonDocument encode(T value) {
        BsonDocument doc = new BsonDocument();
        ((Codec<T>) registry.get(value.getClass()))
                .encode(
                        new BsonDocumentWriter(doc),
                        value,
                        EncoderContext.builder().build());
        return doc;
    }

    private <T> T decode(BsonDocument doc, Class<T> type) {
        return registry.get(type)
                .decode(new BsonDocumentReader(doc), DecoderContext.builder().build());
    }
}

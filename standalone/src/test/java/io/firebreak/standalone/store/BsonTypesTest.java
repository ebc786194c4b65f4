package io.firebreak.standalone.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BsonTypesTest {

    private static final String[] TEXTS = {
        "", "plain", "投诉：电热毯冒烟了", "emoji 🔥 and more", "a\u0000b", "lone \uD83D surrogate", "lone \uDE00 low", "é"
    };

    @Test
    void writesEveryDocumentAsTheLibrarysEncoderDoesByteForByte() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            Document document = document(random, 0);
            int expected = random.nextInt(4) == 0 ? 0 : random.nextInt(8_000);

            assertThat(BsonTypes.encode(document, expected))
                    .as(document.toString())
                    .isEqualTo(library(document));
            assertThat(BsonTypes.decode(BsonTypes.encode(document))).isEqualTo(BsonTypes.decode(library(document)));
        }
    }

    @Test
    void writesLongArraysAndSetsAsTheLibraryDoes() {
        Document document = new Document("_id", "C1")
                .append("long", IntStream.range(0, 1_500).boxed().toList())
                .append("set", new LinkedHashSet<>(List.of("b", "a", "c")));

        assertThat(BsonTypes.encode(document, 100)).isEqualTo(library(document));
    }

    private static byte[] library(Document document) {
        ByteBuf buffer = Unpooled.buffer(256);
        BsonEncoder.encodeDocument(document, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    private static Document document(SplittableRandom random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(depth == 0 ? 12 : 5);
        for (int f = 0; f < fields; f++) {
            document.put(TEXTS[random.nextInt(TEXTS.length)].replace("\u0000", "") + "k" + f, value(random, depth));
        }
        return document;
    }

    private static Object value(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth < 3 ? 16 : 14)) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble() * 1e6;
            case 4 -> random.nextBoolean();
            case 5 -> TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(100);
            case 6 -> Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L));
            case 7 -> new ObjectId();
            case 8 -> new BinData(new byte[] {1, 2, (byte) random.nextInt(256)});
            case 9 -> new UUID(random.nextLong(), random.nextLong());
            case 10 -> new Decimal128(new BigDecimal("12.5"));
            case 11 -> new BsonTimestamp(Instant.ofEpochSecond(1_700_000_000L), 3);
            case 12 -> random.nextBoolean() ? MaxKey.getInstance() : MinKey.getInstance();
            case 13 -> "x".repeat(random.nextInt(3_000));
            case 14 -> document(random, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(30); i > 0; i--) list.add(value(random, depth + 1));
                yield list;
            }
        };
    }
}

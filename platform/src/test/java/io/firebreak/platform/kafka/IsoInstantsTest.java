package io.firebreak.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class IsoInstantsTest {

    @Test
    void readsWhatEventsCarryAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
            // As written (three, six or nine fraction digits, or none) and with every other number of digits.
            String written = instant.toString();
            assertThat(IsoInstants.parse(written)).as(written).isEqualTo(Instant.parse(written));
            String seconds = written.substring(0, 19);
            String nanos = String.format("%09d", instant.getNano());
            int digits = 1 + random.nextInt(9);
            String other = seconds + "." + nanos.substring(0, digits) + "Z";
            assertThat(IsoInstants.parse(other)).as(other).isEqualTo(Instant.parse(other));
        }
    }

    @Test
    void readsEveryOtherFormAsInstantParseDoesErrorsAlike() {
        for (String text : List.of(
                "2024-02-29T23:59:59Z", "2000-01-01T00:00:00.5Z", "0000-01-01T00:00:00Z", "+12024-01-01T00:00:00Z")) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of(
                "2023-02-29T00:00:00Z",
                "2026-12-05T24:00:00Z",
                "2026-13-05T01:00:00Z",
                "2026-12-05T01:42:52.Z",
                "2026-12-05 01:42:52Z",
                "2026-12-05T01:42:52",
                "2026-12-05T01:42:52.1234567890Z",
                "2026-12-0xT01:42:52Z",
                "")) {
            DateTimeParseException expected = null;
            try {
                Instant.parse(text);
            } catch (DateTimeParseException e) {
                expected = e;
            }
            if (expected == null) {
                assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
            } else {
                assertThatThrownBy(() -> IsoInstants.parse(text))
                        .as(text)
                        .isInstanceOf(DateTimeParseException.class)
                        .hasMessage(expected.getMessage());
            }
        }
        assertThat(IsoInstants.parse("2026-12-05T01:42:52+08:00"))
                .isEqualTo(Instant.parse("2026-12-05T01:42:52+08:00"));
    }

    @Test
    void jsonReadsInstantsTheSameWithTheFastPathAsWithout() {
        JsonMapper plain = JsonMapper.builder().build();
        JsonMapper fast = JsonMapper.builder()
                .addModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstants.Deserializer()))
                .build();
        record At(Instant at) {}
        for (String json : List.of(
                "{\"at\":\"2026-12-05T01:42:52.123456Z\"}",
                "{\"at\":\"2026-12-05T01:42:52+08:00\"}",
                "{\"at\":1733362972.5}",
                "{\"at\":null}",
                "{}")) {
            assertThat(fast.readValue(json, At.class)).as(json).isEqualTo(plain.readValue(json, At.class));
        }
    }
}

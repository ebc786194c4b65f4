package io.firebreak.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.events.EventType;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.events.Topics;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

    /** Nanoseconds on purpose: the wire format must not lose them. */
    private static final Instant TIME = Instant.parse("2026-03-04T05:06:07.123456789Z");

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPayloadSurvivesARoundTrip(EventType type) {
        FirebreakEvent event = sample(type.payloadType());

        String json = codec.toJson(event);

        assertThat(codec.fromJson(json, type.payloadType())).isEqualTo(event);
        ReceivedEvent received = codec.read(record(type.topic(), type.wireName(), "e-1", event.subject(), json))
                .orElseThrow();
        assertThat(received.payload()).isEqualTo(event);
        assertThat(received.type()).isEqualTo(type);
        assertThat(received.id()).isEqualTo("e-1");
        assertThat(received.subject()).isEqualTo(event.subject());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void instantsAreIsoStrings(EventType type) {
        JsonNode tree = JsonMapper.builder().build().readTree(codec.toJson(sample(type.payloadType())));
        assertThat(tree.get("occurredAt").isString()).as(tree.toString()).isTrue();
        assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-03-04T05:06:07.123456789Z");
        for (RecordComponent component : type.payloadType().getRecordComponents()) {
            if (component.getType() == Instant.class) {
                assertThat(tree.get(component.getName()).isString())
                        .as(component.getName())
                        .isTrue();
            }
        }
    }

    @Test
    void nullFieldsAndUnknownFieldsAreTolerated() {
        String json = "{\"complaintId\":\"c-1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"complaintClass\":\"MAJOR\","
                + "\"reasons\":[],\"ruleSetVersion\":\"v1\",\"trigger\":\"t\",\"addedInALaterVersion\":{\"x\":1}}";
        ComplaintClassified event = codec.read(
                        record(Topics.TRIAGE, EventType.COMPLAINT_CLASSIFIED.wireName(), "e-2", "c-1", json))
                .orElseThrow()
                .payloadAs(ComplaintClassified.class);
        assertThat(event.previousClass()).isNull();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aPayloadFromAnOlderProducerWithoutANewerPrimitiveFieldIsRead() {
        String json = "{\"complaintId\":\"c-1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"channel\":\"CHAT\","
                + "\"text\":\"more\"}";
        MessageAdded event = codec.read(record(Topics.INTAKE, EventType.MESSAGE_ADDED.wireName(), "e-9", "c-1", json))
                .orElseThrow()
                .payloadAs(MessageAdded.class);
        assertThat(event.mergedDuplicate()).isFalse();
        assertThat(event.text()).isEqualTo("more");
    }

    @Test
    void anUnknownTypeIsIgnored() {
        Optional<ReceivedEvent> read =
                codec.read(record(Topics.TRIAGE, "firebreak.future.happened", "e-3", "c-1", "{\"anything\":true}"));
        assertThat(read).isEmpty();
    }

    @Test
    void badJsonIsMalformed() {
        assertThatThrownBy(() -> codec.read(record(
                        Topics.TRIAGE,
                        EventType.COMPLAINT_CLASSIFIED.wireName(),
                        "e-4",
                        "c-1",
                        "{\"complaintId\": \"c-1\", oops")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("e-4");
    }

    @Test
    void aWrongEnumValueIsMalformed() {
        String json = "{\"complaintId\":\"c-1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"complaintClass\":\"HUGE\"}";
        assertThatThrownBy(() -> codec.read(
                        record(Topics.TRIAGE, EventType.COMPLAINT_CLASSIFIED.wireName(), "e-5", "c-1", json)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void anEventWithoutSubjectOrTimeIsMalformed() {
        assertThatThrownBy(() -> codec.read(record(
                        Topics.TRIAGE,
                        EventType.COMPLAINT_CLASSIFIED.wireName(),
                        "e-6",
                        "c-1",
                        "{\"complaintId\":\"c-1\"}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("subject or time");
        assertThatThrownBy(() -> codec.read(
                        record(Topics.TRIAGE, EventType.COMPLAINT_CLASSIFIED.wireName(), "e-7", "c-1", "null")))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aRecordWithoutTheEnvelopeOrBodyIsMalformed() {
        ConsumerRecord<String, String> bare = new ConsumerRecord<>(Topics.TRIAGE, 0, 0, "c-1", "{}");
        assertThatThrownBy(() -> codec.read(bare)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.read(
                        record(Topics.TRIAGE, EventType.COMPLAINT_CLASSIFIED.wireName(), "e-8", "c-1", null)))
                .isInstanceOf(MalformedEventException.class);
    }

    private static ConsumerRecord<String, String> record(
            String topic, String type, String id, String key, String body) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0, key, body);
        Map.of(
                        CloudEvents.SPEC_VERSION,
                        "1.0",
                        CloudEvents.ID,
                        id,
                        CloudEvents.TYPE,
                        type,
                        CloudEvents.SUBJECT,
                        key,
                        CloudEvents.TIME,
                        TIME.toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** A sample of a payload record with every field set, built from its components. */
    @SuppressWarnings("unchecked")
    static <T> T sample(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(c -> value(c.getName(), c.getType(), c.getGenericType()))
                .toArray();
        try {
            return type.getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(String name, Class<?> type, Type generic) {
        if (type == String.class) return name + "-sample";
        if (type == Instant.class) return TIME;
        if (type == int.class || type == Integer.class) return 4;
        if (type == long.class || type == Long.class) return 4L;
        if (type == boolean.class || type == Boolean.class) return true;
        // Money: a scale that a lossy (double) round trip would not keep.
        if (type == java.math.BigDecimal.class) return new java.math.BigDecimal("1234.50");
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementClass = (Class<?>) element;
            return List.of(value(name + "0", elementClass, element), value(name + "1", elementClass, element));
        }
        if (type.isRecord()) return sample(type);
        throw new IllegalArgumentException("No sample for " + name + " of " + type);
    }
}

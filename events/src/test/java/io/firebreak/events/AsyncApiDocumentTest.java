package io.firebreak.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/** Keeps asyncapi.yaml and the event types in code in step, in both directions. */
class AsyncApiDocumentTest {

    static Map<String, Object> doc;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            doc = new Yaml().load(in);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsDocumentedOnItsTopicWithItsPayloadFields(EventType type) {
        String messageKey = type.payloadType().getSimpleName();
        Map<String, Object> message = map(map(map(doc, "components"), "messages"), messageKey);
        assertThat(message).as("message %s", messageKey).isNotNull();
        assertThat(message.get("name")).isEqualTo(type.wireName());

        Map<String, Object> channel = channelWithAddress(type.topic());
        assertThat(map(channel, "messages"))
                .as("channel %s lists %s", type.topic(), messageKey)
                .containsKey(messageKey);

        Map<String, Object> schema = map(map(map(doc, "components"), "schemas"), messageKey);
        Set<String> documented = map(schema, "properties").keySet();
        Set<String> inCode = Arrays.stream(type.payloadType().getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        assertThat(documented).as("fields of %s", messageKey).isEqualTo(inCode);
    }

    @Test
    void theDocumentHasNoMessageThatCodeDoesNotKnow() {
        Set<String> inCode =
                Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toSet());
        Set<String> documented = new HashSet<>();
        map(map(doc, "components"), "messages").values().stream()
                .map(AsyncApiDocumentTest::asMap)
                .filter(AsyncApiDocumentTest::isEvent)
                .forEach(m -> documented.add((String) m.get("name")));
        assertThat(documented).isEqualTo(inCode);
    }

    @Test
    void everyEventIsACloudEventKeyedByItsSubjectInJsonOnTheKafkaServer() {
        Map<String, Object> trait = map(map(map(doc, "components"), "messageTraits"), "cloudEvent");
        assertThat(trait.get("contentType")).isEqualTo("application/json");
        assertThat(map(map(map(trait, "bindings"), "kafka"), "key")).containsEntry("type", "string");
        assertThat(map(map(doc, "servers"), "kafka")).containsEntry("protocol", "kafka");
        long events = map(map(doc, "components"), "messages").values().stream()
                .map(AsyncApiDocumentTest::asMap)
                .filter(AsyncApiDocumentTest::isEvent)
                .count();
        assertThat(events).isEqualTo(EventType.values().length);
    }

    @Test
    void everyTopicHasItsDeadLetterChannel() {
        for (String topic : Topics.ALL) {
            Map<String, Object> channel = channelWithAddress(Topics.deadLetter(topic));
            assertThat(map(channel, "messages")).as(topic).containsOnlyKeys("DeadLetter");
        }
        assertThat(map(map(map(map(doc, "components"), "messages"), "DeadLetter"), "headers")
                        .get("properties"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("kafka_dlt-original-topic", "kafka_dlt-exception-message");
    }

    /** A message with the CloudEvents trait: an event of the contract (not a dead letter). */
    private static boolean isEvent(Map<String, Object> message) {
        return String.valueOf(message.get("traits")).contains("#/components/messageTraits/cloudEvent");
    }

    @Test
    void everyTopicAndItsDeadLettersIsAChannel() {
        List<String> addresses = map(doc, "channels").values().stream()
                .map(c -> (String) ((Map<?, ?>) c).get("address"))
                .toList();
        List<String> expected = new java.util.ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(topic -> expected.add(Topics.deadLetter(topic)));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void wireNamesFollowTheNounVerbConvention() {
        for (EventType type : EventType.values()) {
            assertThat(type.wireName()).matches("firebreak\\.[a-z]+\\.[a-z]+");
            assertThat(EventType.fromWireName(type.wireName())).contains(type);
        }
    }

    private static Map<String, Object> channelWithAddress(String address) {
        return map(doc, "channels").values().stream()
                .map(AsyncApiDocumentTest::asMap)
                .filter(c -> address.equals(c.get("address")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel for " + address));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return asMap(parent.get(key));
    }
}

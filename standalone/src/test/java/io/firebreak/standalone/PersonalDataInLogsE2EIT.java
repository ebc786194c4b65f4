package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.api;
import static io.firebreak.standalone.SystemUnderTest.awaitCase;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static io.firebreak.standalone.SystemUnderTest.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.EventType;
import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No personal data in the logs or in a dead letter's headers: a customer's name, phone number and e-mail (canary
 * values no other test uses) go through a complaint's life, a refused submission and two malformed events, and
 * appear in no log line of any part and no header of the dead letters (the dead letter's body is the record
 * itself, kept for replay).
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsE2EIT {

    private static final String NAME = "Zebulon Canarywick";
    private static final String PHONE = "13987654321";
    private static final String EMAIL = "zebulon.canarywick@example.org";
    private static final List<String> CANARIES = List.of(NAME, "Canarywick", PHONE, "8765 4321", EMAIL);

    @Test
    void canaries_appearInNoLogLineAndNoDeadLetterHeader(CapturedOutput output) throws Exception {
        String id = submit(Roles.AGENT, """
                {"channel":"EMAIL","customer":{"name":"%s","phone":"+86 139 8765 4321","email":"%s"},
                 "description":"My washing machine leaks. Call me on %s or write to %s, %s"}""".formatted(NAME, EMAIL, PHONE, EMAIL, NAME));
        awaitCase(id, "ASSIGNED");
        assertThat(api().post(
                                "/api/v1/cases/" + id + "/acknowledge",
                                Roles.AGENT,
                                "{\"message\":\"Dear %s, we will call %s\"}".formatted(NAME, PHONE))
                        .status())
                .isEqualTo(200);
        assertThat(api().post(
                                "/api/v1/complaints/" + id + "/messages",
                                Roles.AGENT,
                                "{\"text\":\"Please write to %s instead\"}".formatted(EMAIL))
                        .status())
                .isBetween(200, 299);
        assertThat(api().post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"FAX","customer":{"name":"%s","phone":"%s","email":"%s"},"description":"x %s"}""".formatted(NAME, PHONE, EMAIL, NAME))
                        .status())
                .isEqualTo(400);

        String notJson = UUID.randomUUID().toString();
        String mistyped = UUID.randomUUID().toString();
        produce(notJson, "Call " + NAME + " on " + PHONE);
        produce(mistyped, """
                {"complaintId":"%s","occurredAt":"%s","customerId":"%s","channel":"%s"}""".formatted(NAME, PHONE, EMAIL, NAME));
        List<ConsumerRecord<String, String>> deadLetters = awaitDeadLetters(List.of(notJson, mistyped));

        for (ConsumerRecord<String, String> deadLetter : deadLetters) {
            for (Header header : deadLetter.headers()) {
                String value = new String(header.value(), StandardCharsets.UTF_8);
                for (String canary : CANARIES) {
                    assertThat(value).as("dead letter header %s", header.key()).doesNotContain(canary);
                }
            }
        }
        for (String canary : CANARIES) {
            assertThat(output.getAll()).as("the logs").doesNotContain(canary);
        }
        // The logs were captured: the dead letters were logged, without the customer's data.
        assertThat(output.getAll()).contains("Dead-lettered").contains(notJson).contains(mistyped);
    }

    private static void produce(String eventId, String value) throws Exception {
        Properties properties = kafka();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTAKE, "canary-" + eventId, value);
            CloudEvents.put(record.headers(), CloudEvents.ID, eventId);
            CloudEvents.put(record.headers(), CloudEvents.TYPE, EventType.COMPLAINT_RECEIVED.wireName());
            CloudEvents.put(record.headers(), CloudEvents.SOURCE, "/tests");
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    /** The dead letters of these events, once each has at least one (every service reading the topic makes one). */
    private static List<ConsumerRecord<String, String>> awaitDeadLetters(List<String> eventIds) {
        Properties properties = kafka();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "canary-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.INTAKE)));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (eventIds.contains(CloudEvents.header(record.headers(), CloudEvents.ID))) found.add(record);
                }
                return eventIds.stream()
                        .allMatch(id -> found.stream()
                                .anyMatch(r -> id.equals(CloudEvents.header(r.headers(), CloudEvents.ID))));
            });
        }
        return found;
    }

    private static Properties kafka() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", system().kafkaBootstrapServers());
        return properties;
    }
}

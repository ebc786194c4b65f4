package io.firebreak.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.gateway.GatewayApplication;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.EmbeddedInfrastructure;
import io.firebreak.platform.test.TestApi;
import io.firebreak.platform.test.TestEvents;
import io.firebreak.platform.test.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A gateway stopped with deliveries pending (its receiver down) loses none: a new gateway on the same database
 * delivers them, in order, once the receiver is back.
 */
class WebhooksRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void deliveriesPendingWhenTheGatewayStoppedAreDeliveredByTheNextOne() {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
        String database = "gateway-restart-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = WebhookReceiver.secret("secret-for-the-restart-test");
        try (WebhookReceiver receiver = WebhookReceiver.start(secret);
                TestEvents events = new TestEvents(infrastructure.kafkaBootstrapServers())) {
            String subscription;
            String complaint = WebhooksIT.complaint();
            List<String> ids = new ArrayList<>();
            try (ConfigurableApplicationContext first = start(infrastructure, database)) {
                TestApi api = new TestApi(port(first));
                TestApi.Response created =
                        api.post("/api/v1/webhooks", Roles.INTEGRATION, """
                        {"url":"%s","eventTypes":["*"],"secret":"%s"}""".formatted(receiver.url(), secret));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                subscription = created.json().path("id").asString();
                receiver.stop();
                ids.add(events.publish(WebhooksIT.received(complaint, WebhooksIT.CLIENT)));
                for (int i = 1; i <= 3; i++) ids.add(events.publish(WebhooksIT.message(complaint, "message " + i)));
                await().atMost(WAIT).until(() -> {
                    JsonNode log = api.get("/api/v1/webhooks/" + subscription + "/deliveries", Roles.INTEGRATION)
                            .json()
                            .path("items");
                    return log.size() == 4 && log.get(3).path("attempts").asInt() >= 1;
                });
                JsonNode log = api.get("/api/v1/webhooks/" + subscription + "/deliveries", Roles.INTEGRATION)
                        .json()
                        .path("items");
                assertThat(log.findValuesAsString("state")).containsOnly("PENDING");
            }
            receiver.restart();
            try (ConfigurableApplicationContext second = start(infrastructure, database)) {
                await().atMost(WAIT).until(() -> receiver.processed().size() >= 4);
                assertThat(receiver.processed()).extracting(h -> h.event("id")).containsExactlyElementsOf(ids);
                assertThat(receiver.duplicates()).isZero();
                TestApi api = new TestApi(port(second));
                await().atMost(WAIT)
                        .until(() -> api
                                .get("/api/v1/webhooks/" + subscription + "/deliveries", Roles.INTEGRATION)
                                .json()
                                .path("items")
                                .findValuesAsString("state")
                                .stream()
                                .allMatch("DELIVERED"::equals));
            }
        }
    }

    static ConfigurableApplicationContext start(
            EmbeddedInfrastructure infrastructure, String database, String... more) {
        Map<String, String> properties = Map.ofEntries(
                Map.entry("spring.config.name", "gateway"),
                Map.entry("server.port", "0"),
                Map.entry("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()),
                Map.entry("firebreak.mongo.uri", infrastructure.mongoUri()),
                Map.entry("firebreak.mongo.database", database),
                Map.entry("firebreak.mongo.write-concern", "acknowledged"),
                Map.entry("firebreak.security.jwt-secret", TestTokens.SECRET),
                Map.entry("firebreak.gateway.webhooks.secret-key", "test-webhook-secret-key-of-32-chars-or-more"),
                Map.entry("firebreak.kafka.retry-backoff", "50ms"),
                Map.entry("firebreak.gateway.webhooks.poll-interval", "50ms"),
                Map.entry("firebreak.gateway.webhooks.connect-timeout", "500ms"),
                Map.entry("firebreak.gateway.webhooks.request-timeout", "700ms"),
                // Short, so that a claim the stopped gateway held is soon free for the next one.
                Map.entry("firebreak.gateway.webhooks.lease", "1s"),
                Map.entry("firebreak.gateway.webhooks.backoff.initial", "50ms"),
                Map.entry("firebreak.gateway.webhooks.backoff.max", "200ms"),
                Map.entry("firebreak.gateway.webhooks.circuit-breaker.open-for", "500ms"),
                Map.entry("firebreak.gateway.webhooks.allow-http", "true"),
                Map.entry("firebreak.gateway.webhooks.allow-private-targets", "true"));
        // As command-line arguments: they take precedence over gateway.yml (its fixed port, for one).
        List<String> args = new ArrayList<>(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList());
        for (String m : more) args.add("--" + m);
        return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}

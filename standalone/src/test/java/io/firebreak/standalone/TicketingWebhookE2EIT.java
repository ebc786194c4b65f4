package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A ticketing system on the whole system through the gateway: it subscribes a real HTTP receiver, hands a ticket
 * in twice (one complaint), and is told by signed webhooks of the complaint's receipt and its assignment, in order.
 */
class TicketingWebhookE2EIT {

    /** A secret in the Standard Webhooks form: {@code whsec_} and the base64 of the 24-byte key. */
    private static final String SECRET = "whsec_"
            + java.util.Base64.getEncoder().encodeToString("ticketing-e2e-key-of-24b".getBytes(StandardCharsets.UTF_8));

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /** One webhook as received: its headers (lower-case names) and body, a structured CloudEvent. */
    record Received(Map<String, String> headers, String body) {
        String event(String attribute) {
            return JSON.readTree(body).path(attribute).asString();
        }
    }

    @Test
    void aTicketingSystemHandsATicketInOnceAndHearsOfItsComplaintBySignedWebhooksInOrder() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(headers, body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            TestApi.Response subscribed = api().post("/api/v1/webhooks", Roles.INTEGRATION, """
                    {"url":"http://127.0.0.1:%d/firebreak","secret":"%s",
                     "eventTypes":["firebreak.complaint.received","firebreak.responsibility.*"]}""".formatted(
                            receiver.getAddress().getPort(), SECRET));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            String ticket = "INC" + System.nanoTime();
            String body = """
                    {"channel":"WEB_FORM","customer":{"email":"ticket.%s@example.com"},
                     "description":"The invoice shows a device we never ordered",
                     "externalRef":{"system":"servicenow","id":"%s"}}""".formatted(ticket, ticket);
            TestApi.Response first = api().post("/api/v1/complaints", Roles.INTEGRATION, body);
            TestApi.Response again = api().post("/api/v1/complaints", Roles.INTEGRATION, body);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            String id = first.json().get("id").asString();
            assertThat(again.json().get("id").asString()).isEqualTo(id);
            assertThat(api().get("/api/v1/complaints?externalSystem=servicenow&externalId=" + ticket, Roles.INTEGRATION)
                            .json()
                            .get("items")
                            .get(0)
                            .get("id")
                            .asString())
                    .isEqualTo(id);

            try {
                await().atMost(SystemUnderTest.STEP)
                        .until(() -> received.stream()
                                        .filter(r -> id.equals(r.event("subject")))
                                        .count()
                                >= 2);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // Where it stopped: how far the complaint went, and what the gateway queued and tried for it.
                String subscription = subscribed.json().get("id").asString();
                System.out.printf(
                        "Webhooks for %s not received; the case file: %s%nthe deliveries: %s%nreceived: %s%n",
                        id,
                        SystemUnderTest.caseFile(id),
                        api().get("/api/v1/webhooks/" + subscription + "/deliveries", Roles.INTEGRATION)
                                .body(),
                        received.size());
                throw e;
            }
            List<Received> mine =
                    received.stream().filter(r -> id.equals(r.event("subject"))).toList();
            assertThat(mine)
                    .extracting(r -> r.event("type"))
                    .containsExactly("firebreak.complaint.received", "firebreak.responsibility.assigned");
            for (Received r : mine) {
                // As a Standard Webhooks library checks it: v1,base64(HMAC-SHA256(key, id.timestamp.body)).
                assertThat(r.headers().get("webhook-signature"))
                        .isEqualTo("v1,"
                                + hmac(r.headers().get("webhook-id") + "."
                                        + r.headers().get("webhook-timestamp") + "." + r.body()));
            }
            assertThat(mine.get(0).body()).contains("\"externalRef\":{\"system\":\"servicenow\",\"id\":\"" + ticket);
        } finally {
            receiver.stop(0);
        }
    }

    private static String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    java.util.Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

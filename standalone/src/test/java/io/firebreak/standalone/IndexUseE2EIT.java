package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.api;
import static io.firebreak.standalone.SystemUnderTest.awaitCase;
import static io.firebreak.standalone.SystemUnderTest.closeHappily;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static io.firebreak.standalone.SystemUnderTest.system;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Flat as data grows: every query the API and the consumers run is served by an index. Complaints go through their
 * lives and every list and lookup of the API is asked with each of its filters; then the store says which queries
 * read a whole collection because no index served them. Only the few named here may, each for its reason (they
 * run once at start, on collections that stay small, or page through a collection on purpose).
 */
class IndexUseE2EIT {

    /** Queries that may read a whole collection, by shape ({@code database.collection [fields]}), and why. */
    private static final Map<String, String> ALLOWED = Map.of(
            "intake.customers [] sorted by [firstSeen, _id]",
            "once at start, on a database from before contacts were kept apart: registers every customer's");

    @Test
    void everyQueryOfTheApiAndTheConsumersIsServedByAnIndex() {
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        String first = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"%s","email":"idx.%s@example.com","name":"Lin"},
                 "description":"The washing machine leaks and flooded the kitchen","orderRef":"ORD-IDX-%s"}""".formatted(phone, phone, phone));
        closeHappily(first);
        String second = submit(Roles.AGENT, """
                {"channel":"EMAIL","customer":{"phone":"%s"},"description":"快递三天没到，客服电话打不通",
                 "orderRef":"ORD-IDX2-%s"}""".formatted(phone, phone));
        awaitCase(second, "ASSIGNED");
        TestApi.Response merged = api().post("/api/v1/complaints", Roles.AGENT, """
                {"channel":"EMAIL","customer":{"phone":"%s"},"description":"还是没到","orderRef":"ORD-IDX2-%s"}""".formatted(phone, phone));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        TestApi.Response ticket = api().post("/api/v1/complaints", Roles.INTEGRATION, """
                {"channel":"WEB_FORM","customer":{"id":"CRM-%s"},"description":"Refund not received",
                 "externalRef":{"system":"desk","id":"T-%s"}}""".formatted(phone, phone));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        String ticketId = ticket.json().get("id").asString();
        assertThat(api().post(
                                "/api/v1/complaints/" + second + "/messages",
                                Roles.AGENT,
                                "{\"text\":\"I am still waiting\"}")
                        .status())
                .isEqualTo(201);
        String customer = api().get("/api/v1/complaints/" + first, Roles.AGENT)
                .json()
                .get("customer")
                .get("id")
                .asString();

        List<String> reads = List.of(
                "/api/v1/complaints/" + first,
                "/api/v1/complaints?limit=5",
                "/api/v1/complaints?status=ASSIGNED",
                "/api/v1/complaints?class=ORDINARY",
                "/api/v1/complaints?department=LOGISTICS",
                "/api/v1/complaints?externalSystem=desk&externalId=T-" + phone,
                "/api/v1/customers/" + customer + "/complaints",
                "/api/v1/customers/" + customer,
                "/api/v1/customers?phone=" + phone,
                "/api/v1/customers?name=Lin",
                "/api/v1/triage/" + first,
                "/api/v1/cases/" + first,
                "/api/v1/cases?limit=5",
                "/api/v1/cases?state=ASSIGNED",
                "/api/v1/cases?department=LOGISTICS",
                "/api/v1/cases?owner=nobody",
                "/api/v1/cases?dueBefore=2099-01-01T00:00:00Z",
                "/api/v1/tasks?owner=nobody",
                "/api/v1/tasks?department=LOGISTICS",
                "/api/v1/root-causes",
                "/api/v1/follow-ups",
                "/api/v1/follow-ups?due=true",
                "/api/v1/prevention-actions",
                "/api/v1/prevention-actions?status=OPEN",
                "/api/v1/reports",
                "/api/v1/reports/complaints",
                "/api/v1/reports/sla",
                "/api/v1/reports/satisfaction",
                "/api/v1/reports/reopen-rate",
                "/api/v1/reports/root-causes",
                "/api/v1/reports/prevention",
                "/api/v1/alerts",
                "/api/v1/alerts?class=MAJOR");
        for (String read : reads) {
            TestApi.Response response = api().get(read, Roles.SUPERVISOR);
            assertThat(response.status()).as(read + ": " + response.body()).isEqualTo(200);
        }
        Map<String, String> paged = Map.of("/api/v1/complaints?limit=1", "next", "/api/v1/cases?limit=1", "next");
        for (Map.Entry<String, String> list : paged.entrySet()) {
            String next = api().get(list.getKey(), Roles.SUPERVISOR)
                    .json()
                    .get(list.getValue())
                    .asString();
            TestApi.Response page = api().get(list.getKey() + "&cursor=" + next, Roles.SUPERVISOR);
            assertThat(page.status())
                    .as(list.getKey() + ", the next page: " + page.body())
                    .isEqualTo(200);
        }
        assertThat(api().get("/api/v1/webhooks", Roles.ADMIN).status()).isEqualTo(200);
        TestApi.Response own = api().get("/api/v1/complaints/" + ticketId, Roles.INTEGRATION);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(api().get("/api/v1/complaints?limit=5", Roles.INTEGRATION).status())
                .isEqualTo(200);

        // A customer's personal data erased: every service finds what it holds of them.
        String erasedPhone = "137" + String.format("%08d", System.nanoTime() % 100_000_000L);
        String toErase = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"%s"},"description":"快递晚了两天"}""".formatted(erasedPhone));
        awaitCase(toErase, "ASSIGNED");
        String erasedCustomer =
                SystemUnderTest.caseFile(toErase).get("customer").get("id").asString();
        TestApi.Response erased =
                api().delete("/api/v1/customers/" + erasedCustomer + "/personal-data", Roles.SUPERVISOR);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        SystemUnderTest.awaitCaseFile(
                toErase, c -> c.get("description").asString().equals("[erased]"));

        Map<String, Long> unserved = new TreeMap<>(system().store().collectionScansByShape());
        unserved.keySet().removeAll(ALLOWED.keySet());
        assertThat(unserved).as("queries no index served (shape = times)").isEmpty();
    }
}

package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.STEP;
import static io.firebreak.standalone.SystemUnderTest.closeHappily;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static io.firebreak.standalone.SystemUnderTest.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.EventType;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator scrapes: every service's {@code /actuator/prometheus} (ADMIN only) shows the domain's metrics as
 * complaints move — received by channel, classified by class, alerts by kind, satisfaction, the outbox's backlog —
 * beside the store's command timings and the consumers' lag.
 */
class OperabilityE2EIT {

    @Test
    void prometheus_showsTheDomainMetricsOfEachServiceToAdminOnly() {
        submit(Roles.AGENT, """
                {"channel":"EMAIL","customer":{"phone":"136%08d"},
                 "description":"There is a strong smell of gas next to the water heater you installed"}""".formatted(System.nanoTime() % 100_000_000L));
        String ordinary = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"135%08d"},
                 "description":"The lid of the kettle I bought does not close properly"}""".formatted(System.nanoTime() % 100_000_000L));
        closeHappily(ordinary);

        await().atMost(STEP).untilAsserted(() -> {
            assertThat(count(scrape("intake"), "firebreak_complaint_received_total", "channel=\"EMAIL\""))
                    .isGreaterThanOrEqualTo(1);
            String triage = scrape("triage");
            assertThat(count(triage, "firebreak_complaint_classified_total", "complaint_class=\"MAJOR\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(count(triage, "firebreak_complaint_classified_total", "complaint_class=\"ORDINARY\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(count(scrape("gateway"), "firebreak_alerts_total", "kind=\"MAJOR\""))
                    .isGreaterThanOrEqualTo(1);
            String feedback = scrape("feedback");
            assertThat(count(feedback, "firebreak_followup_recorded_total", "satisfied=\"true\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(count(feedback, "firebreak_followup_recorded_score_sum", ""))
                    .isGreaterThanOrEqualTo(5);
            assertThat(count(feedback, "firebreak_complaint_closed_total", "outcome="))
                    .isGreaterThanOrEqualTo(1);
        });
        String resolution = scrape("resolution");
        assertThat(resolution)
                .contains("firebreak_outbox_backlog{application=\"resolution\"}")
                .contains("firebreak_outbox_oldest_age_seconds")
                .contains("mongodb_driver_commands_seconds_count")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(count(resolution, "firebreak_case_resolved_total", "")).isGreaterThanOrEqualTo(1);

        for (String role : new String[] {Roles.AGENT, Roles.SUPERVISOR}) {
            assertThat(api("intake").get("/actuator/prometheus", role).status())
                    .as(role)
                    .isEqualTo(403);
        }
    }

    /** A scraper's token (METRICS, as Compose's Prometheus has) reads every part's metrics and nothing else. */
    @Test
    void aScrapersTokenReadsTheMetricsAndNothingElse() {
        for (String service : List.of("intake", "triage", "resolution", "feedback", "gateway")) {
            TestApi.Response metrics = api(service).get("/actuator/prometheus", Roles.METRICS);
            assertThat(metrics.status()).as(service).isEqualTo(200);
            assertThat(metrics.body()).contains("application=\"" + service + "\"");
            assertThat(api(service).get("/actuator/metrics", Roles.METRICS).status())
                    .as(service)
                    .isEqualTo(403);
        }
        assertThat(SystemUnderTest.api()
                        .get("/api/v1/complaints", Roles.METRICS)
                        .status())
                .isEqualTo(403);
        assertThat(SystemUnderTest.api().get("/api/v1/alerts", Roles.METRICS).status())
                .isEqualTo(403);
    }

    /**
     * The Grafana dashboard in {@code deploy/grafana} asks only for metrics the system has: an event type's counter
     * (and its distributions) by the name {@code EventMeters} gives it, or a meter a service shows now. Two meters
     * are made on first use and are named here instead: dead letters and webhook deliveries.
     */
    @Test
    void grafanaDashboard_asksOnlyForMetricsTheSystemHas() throws Exception {
        prometheus_showsTheDomainMetricsOfEachServiceToAdminOnly();
        StringBuilder scraped = new StringBuilder();
        for (String service : new String[] {"intake", "triage", "resolution", "feedback", "gateway"}) {
            scraped.append(scrape(service));
        }
        Set<String> eventMetrics = new HashSet<>();
        for (EventType type : EventType.values()) {
            eventMetrics.add(type.wireName().replace('.', '_') + "_total");
        }
        Set<String> madeOnFirstUse =
                Set.of("firebreak_dead_letters_total", "firebreak_webhook_deliveries_seconds_count");
        String dashboard = Files.readString(repositoryRoot().resolve("deploy/grafana/firebreak.json"));
        Matcher names = Pattern.compile("\\b((?:firebreak|kafka|mongodb|http_server)_[a-z_]+)")
                .matcher(dashboard);
        List<String> unknown = new ArrayList<>();
        int asked = 0;
        while (names.find()) {
            String name = names.group(1);
            asked++;
            boolean known = eventMetrics.contains(name)
                    || eventMetrics.stream().anyMatch(e -> name.startsWith(e.replace("_total", "_")))
                    || madeOnFirstUse.contains(name)
                    || Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]")
                            .matcher(scraped)
                            .find();
            if (!known) unknown.add(name);
        }
        assertThat(asked).isGreaterThan(10);
        assertThat(unknown)
                .as("metrics the dashboard asks for that nothing makes")
                .isEmpty();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("mvnw"))) return dir;
        }
        throw new IllegalStateException("No deploy/ above " + Path.of("").toAbsolutePath());
    }

    private static TestApi api(String service) {
        URI url = service.equals("gateway")
                ? system().gatewayUrl()
                : system().serviceUrls().get(service);
        return new TestApi(url, role -> "Bearer " + system().token(role));
    }

    private static String scrape(String service) {
        TestApi.Response response = api(service).get("/actuator/prometheus", Roles.ADMIN);
        assertThat(response.status()).as(service + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** The sum of a metric's samples whose labels contain {@code labels}. */
    private static double count(String exposition, String metric, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)\\} (\\S+)$")
                .matcher(exposition);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains(labels)) sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }
}

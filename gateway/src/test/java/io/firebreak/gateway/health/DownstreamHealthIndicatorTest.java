package io.firebreak.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.gateway.ServiceStub;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The downstream readiness check against stand-in services. */
class DownstreamHealthIndicatorTest {

    ServiceStub intake;
    ServiceStub triage;
    Map<String, URI> services;

    @BeforeEach
    void start() {
        intake = ServiceStub.start("intake");
        triage = ServiceStub.start("triage");
        services = new LinkedHashMap<>();
        services.put("intake", URI.create(intake.url()));
        services.put("triage", URI.create(triage.url() + "/"));
    }

    @AfterEach
    void stop() {
        intake.close();
        triage.close();
    }

    @Test
    void isUpWhenEveryServiceIsReady() {
        Health health = new DownstreamHealthIndicator(services, Duration.ofSeconds(2), true).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(detail(health, "intake")).containsEntry("status", "UP").containsEntry("httpStatus", 200);
        assertThat(detail(health, "triage")).containsEntry("url", triage.url() + "/actuator/health/readiness");
    }

    @Test
    void isDownWhileAServiceIsNotReady() {
        triage.ready(false);

        Health health = new DownstreamHealthIndicator(services, Duration.ofSeconds(2), true).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(detail(health, "intake")).containsEntry("status", "UP");
        assertThat(detail(health, "triage")).containsEntry("status", "DOWN").containsEntry("httpStatus", 503);
    }

    @Test
    void isDownWhenAServiceCannotBeReached() {
        services.put("resolution", URI.create(ServiceStub.refusingUrl()));

        Health health = new DownstreamHealthIndicator(services, Duration.ofSeconds(2), true).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(detail(health, "resolution")).containsEntry("status", "DOWN").containsKey("error");
    }

    @Test
    void staysUpAndReportsWhenReadinessOfServicesIsNotRequired() {
        triage.ready(false);

        Health health = new DownstreamHealthIndicator(services, Duration.ofSeconds(2), false).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(detail(health, "triage")).containsEntry("status", "DOWN");
        assertThat(health.getDetails()).containsEntry("required", false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health health, String service) {
        return (Map<String, Object>) health.getDetails().get(service);
    }
}

package io.firebreak.gateway.alerts;

import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.EventSubscription;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway reads every service's topic for the events that alert supervisors. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    EventSubscription alertEvents(AlertService alerts) {
        return EventSubscription.to(
                        List.of(Topics.INTAKE, Topics.TRIAGE, Topics.RESOLUTION, Topics.FEEDBACK), alerts::on)
                .inBatches(alerts::onAll);
    }
}

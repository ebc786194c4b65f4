package io.firebreak.gateway.webhooks;

import io.firebreak.events.Topics;
import io.firebreak.gateway.GatewayProperties;
import io.firebreak.platform.kafka.EventSubscription;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway reads every service's topic for the events ticketing systems subscribed to, in its own consumer group
 * ({@code gateway.webhooks}) beside the alerts' one, so that each sees every event and keeps its own place.
 */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    /** Where webhooks may go: checked when subscribing and before every delivery. */
    @Bean
    WebhookTargets webhookTargets(GatewayProperties properties) {
        return new WebhookTargets(
                properties.webhooks().allowHttp(), properties.webhooks().allowPrivateTargets());
    }

    @Bean
    EventSubscription webhookEvents(WebhookIntake intake) {
        return EventSubscription.inGroup(
                        "webhooks",
                        List.of(Topics.INTAKE, Topics.TRIAGE, Topics.RESOLUTION, Topics.FEEDBACK, Topics.CUSTOMER),
                        intake::on)
                .inBatches(intake::onAll);
    }
}

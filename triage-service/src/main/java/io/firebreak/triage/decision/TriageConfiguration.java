package io.firebreak.triage.decision;

import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.EventSubscription;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Triage's store, its SLA policy, and what it consumes: complaints, messages and emotion (intake), reopenings and
 * closings (feedback), breaches and resolutions (resolution).
 */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    @Bean
    AggregateStore<ComplaintTriage> triageStore(AggregateStores stores) {
        return stores.create("triage", ComplaintTriage.class);
    }

    @Bean
    EventSubscription triageSubscription(TriageEventHandler handler) {
        return EventSubscription.to(List.of(Topics.INTAKE, Topics.FEEDBACK, Topics.RESOLUTION), handler)
                .inBatches(handler::handleAll);
    }
}

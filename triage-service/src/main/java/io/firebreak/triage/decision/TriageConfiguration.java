package io.firebreak.triage.decision;

import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.EventSubscription;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Triage's store and what it consumes: new complaints (intake), reopenings (feedback), breaches (resolution). */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    @Bean
    AggregateStore<ComplaintTriage> triageStore(AggregateStores stores) {
        return stores.create("triage", ComplaintTriage.class);
    }

    @Bean
    EventSubscription triageSubscription(TriageEventHandler handler) {
        return EventSubscription.to(List.of(Topics.INTAKE, Topics.FEEDBACK, Topics.RESOLUTION), handler);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package io.firebreak.feedback.followup;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.EventSubscription;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The follow-up store (indexed for the pending list) and what feedback consumes: resolution's topic. */
@Configuration(proxyBeanMethods = false)
class FollowUpConfiguration {

    @Bean
    AggregateStore<ComplaintFollowUps> followUpStore(AggregateStores stores) {
        AggregateStore<ComplaintFollowUps> store = stores.create("follow_ups", ComplaintFollowUps.class);
        store.collection().createIndex(Indexes.ascending("pending.resolvedAt"), new IndexOptions().sparse(true));
        store.collection().createIndex(Indexes.ascending("nextAt"), new IndexOptions().sparse(true));
        return store;
    }

    @Bean
    EventSubscription followUpSubscription(FollowUpEventHandler handler) {
        return EventSubscription.to(List.of(Topics.RESOLUTION), handler);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

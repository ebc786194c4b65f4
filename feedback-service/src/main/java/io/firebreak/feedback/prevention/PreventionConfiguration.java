package io.firebreak.feedback.prevention;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prevention actions (an aggregate store: each raise and its event one write) and the cause counts. */
@Configuration(proxyBeanMethods = false)
class PreventionConfiguration {

    @Bean
    AggregateStore<PreventionAction> preventionStore(AggregateStores stores) {
        AggregateStore<PreventionAction> store = stores.create("prevention_actions", PreventionAction.class);
        store.collection().createIndex(Indexes.ascending("rootCause", "department", "status"));
        store.collection().createIndex(Indexes.descending("raisedAt"));
        return store;
    }

    @Bean
    CauseCounts causeCounts(MongoDatabase database) {
        return new CauseCounts(database);
    }
}

package io.firebreak.resolution.cases;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.EventSubscription;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case store (indexed on the next SLA deadline, on the queue order and on the tasks' departments) and what resolution consumes: triage
 * and feedback.
 */
@Configuration(proxyBeanMethods = false)
class CaseConfiguration {

    @Bean
    AggregateStore<ComplaintCase> caseStore(AggregateStores stores) {
        AggregateStore<ComplaintCase> store = stores.create("cases", ComplaintCase.class);
        store.collection().createIndex(Indexes.ascending("nextDeadline"), new IndexOptions().sparse(true));
        // The queue in its order, and an owner's, a department's and a state's queue (each in the same order).
        store.collection().createIndex(Indexes.ascending("queueOrder", "_id"));
        store.collection().createIndex(Indexes.ascending("owner", "queueOrder", "_id"));
        store.collection().createIndex(Indexes.ascending("department", "queueOrder", "_id"));
        store.collection().createIndex(Indexes.ascending("state", "queueOrder", "_id"));
        // A department's task list looks for cases with an open task of theirs (multikey on the tasks).
        store.collection().createIndex(Indexes.ascending("tasks.department", "tasks.status"));
        return store;
    }

    @Bean
    EventSubscription caseSubscription(CaseEventHandler handler, GroupResolutions groupResolutions) {
        return EventSubscription.to(List.of(Topics.TRIAGE, Topics.FEEDBACK), event -> {
                    handler.handle(event);
                    groupResolutions.handle(event);
                })
                .inBatches(events -> handler.handleAll(events, groupResolutions::handle));
    }
}

package io.firebreak.feedback.followup;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.firebreak.events.EventType;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.Topics;
import io.firebreak.feedback.prevention.RootCauseWatch;
import io.firebreak.feedback.reports.ReportModel;
import io.firebreak.platform.kafka.EventDispatcher;
import io.firebreak.platform.kafka.EventSubscription;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The follow-up store (indexed for the pending list and the clock) and what feedback consumes. */
@Configuration(proxyBeanMethods = false)
class FollowUpConfiguration {

    @Bean
    AggregateStore<ComplaintFollowUps> followUpStore(AggregateStores stores) {
        AggregateStore<ComplaintFollowUps> store = stores.create("follow_ups", ComplaintFollowUps.class);
        store.collection().createIndex(Indexes.ascending("pending.resolvedAt"), new IndexOptions().sparse(true));
        store.collection().createIndex(Indexes.ascending("nextAt"), new IndexOptions().sparse(true));
        // The satisfaction report: the follow-ups answered in a period.
        store.collection().createIndex(Indexes.ascending("done.result.at"), new IndexOptions().sparse(true));
        return store;
    }

    /**
     * One subscription for all feedback consumes (one listener per topic in the group): resolution's topic for the
     * follow-ups and root causes, and every topic for the reports' read model.
     */
    @Bean
    EventSubscription feedbackSubscription(
            FollowUpEventHandler followUps, RootCauseWatch rootCauses, ReportModel reports) {
        return EventSubscription.to(
                        List.of(Topics.INTAKE, Topics.TRIAGE, Topics.RESOLUTION, Topics.FEEDBACK), event -> {
                            followUps(followUps, rootCauses, event);
                            reports.apply(event);
                        })
                .inBatches(events -> {
                    // The cases opened make their complaints known with one write; follow-ups and root causes
                    // otherwise one event at a time (they publish events), after what came before them; the reports
                    // at once.
                    List<ReceivedEvent> opened = new ArrayList<>();
                    for (ReceivedEvent event : events) {
                        if (event.type() == EventType.CASE_OPENED) {
                            opened.add(event);
                        } else if (FollowUpEventHandler.actsAlone(event.type())) {
                            followUps.opened(opened);
                            opened.clear();
                            EventDispatcher.within(event, () -> followUps(followUps, rootCauses, event));
                        }
                    }
                    followUps.opened(opened);
                    reports.applyAll(events);
                });
    }

    private static void followUps(FollowUpEventHandler followUps, RootCauseWatch rootCauses, ReceivedEvent event) {
        followUps.handle(event);
        if (event.type() == EventType.CASE_RESOLVED) {
            rootCauses.resolved(event.id(), event.payloadAs(CaseResolved.class));
        }
    }
}

package io.firebreak.platform.ledger;

import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.Topics;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.platform.kafka.EventSubscription;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.security.AuthorizationRules;
import io.firebreak.platform.security.Roles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A small service on the platform, for the platform's own integration tests. It writes {@link Ledger}s over
 * HTTP (publishing on the intake topic) and consumes the triage topic: each classification adds an entry to the
 * ledger it names and publishes a case-opened event of its own. Its configuration is {@code ledger.yml}.
 */
@SpringBootApplication
public class LedgerApplication {

    static final String COLLECTION = "ledgers";

    @Bean
    AggregateStore<Ledger> ledgers(AggregateStores stores) {
        return stores.create(COLLECTION, Ledger.class);
    }

    @Bean
    AuthorizationRules reportRules() {
        return requests -> requests.requestMatchers("/reports/**").hasRole(Roles.AGENT);
    }

    @Bean
    LedgerFaults ledgerFaults() {
        return new LedgerFaults();
    }

    @Bean
    EventSubscription classifications(AggregateStore<Ledger> ledgers, LedgerFaults faults) {
        // What each poll brings is applied at once (one read, one write); alone after a failure or on a replay.
        return EventSubscription.to(
                        List.of(Topics.TRIAGE),
                        event -> ledgers.update(event.subject(), event.id(), entry(event, faults)))
                .inBatches(events -> {
                    List<AggregateStore.Update<Ledger>> updates = new ArrayList<>();
                    for (ReceivedEvent event : events) {
                        updates.add(AggregateStore.Update.of(event.subject(), event, entry(event, faults)));
                    }
                    ledgers.updateAll(updates);
                });
    }

    /** A classification's entry in its ledger, and a case-opened event; nothing for other events. */
    private static Function<Versioned<Ledger>, Change<Ledger>> entry(ReceivedEvent event, LedgerFaults faults) {
        return current -> {
            if (!(event.payload() instanceof ComplaintClassified classified)) return null;
            faults.attempt(classified.trigger());
            return Change.of(
                    current.value()
                            .with(new Ledger.Entry(
                                    classified.trigger(),
                                    classified.reasons().size(),
                                    classified.occurredAt(),
                                    List.of(classified.complaintClass().name()),
                                    null)),
                    new CaseOpened(current.id(), Instant.now(), "ledger"));
        };
    }
}

package io.firebreak.resolution.cases;

import io.firebreak.events.EventType;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.IntakeEvents.ProposalAnswered;
import io.firebreak.events.Topics;
import io.firebreak.platform.kafka.EventSubscription;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customer's answer to a proposal as a ticketing system reported it through intake (which checked the system
 * may act on the complaint): recorded on the case like an agent's, once per event. An answer that comes when the
 * case no longer awaits one (answered already, or moved on) changes nothing. Also from intake: the erasure of the
 * customer's personal data, after which the case keeps no free text.
 */
@Configuration(proxyBeanMethods = false)
class ProposalAnswers {

    private static final Logger log = LoggerFactory.getLogger(ProposalAnswers.class);

    private final AggregateStore<ComplaintCase> store;
    private final java.time.Clock clock;

    ProposalAnswers(AggregateStore<ComplaintCase> store, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Bean
    EventSubscription proposalAnswerSubscription() {
        return EventSubscription.inGroup("answers", List.of(Topics.INTAKE), this::on);
    }

    void on(ReceivedEvent event) {
        if (event.type() == EventType.PERSONAL_DATA_ERASED) {
            // The customer's personal data erased: the case keeps no free text that may name or quote them.
            PersonalDataErased erased = event.payloadAs(PersonalDataErased.class);
            store.update(
                    erased.complaintId(),
                    event.id(),
                    stored -> Change.of(stored.value().erasing()));
            return;
        }
        if (event.type() != EventType.PROPOSAL_ANSWERED) return;
        ProposalAnswered answer = event.payloadAs(ProposalAnswered.class);
        boolean known = store.update(answer.complaintId(), event.id(), stored -> {
                    try {
                        return CaseDecisions.answer(
                                stored.value(),
                                answer.answeredBy(),
                                answer.accepted(),
                                answer.comment(),
                                clock.instant());
                    } catch (IllegalTransitionException stale) {
                        log.info(
                                "Answer to the proposal of case {} ignored: {}",
                                answer.complaintId(),
                                stale.getMessage());
                        return null;
                    }
                })
                .isPresent();
        if (!known) log.info("Answer to the proposal of complaint {} ignored: no case", answer.complaintId());
    }
}

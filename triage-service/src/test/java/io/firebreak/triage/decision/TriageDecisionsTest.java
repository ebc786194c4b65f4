package io.firebreak.triage.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.test.ShippedProperties;
import io.firebreak.triage.TriageProperties;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.decision.ComplaintTriage.Retriage;
import io.firebreak.triage.routing.DepartmentRouter;
import io.firebreak.triage.routing.SlaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageDecisionsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:05Z");

    private final TriageProperties properties =
            ShippedProperties.bind("triage.yml", "firebreak.triage", TriageProperties.class);
    private final TriageDecisions decisions = new TriageDecisions(new Classifier(properties),
            new DepartmentRouter(properties), new SlaPolicy(properties), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void receivedComplaintIsClassifiedThenAssignedWithDueTimesFromWhenItWasReceived() {
        Change<ComplaintTriage> change = decisions.triage(received("充电器质量太差，我要找律师", EmotionLevel.UPSET), List.of());

        ComplaintTriage triage = change.value();
        assertThat(triage.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(triage.reasons()).containsExactly(new Reason("legal-action", "律师"));
        assertThat(triage.primaryDepartment()).isEqualTo("PRODUCT_QUALITY");
        assertThat(triage.firstResponseDue()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(30)));
        assertThat(triage.resolutionDue()).isEqualTo(RECEIVED.plus(Duration.ofHours(24)));
        assertThat(triage.ruleSetVersion()).isEqualTo(properties.classification().version());
        assertThat(triage.history()).singleElement().satisfies(step -> {
            assertThat(step.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
            assertThat(step.previousClass()).isNull();
            assertThat(step.trigger()).isEqualTo("firebreak.complaint.received");
        });
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0)).isEqualTo(new ComplaintClassified("c-1", NOW, ComplaintClass.MAJOR, null,
                triage.reasons(), triage.ruleSetVersion(), "firebreak.complaint.received"));
        assertThat(change.events().get(1)).isEqualTo(new ResponsibilityAssigned("c-1", NOW, "PRODUCT_QUALITY",
                List.of(), ComplaintClass.MAJOR, triage.firstResponseDue(), triage.resolutionDue()));
    }

    @Test
    void remedySoughtIsReadToo() {
        ComplaintReceived received = new ComplaintReceived("c-1", RECEIVED, Channel.PHONE, "cust-1", "138****0000",
                "The order was late", null, null, "I will take you to court", EmotionLevel.UPSET, List.of(), null, null, List.of());

        assertThat(decisions.triage(received, List.of()).value().complaintClass()).isEqualTo(ComplaintClass.MAJOR);
    }

    @Test
    void angryCustomerGetsTheFirstResponseSooner() {
        ComplaintTriage triage = decisions.triage(received("快递还没到", EmotionLevel.ANGRY), List.of()).value();

        assertThat(triage.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(triage.firstResponseDue()).isEqualTo(RECEIVED.plus(Duration.ofHours(2)));
        assertThat(triage.resolutionDue()).isEqualTo(RECEIVED.plus(Duration.ofHours(72)));
    }

    @Test
    void reopenRaisesOrdinaryToEscalatedWithFreshDueTimesAndPreviousClass() {
        ComplaintTriage ordinary = decisions.triage(received("快递还没到", EmotionLevel.CALM), List.of()).value();
        Instant reopenedAt = RECEIVED.plus(Duration.ofDays(2));

        Change<ComplaintTriage> change = decisions.retriage(ordinary,
                TriageDecisions.reopened(new ComplaintReopened("c-1", reopenedAt, "not satisfied, score 1/5")));

        ComplaintTriage escalated = change.value();
        assertThat(escalated.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(escalated.reasons())
                .containsExactly(new Reason("reopened-after-follow-up", "not satisfied, score 1/5"));
        assertThat(escalated.firstResponseDue()).isEqualTo(reopenedAt.plus(Duration.ofHours(1)));
        assertThat(escalated.resolutionDue()).isEqualTo(reopenedAt.plus(Duration.ofHours(24)));
        assertThat(escalated.primaryDepartment()).isEqualTo("LOGISTICS");
        assertThat(escalated.history()).hasSize(2);
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0)).isInstanceOfSatisfying(ComplaintClassified.class, c -> {
            assertThat(c.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
            assertThat(c.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
            assertThat(c.trigger()).isEqualTo("firebreak.complaint.reopened");
        });
        assertThat(change.events().get(1)).isInstanceOfSatisfying(ResponsibilityAssigned.class, a -> {
            assertThat(a.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
            assertThat(a.firstResponseDue()).isEqualTo(escalated.firstResponseDue());
        });
    }

    @Test
    void majorComplaintStaysMajorOnSlaBreachButTheReasonIsRecorded() {
        ComplaintTriage major = decisions.triage(received("我要去12315投诉", EmotionLevel.CALM), List.of()).value();
        Instant due = RECEIVED.plus(Duration.ofMinutes(30));
        Instant breachedAt = due.plusSeconds(1);

        Change<ComplaintTriage> change = decisions.retriage(major,
                TriageDecisions.breached(new SlaBreached("c-1", breachedAt, SlaClock.FIRST_RESPONSE, due)));

        assertThat(change.value().complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(change.value().reasons()).containsExactly(new Reason("regulator-or-consumer-body", "12315"),
                new Reason("sla-breached", "FIRST_RESPONSE was due " + due));
        assertThat(change.value().history().get(1).previousClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(change.value().firstResponseDue()).isEqualTo(breachedAt.plus(Duration.ofMinutes(30)));
        assertThat(((ComplaintClassified) change.events().get(0)).trigger()).isEqualTo("firebreak.sla.breached");
    }

    @Test
    void classNeverFallsAndReasonsAccumulateOverSeveralRetriages() {
        ComplaintTriage triage = decisions.triage(received("叫你们经理来", EmotionLevel.CALM), List.of()).value();
        for (int i = 1; i <= 3; i++) {
            triage = decisions.retriage(triage, TriageDecisions.reopened(
                    new ComplaintReopened("c-1", RECEIVED.plus(Duration.ofDays(i)), "reopen " + i))).value();
            assertThat(triage.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        }

        assertThat(triage.reasons()).extracting(Reason::rule).containsExactly("asks-for-superior",
                "reopened-after-follow-up", "reopened-after-follow-up", "reopened-after-follow-up");
        assertThat(triage.history()).extracting(ComplaintTriage.ClassificationStep::complaintClass)
                .containsExactly(ComplaintClass.ESCALATED, ComplaintClass.ESCALATED, ComplaintClass.ESCALATED,
                        ComplaintClass.ESCALATED);
    }

    @Test
    void retriagesThatArrivedEarlyAreAppliedAfterTheFirstClassificationInTheOrderTheyHappened() {
        Instant first = RECEIVED.plus(Duration.ofHours(5));
        Retriage breach = TriageDecisions.breached(new SlaBreached("c-1", first, SlaClock.FIRST_RESPONSE, first));
        Retriage reopen = TriageDecisions.reopened(new ComplaintReopened("c-1", first.plusSeconds(60), "again"));

        Change<ComplaintTriage> change =
                decisions.triage(received("快递还没到", EmotionLevel.CALM), List.of(reopen, breach));

        assertThat(change.value().complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(change.value().waiting()).isEmpty();
        assertThat(change.value().history()).extracting(ComplaintTriage.ClassificationStep::trigger).containsExactly(
                "firebreak.complaint.received", "firebreak.sla.breached", "firebreak.complaint.reopened");
        assertThat(change.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "ComplaintClassified", "ResponsibilityAssigned", "ComplaintClassified", "ResponsibilityAssigned",
                "ComplaintClassified", "ResponsibilityAssigned");
        assertThat(change.value().resolutionDue()).isEqualTo(first.plusSeconds(60).plus(Duration.ofHours(24)));
    }

    private static ComplaintReceived received(String description, EmotionLevel emotion) {
        return new ComplaintReceived("c-1", RECEIVED, Channel.WEB_FORM, "cust-1", "138****0000", description,
                "SKU-1", "ORD-1", null, emotion, List.of(), null, null, List.of());
    }
}

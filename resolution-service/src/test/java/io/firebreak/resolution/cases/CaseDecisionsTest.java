package io.firebreak.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.outbox.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseDecisionsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant FIRST_DUE = T0.plus(Duration.ofHours(4));
    private static final Instant RESOLUTION_DUE = T0.plus(Duration.ofHours(72));

    @Test
    void assignmentOpensTheCaseInTheOwnersHands() {
        Change<ComplaintCase> change = CaseDecisions.open(assigned("BILLING", FIRST_DUE, RESOLUTION_DUE), T0);

        assertThat(change.value().state()).isEqualTo(CaseState.ASSIGNED);
        assertThat(change.value().department()).isEqualTo("BILLING");
        assertThat(change.value().nextDeadline()).isEqualTo(FIRST_DUE);
        assertThat(change.events()).containsExactly(new CaseOpened("c-1", T0, "BILLING"));
    }

    @Test
    void laterAssignmentOnlyUpdatesOwnerAndDueTimes() {
        ComplaintCase opened = open();
        Instant newFirst = T0.plus(Duration.ofHours(1));

        Change<ComplaintCase> change = CaseDecisions.reassign(opened, assigned("LOGISTICS", newFirst, RESOLUTION_DUE));

        assertThat(change.value().state()).isEqualTo(CaseState.ASSIGNED);
        assertThat(change.value().department()).isEqualTo("LOGISTICS");
        assertThat(change.value().firstResponseDue()).isEqualTo(newFirst);
        assertThat(change.value().nextDeadline()).isEqualTo(newFirst);
        assertThat(change.events()).isEmpty();
        assertThat(CaseDecisions.reassign(change.value(), assigned("LOGISTICS", newFirst, RESOLUTION_DUE))).isNull();
    }

    @Test
    void acknowledgeThenResolvePublishesBothWithTheCaseDepartment() {
        Instant ackAt = T0.plusSeconds(60);
        Change<ComplaintCase> acknowledged = CaseDecisions.acknowledge(open(), "agent-1", "我们正在处理", ackAt);
        assertThat(acknowledged.value().state()).isEqualTo(CaseState.ACKNOWLEDGED);
        assertThat(acknowledged.value().nextDeadline()).isEqualTo(RESOLUTION_DUE);
        assertThat(acknowledged.events()).containsExactly(new CaseAcknowledged("c-1", ackAt, "agent-1", "我们正在处理"));

        Instant resolvedAt = T0.plusSeconds(120);
        Change<ComplaintCase> resolved =
                CaseDecisions.resolve(acknowledged.value(), "agent-2", "Refunded", "BILLING", resolvedAt);

        assertThat(resolved.value().state()).isEqualTo(CaseState.RESOLVED);
        assertThat(resolved.value().nextDeadline()).isNull();
        assertThat(resolved.events()).containsExactly(
                new CaseResolved("c-1", resolvedAt, "agent-2", "Refunded", "BILLING", "BILLING", null));
        assertThat(resolved.value().history()).extracting(ComplaintCase.Transition::to)
                .containsExactly(CaseState.ASSIGNED, CaseState.ACKNOWLEDGED, CaseState.RESOLVED);
    }

    @Test
    void resolvingAnUnacknowledgedCaseIsIllegalAndNamesTheState() {
        assertThatThrownBy(() -> CaseDecisions.resolve(open(), "agent-1", "done", "OTHER", T0))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.ASSIGNED))
                .hasMessageContaining("is ASSIGNED");
    }

    @Test
    void acknowledgingTwiceIsIllegal() {
        ComplaintCase acknowledged = CaseDecisions.acknowledge(open(), "agent-1", null, T0).value();

        assertThatThrownBy(() -> CaseDecisions.acknowledge(acknowledged, "agent-1", null, T0))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.ACKNOWLEDGED));
    }

    @Test
    void reopenedCaseMustBeAcknowledgedAgainBeforeItIsResolvedAgain() {
        ComplaintCase resolved = resolved();

        ComplaintCase reopened = CaseDecisions.reopen(resolved, reopenedAt(T0.plus(Duration.ofHours(2))), T0)
                .value();
        assertThat(reopened.state()).isEqualTo(CaseState.REOPENED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThatThrownBy(() -> CaseDecisions.resolve(reopened, "agent-1", "again", "OTHER", T0))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.REOPENED));

        ComplaintCase again = CaseDecisions.acknowledge(reopened, "agent-1", "sorry", T0).value();
        Change<ComplaintCase> resolvedAgain = CaseDecisions.resolve(again, "agent-1", "replaced", "PRODUCT_DEFECT", T0);
        assertThat(resolvedAgain.value().state()).isEqualTo(CaseState.RESOLVED);
        assertThat(resolvedAgain.value().resolution().rootCause()).isEqualTo("PRODUCT_DEFECT");
    }

    @Test
    void onlyAResolvedCaseIsReopened() {
        assertThat(CaseDecisions.reopen(open(), reopenedAt(T0), T0)).isNull();
    }

    @Test
    void reopeningDropsDueTimesThatPassedInTheRoundThatEnded() {
        ComplaintCase reopened =
                CaseDecisions.reopen(resolved(), reopenedAt(T0.plus(Duration.ofHours(5))), T0).value();

        assertThat(reopened.firstResponseDue()).isNull();
        assertThat(reopened.resolutionDue()).isEqualTo(RESOLUTION_DUE);
        assertThat(reopened.nextDeadline()).isEqualTo(RESOLUTION_DUE);
    }

    @Test
    void passedDeadlineOfARunningClockIsBreachedOnce() {
        ComplaintCase opened = open();
        Instant late = FIRST_DUE.plusSeconds(1);

        Change<ComplaintCase> breach = CaseDecisions.breach(opened, late);

        assertThat(breach.events()).containsExactly(new SlaBreached("c-1", late, SlaClock.FIRST_RESPONSE, FIRST_DUE));
        assertThat(breach.value().breached()).containsExactly(SlaClock.FIRST_RESPONSE);
        assertThat(breach.value().nextDeadline()).isEqualTo(RESOLUTION_DUE);
        assertThat(CaseDecisions.breach(breach.value(), late.plusSeconds(60))).isNull();
    }

    @Test
    void nothingIsBreachedBeforeItsDueTime() {
        assertThat(CaseDecisions.breach(open(), FIRST_DUE.minusMillis(1))).isNull();
    }

    @Test
    void acknowledgingStopsTheFirstResponseClock() {
        ComplaintCase acknowledged = CaseDecisions.acknowledge(open(), "agent-1", null, T0).value();

        assertThat(CaseDecisions.breach(acknowledged, FIRST_DUE.plusSeconds(1))).isNull();
    }

    @Test
    void freshDueTimeAfterABreachCanBeBreachedAgain() {
        ComplaintCase breached = CaseDecisions.breach(open(), FIRST_DUE.plusSeconds(1)).value();
        Instant freshDue = FIRST_DUE.plus(Duration.ofHours(1));

        ComplaintCase reassigned =
                CaseDecisions.reassign(breached, assigned("BILLING", freshDue, RESOLUTION_DUE)).value();

        assertThat(reassigned.breached()).isEmpty();
        assertThat(CaseDecisions.breach(reassigned, freshDue).events())
                .containsExactly(new SlaBreached("c-1", freshDue, SlaClock.FIRST_RESPONSE, freshDue));
    }

    private static ComplaintCase open() {
        return CaseDecisions.open(assigned("BILLING", FIRST_DUE, RESOLUTION_DUE), T0).value();
    }

    private static ComplaintCase resolved() {
        ComplaintCase acknowledged = CaseDecisions.acknowledge(open(), "agent-1", null, T0).value();
        return CaseDecisions.resolve(acknowledged, "agent-1", "Refunded", "BILLING", T0.plusSeconds(60)).value();
    }

    private static ComplaintReopened reopenedAt(Instant at) {
        return new ComplaintReopened("c-1", at, "not satisfied");
    }

    private static ResponsibilityAssigned assigned(String department, Instant firstDue, Instant resolutionDue) {
        return new ResponsibilityAssigned("c-1", T0, department, List.of(), ComplaintClass.ORDINARY, firstDue,
                resolutionDue);
    }
}

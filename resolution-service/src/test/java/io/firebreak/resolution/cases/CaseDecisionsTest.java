package io.firebreak.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.firebreak.events.CaseChange;
import io.firebreak.events.CaseState;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.RemedyType;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.PromiseKept;
import io.firebreak.events.ResolutionEvents.PromiseMade;
import io.firebreak.events.ResolutionEvents.PromiseWarned;
import io.firebreak.events.ResolutionEvents.ProposalMade;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.ProposalStep;
import io.firebreak.events.ResolutionEvents.Remedy;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.ResolutionEvents.SlaWarned;
import io.firebreak.events.ResolutionEvents.TaskAssigned;
import io.firebreak.events.ResolutionEvents.TaskCompleted;
import io.firebreak.events.ResolutionEvents.TaskDeclined;
import io.firebreak.events.ResolutionEvents.TaskOverdue;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.outbox.Change;
import io.firebreak.resolution.cases.ComplaintCase.ProposalStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseDecisionsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant FIRST_DUE = T0.plus(Duration.ofHours(4));
    private static final Instant RESOLUTION_DUE = T0.plus(Duration.ofHours(72));
    /** 75% of each clock's time from the assignment. */
    private static final Instant FIRST_WARN = T0.plus(Duration.ofHours(3));

    private static final Instant RESOLUTION_WARN = T0.plus(Duration.ofHours(54));

    @Test
    void assignmentOpensTheCaseInTheOwnersHands() {
        Change<ComplaintCase> change = CaseDecisions.open(assigned("BILLING", FIRST_DUE, RESOLUTION_DUE), T0);

        assertThat(change.value().state()).isEqualTo(CaseState.ASSIGNED);
        assertThat(change.value().department()).isEqualTo("BILLING");
        assertThat(change.value().nextDeadline()).isEqualTo(FIRST_WARN);
        assertThat(change.events())
                .as("the case as opened: department, owner and due times as planned")
                .containsExactly(new CaseOpened("c-1", T0, "BILLING", null, FIRST_DUE, RESOLUTION_DUE));
    }

    @Test
    void laterAssignmentOnlyUpdatesOwnerAndDueTimes() {
        ComplaintCase opened = open();
        Instant newFirst = T0.plus(Duration.ofHours(1));

        Change<ComplaintCase> change = CaseDecisions.reassign(opened, assigned("LOGISTICS", newFirst, RESOLUTION_DUE));

        assertThat(change.value().state()).isEqualTo(CaseState.ASSIGNED);
        assertThat(change.value().department()).isEqualTo("LOGISTICS");
        assertThat(change.value().firstResponseDue()).isEqualTo(newFirst);
        assertThat(change.value().nextDeadline()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
        assertThat(change.events())
                .as("the case as it now stands, for every reader")
                .containsExactly(new CaseUpdated(
                        "c-1",
                        T0,
                        CaseChange.REASSIGNED,
                        null,
                        null,
                        CaseState.ASSIGNED,
                        null,
                        "LOGISTICS",
                        newFirst,
                        RESOLUTION_DUE));
        assertThat(CaseDecisions.reassign(change.value(), assigned("LOGISTICS", newFirst, RESOLUTION_DUE)))
                .isNull();
    }

    @Test
    void acknowledgeThenResolvePublishesBothWithTheCaseDepartment() {
        Instant ackAt = T0.plusSeconds(60);
        Change<ComplaintCase> acknowledged = CaseDecisions.acknowledge(open(), "agent-1", "我们正在处理", ackAt);
        assertThat(acknowledged.value().state()).isEqualTo(CaseState.ACKNOWLEDGED);
        assertThat(acknowledged.value().nextDeadline()).isEqualTo(RESOLUTION_WARN);
        assertThat(acknowledged.events()).containsExactly(new CaseAcknowledged("c-1", ackAt, "agent-1", "我们正在处理"));

        Instant resolvedAt = T0.plusSeconds(120);
        Change<ComplaintCase> resolved =
                CaseDecisions.resolve(acknowledged.value(), "agent-2", "Refunded", "BILLING", resolvedAt);

        assertThat(resolved.value().state()).isEqualTo(CaseState.RESOLVED);
        assertThat(resolved.value().nextDeadline()).isNull();
        assertThat(resolved.events())
                .containsExactly(
                        new CaseResolved("c-1", resolvedAt, "agent-2", "Refunded", "BILLING", "BILLING", null));
        assertThat(resolved.value().history())
                .extracting(ComplaintCase.Transition::to)
                .containsExactly(CaseState.ASSIGNED, CaseState.ACKNOWLEDGED, CaseState.RESOLVED);
    }

    @Test
    void resolvingAnUnacknowledgedCaseIsIllegalAndNamesTheState() {
        assertThatThrownBy(() -> CaseDecisions.resolve(open(), "agent-1", "done", "OTHER", T0))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.ASSIGNED))
                .hasMessageContaining("is ASSIGNED");
    }

    @Test
    void acknowledgingTwiceIsIllegal() {
        ComplaintCase acknowledged =
                CaseDecisions.acknowledge(open(), "agent-1", null, T0).value();

        assertThatThrownBy(() -> CaseDecisions.acknowledge(acknowledged, "agent-1", null, T0))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
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
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.REOPENED));

        ComplaintCase again =
                CaseDecisions.acknowledge(reopened, "agent-1", "sorry", T0).value();
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
        ComplaintCase reopened = CaseDecisions.reopen(resolved(), reopenedAt(T0.plus(Duration.ofHours(5))), T0)
                .value();

        assertThat(reopened.firstResponseDue()).isNull();
        assertThat(reopened.resolutionDue()).isEqualTo(RESOLUTION_DUE);
        assertThat(reopened.nextDeadline()).isEqualTo(RESOLUTION_WARN);
    }

    @Test
    void passedDeadlineOfARunningClockIsBreachedOnce() {
        ComplaintCase opened = open();
        Instant late = FIRST_DUE.plusSeconds(1);

        Change<ComplaintCase> breach = CaseDecisions.fire(opened, late);

        assertThat(breach.events()).containsExactly(new SlaBreached("c-1", late, SlaClock.FIRST_RESPONSE, FIRST_DUE));
        assertThat(breach.value().breached()).containsExactly(SlaClock.FIRST_RESPONSE);
        // The warning's window was missed entirely: the breach supersedes it rather than a late warning.
        assertThat(breach.value().warned()).containsExactly(SlaClock.FIRST_RESPONSE);
        assertThat(breach.value().nextDeadline()).isEqualTo(RESOLUTION_WARN);
        assertThat(CaseDecisions.fire(breach.value(), late.plusSeconds(60))).isNull();
    }

    @Test
    void nothingIsBreachedBeforeItsDueTime() {
        assertThat(CaseDecisions.fire(open(), FIRST_DUE.minusMillis(1)).events())
                .noneMatch(SlaBreached.class::isInstance);
    }

    @Test
    void acknowledgingStopsTheFirstResponseClock() {
        ComplaintCase acknowledged =
                CaseDecisions.acknowledge(open(), "agent-1", null, T0).value();

        assertThat(CaseDecisions.fire(acknowledged, FIRST_DUE.plusSeconds(1))).isNull();
    }

    @Test
    void freshDueTimeAfterABreachCanBeBreachedAgain() {
        ComplaintCase breached =
                CaseDecisions.fire(open(), FIRST_DUE.plusSeconds(1)).value();
        Instant freshDue = FIRST_DUE.plus(Duration.ofHours(1));

        ComplaintCase reassigned = CaseDecisions.reassign(breached, assigned("BILLING", freshDue, RESOLUTION_DUE))
                .value();

        assertThat(reassigned.breached()).isEmpty();
        assertThat(CaseDecisions.fire(reassigned, freshDue).events())
                .containsExactly(new SlaBreached("c-1", freshDue, SlaClock.FIRST_RESPONSE, freshDue));
    }

    @Test
    void everyOtherChangeTellsTheCaseAsItNowStands_aPauseMovesTheResolutionDueTime() {
        Change<ComplaintCase> waiting =
                CaseDecisions.waitForCustomer(investigating(), "agent-1", "photos asked", T0.plus(Duration.ofHours(1)));
        assertThat(waiting.events()).singleElement().isInstanceOfSatisfying(CaseUpdated.class, e -> {
            assertThat(e.change()).isEqualTo(CaseChange.WAITING_FOR_CUSTOMER);
            assertThat(e.state()).isEqualTo(CaseState.PENDING_CUSTOMER);
            assertThat(e.text()).isEqualTo("photos asked");
        });

        Change<ComplaintCase> resumed = CaseDecisions.resume(waiting.value(), "agent-1", T0.plus(Duration.ofHours(3)));
        assertThat(resumed.events()).singleElement().isInstanceOfSatisfying(CaseUpdated.class, e -> {
            assertThat(e.change()).isEqualTo(CaseChange.RESUMED);
            assertThat(e.state()).isEqualTo(CaseState.INVESTIGATING);
            assertThat(e.resolutionDue()).as("two hours paused").isEqualTo(RESOLUTION_DUE.plus(Duration.ofHours(2)));
            assertThat(e.resolutionDue()).isEqualTo(resumed.value().due(SlaClock.RESOLUTION));
        });

        Change<ComplaintCase> message = CaseDecisions.note(
                resumed.value(), "agent-1", "We have your photos", false, T0.plus(Duration.ofHours(4)));
        assertThat(message.events()).singleElement().isInstanceOfSatisfying(CaseUpdated.class, e -> {
            assertThat(e.change()).isEqualTo(CaseChange.CUSTOMER_MESSAGE);
            assertThat(e.text()).isEqualTo("We have your photos");
        });

        Change<ComplaintCase> handed = CaseDecisions.handOver(
                message.value(), "lead-1", "agent-9", "LOGISTICS", "carrier's fault", T0.plus(Duration.ofHours(5)));
        assertThat(handed.events()).singleElement().isInstanceOfSatisfying(CaseUpdated.class, e -> {
            assertThat(e.change()).isEqualTo(CaseChange.HANDED_OVER);
            assertThat(e.owner()).isEqualTo("agent-9");
            assertThat(e.department()).isEqualTo("LOGISTICS");
            assertThat(e.by()).isEqualTo("lead-1");
            assertThat(e.text()).isEqualTo("carrier's fault");
        });
    }

    @Test
    void investigatingComesOnlyAfterTheFirstResponse() {
        assertThatThrownBy(() -> CaseDecisions.investigate(open(), "agent-1", T0))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.ASSIGNED));

        Change<ComplaintCase> investigating = CaseDecisions.investigate(acknowledged(), "agent-1", T0);
        assertThat(investigating.value().state()).isEqualTo(CaseState.INVESTIGATING);
        assertThat(investigating.events()).singleElement().isInstanceOfSatisfying(CaseUpdated.class, e -> {
            assertThat(e.change()).isEqualTo(CaseChange.INVESTIGATING);
            assertThat(e.state()).isEqualTo(CaseState.INVESTIGATING);
            assertThat(e.by()).isEqualTo("agent-1");
        });
    }

    @Test
    void waitingForTheCustomerRecordsThePauseAndResumesWhereItLeftOff() {
        ComplaintCase proposed = proposed();
        Instant start = T0.plusSeconds(100);
        Instant end = T0.plusSeconds(500);

        ComplaintCase waiting = CaseDecisions.waitForCustomer(proposed, "agent-1", "waiting for photos", start)
                .value();
        assertThat(waiting.state()).isEqualTo(CaseState.PENDING_CUSTOMER);
        assertThatThrownBy(() -> CaseDecisions.waitForCustomer(waiting, "agent-1", "again", start))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.PENDING_CUSTOMER));

        ComplaintCase resumed = CaseDecisions.resume(waiting, "agent-1", end).value();
        assertThat(resumed.state()).isEqualTo(CaseState.PROPOSED);
        assertThat(resumed.pauses())
                .containsExactly(
                        new ComplaintCase.Pause("waiting for photos", "agent-1", CaseState.PROPOSED, start, end));
        assertThatThrownBy(() -> CaseDecisions.resume(resumed, "agent-1", end))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void waitingIsNotAllowedBeforeInvestigating() {
        assertThatThrownBy(() -> CaseDecisions.waitForCustomer(acknowledged(), "agent-1", "r", T0))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.ACKNOWLEDGED));
    }

    @Test
    void proposalWithoutApprovalIsPublishedWithItsNumberedSteps() {
        Change<ComplaintCase> change =
                CaseDecisions.propose(investigating(), "agent-1", STEPS, REMEDIES, false, T0.plusSeconds(5));

        assertThat(change.value().state()).isEqualTo(CaseState.PROPOSED);
        assertThat(change.value().proposal().status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(change.events())
                .as("the plan, and its step of ours with a date as a promise")
                .containsExactly(
                        new ProposalMade("c-1", T0.plusSeconds(5), "agent-1", STEPS, REMEDIES, null),
                        new PromiseMade(
                                "c-1", T0.plusSeconds(5), "P1", "Step 1: Refund", T0.plusSeconds(3600), "agent-1"));
    }

    @Test
    void proposalNeedingApprovalWaitsForTheSupervisorAndIsPublishedOnApproval() {
        Change<ComplaintCase> awaiting = CaseDecisions.propose(investigating(), "agent-1", STEPS, REMEDIES, true, T0);
        assertThat(awaiting.value().state()).isEqualTo(CaseState.INVESTIGATING);
        assertThat(awaiting.value().proposal().status()).isEqualTo(ProposalStatus.AWAITING_APPROVAL);
        assertThat(awaiting.events())
                .as("nothing goes to the customer yet")
                .singleElement()
                .isInstanceOfSatisfying(CaseUpdated.class, e -> {
                    assertThat(e.change()).isEqualTo(CaseChange.AWAITING_APPROVAL);
                    assertThat(e.state()).isEqualTo(CaseState.INVESTIGATING);
                });

        Change<ComplaintCase> approved = CaseDecisions.approve(awaiting.value(), "lead-1", T0.plusSeconds(9));
        assertThat(approved.value().state()).isEqualTo(CaseState.PROPOSED);
        assertThat(approved.value().proposal().approvedBy()).isEqualTo("lead-1");
        assertThat(approved.events())
                .containsExactly(
                        new ProposalMade("c-1", T0.plusSeconds(9), "agent-1", STEPS, REMEDIES, "lead-1"),
                        new PromiseMade(
                                "c-1", T0.plusSeconds(9), "P1", "Step 1: Refund", T0.plusSeconds(3600), "agent-1"));
    }

    @Test
    void approvingWithoutAProposalAwaitingApprovalIsIllegal() {
        assertThatThrownBy(() -> CaseDecisions.approve(investigating(), "lead-1", T0))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.INVESTIGATING))
                .hasMessageContaining("no proposal awaiting approval");
    }

    @Test
    void acceptedProposalLetsTheCaseBeResolved() {
        ComplaintCase proposed = proposed();
        assertThatThrownBy(() -> CaseDecisions.resolve(proposed, "agent-1", "done", "OTHER", T0))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.PROPOSED));

        Change<ComplaintCase> accepted = CaseDecisions.answer(proposed, "agent-1", true, "好的", T0);
        assertThat(accepted.value().proposal().status()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(CaseUpdated.class, e -> {
            assertThat(e.change()).isEqualTo(CaseChange.PROPOSAL_ACCEPTED);
            assertThat(e.text()).isEqualTo("好的");
            assertThat(e.state()).isEqualTo(CaseState.PROPOSED);
        });
        assertThat(CaseDecisions.resolve(accepted.value(), "agent-1", "done", "OTHER", T0)
                        .value()
                        .state())
                .isEqualTo(CaseState.RESOLVED);
        assertThatThrownBy(() -> CaseDecisions.answer(accepted.value(), "agent-1", false, null, T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void rejectedProposalGoesBackToInvestigatingAndIsPublished() {
        Change<ComplaintCase> rejected = CaseDecisions.answer(proposed(), "agent-1", false, "not enough", T0);

        assertThat(rejected.value().state()).isEqualTo(CaseState.INVESTIGATING);
        assertThat(rejected.value().proposal().status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(rejected.events()).containsExactly(new ProposalRejected("c-1", T0, "not enough"));
    }

    @Test
    void notesAreKeptApartAndHandOverIsRecordedButNotOnceResolved() {
        ComplaintCase noted = CaseDecisions.note(open(), "agent-1", "check the courier", true, T0)
                .value();
        assertThat(noted.notes()).containsExactly(new ComplaintCase.Note("agent-1", T0, "check the courier", true));

        ComplaintCase handed = CaseDecisions.handOver(noted, "lead-1", "agent-2", null, "workload", T0)
                .value();
        assertThat(handed.owner()).isEqualTo("agent-2");
        assertThat(handed.department()).isEqualTo("BILLING");
        assertThat(handed.reassignments())
                .containsExactly(new ComplaintCase.Reassignment(
                        T0, "lead-1", null, "agent-2", "BILLING", "BILLING", "workload"));
        assertThatThrownBy(() -> CaseDecisions.handOver(resolved(), "lead-1", "agent-2", null, "late", T0))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.current()).isEqualTo(CaseState.RESOLVED));
    }

    @Test
    void queueOrdersByFirstResponseUntilAcknowledgedThenByResolution() {
        assertThat(open().queueOrder()).isEqualTo(FIRST_DUE.toEpochMilli());
        assertThat(acknowledged().queueOrder()).isEqualTo(RESOLUTION_DUE.toEpochMilli());
        assertThat(acknowledged().owner()).isEqualTo("agent-1");
    }

    @Test
    void warningFiresAtThreeQuartersOfTheTimeOnceThenTheBreach() {
        assertThat(CaseDecisions.fire(open(), FIRST_WARN.minusMillis(1))).isNull();

        Change<ComplaintCase> warning = CaseDecisions.fire(open(), FIRST_WARN);

        assertThat(warning.events())
                .containsExactly(new SlaWarned("c-1", FIRST_WARN, SlaClock.FIRST_RESPONSE, FIRST_DUE));
        assertThat(warning.value().warned()).containsExactly(SlaClock.FIRST_RESPONSE);
        assertThat(warning.value().nextDeadline()).isEqualTo(FIRST_DUE);
        assertThat(CaseDecisions.fire(warning.value(), FIRST_DUE.minusMillis(1)))
                .isNull();
        assertThat(CaseDecisions.fire(warning.value(), FIRST_DUE).events())
                .containsExactly(new SlaBreached("c-1", FIRST_DUE, SlaClock.FIRST_RESPONSE, FIRST_DUE));
    }

    @Test
    void warningShareIsConfigurable() {
        ResponsibilityAssigned assigned = assigned("BILLING", FIRST_DUE, RESOLUTION_DUE);

        ComplaintCase opened = CaseDecisions.open(assigned, SlaPlan.of(assigned, T0, new BigDecimal("0.5"), null), T0)
                .value();

        assertThat(opened.firstResponseWarnAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(opened.resolutionWarnAt()).isEqualTo(T0.plus(Duration.ofHours(36)));
    }

    @Test
    void acknowledgingStopsTheFirstResponseWarning() {
        assertThat(CaseDecisions.fire(acknowledged(), FIRST_WARN)).isNull();
    }

    @Test
    void resolvingStopsTheResolutionClock() {
        ComplaintCase resolved = resolved();

        assertThat(resolved.nextDeadline()).isNull();
        assertThat(CaseDecisions.fire(resolved, RESOLUTION_DUE.plusSeconds(1))).isNull();
    }

    @Test
    void freshDueTimeReArmsTheWarning() {
        ComplaintCase warned = CaseDecisions.fire(open(), FIRST_WARN).value();
        Instant freshDue = FIRST_DUE.plus(Duration.ofHours(4));

        ComplaintCase reassigned = CaseDecisions.reassign(warned, assigned("BILLING", freshDue, RESOLUTION_DUE))
                .value();

        assertThat(reassigned.warned()).isEmpty();
        assertThat(reassigned.firstResponseWarnAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(CaseDecisions.fire(reassigned, T0.plus(Duration.ofHours(6))).events())
                .containsExactly(new SlaWarned("c-1", T0.plus(Duration.ofHours(6)), SlaClock.FIRST_RESPONSE, freshDue));
    }

    @Test
    void waitingForTheCustomerPausesTheResolutionClockAndMovesItsDeadlineAndWarning() {
        MutableClock clock = new MutableClock(T0);
        ComplaintCase working = investigating();
        clock.advance(Duration.ofHours(10));
        ComplaintCase waiting = CaseDecisions.waitForCustomer(working, "agent-1", "photos", clock.instant())
                .value();

        assertThat(waiting.nextDeadline()).isNull();
        clock.advance(Duration.ofHours(70));
        assertThat(CaseDecisions.fire(waiting, clock.instant())).isNull();

        clock.advance(Duration.ofHours(-65));
        ComplaintCase resumed =
                CaseDecisions.resume(waiting, "agent-1", clock.instant()).value();

        Duration paused = Duration.ofHours(5);
        assertThat(resumed.resolutionPausedMillis()).isEqualTo(paused.toMillis());
        assertThat(resumed.due(SlaClock.RESOLUTION)).isEqualTo(RESOLUTION_DUE.plus(paused));
        assertThat(resumed.nextDeadline()).isEqualTo(RESOLUTION_WARN.plus(paused));
        assertThat(CaseDecisions.fire(resumed, RESOLUTION_WARN.plus(paused).minusMillis(1)))
                .isNull();
        ComplaintCase warned =
                CaseDecisions.fire(resumed, RESOLUTION_WARN.plus(paused)).value();
        assertThat(CaseDecisions.fire(warned, RESOLUTION_DUE.plus(paused).minusMillis(1)))
                .isNull();
        assertThat(CaseDecisions.fire(warned, RESOLUTION_DUE.plus(paused)).events())
                .containsExactly(new SlaBreached(
                        "c-1", RESOLUTION_DUE.plus(paused), SlaClock.RESOLUTION, RESOLUTION_DUE.plus(paused)));
    }

    @Test
    void pausesAddUpAndOnlyTheTimeSinceTheDueTimeWasSetCounts() {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(1)));
        ComplaintCase waiting = CaseDecisions.waitForCustomer(investigating(), "agent-1", "photos", clock.instant())
                .value();
        // Triage sets a fresh resolution due time two hours into the wait: only the wait after it counts.
        clock.advance(Duration.ofHours(2));
        Instant freshDue = clock.instant().plus(Duration.ofHours(24));
        ResponsibilityAssigned again = new ResponsibilityAssigned(
                "c-1", clock.instant(), "BILLING", List.of(), ComplaintClass.ORDINARY, FIRST_DUE, freshDue);
        ComplaintCase reassigned = CaseDecisions.reassign(waiting, again).value();
        clock.advance(Duration.ofHours(1));
        ComplaintCase resumed =
                CaseDecisions.resume(reassigned, "agent-1", clock.instant()).value();
        clock.advance(Duration.ofHours(1));
        ComplaintCase waitingAgain = CaseDecisions.waitForCustomer(resumed, "agent-1", "receipt", clock.instant())
                .value();
        clock.advance(Duration.ofMinutes(30));
        ComplaintCase back =
                CaseDecisions.resume(waitingAgain, "agent-1", clock.instant()).value();

        assertThat(back.due(SlaClock.RESOLUTION)).isEqualTo(freshDue.plus(Duration.ofMinutes(90)));
    }

    @Test
    void requiredTaskIsNumberedPublishedAndHoldsUpTheResolutionUntilDone() {
        Instant due = T0.plus(Duration.ofHours(8));
        Change<ComplaintCase> given = CaseDecisions.addTask(
                acknowledged(),
                "agent-1",
                "LOGISTICS",
                null,
                "Find the parcel at the depot",
                due,
                true,
                T0.plusSeconds(10));

        ComplaintCase withTask = given.value();
        assertThat(withTask.tasks()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("T1");
            assertThat(t.status()).isEqualTo(ComplaintCase.TaskStatus.OPEN);
            assertThat(t.owner()).isNull();
        });
        assertThat(given.events())
                .containsExactly(new TaskAssigned(
                        "c-1",
                        T0.plusSeconds(10),
                        "T1",
                        "LOGISTICS",
                        null,
                        "Find the parcel at the depot",
                        due,
                        true,
                        "agent-1"));
        assertThatThrownBy(() -> CaseDecisions.resolve(withTask, "agent-1", "done", "OTHER", T0.plusSeconds(20)))
                .isInstanceOfSatisfying(
                        OpenTasksException.class,
                        e -> assertThat(e.open())
                                .extracting(ComplaintCase.Task::id)
                                .containsExactly("T1"))
                .hasMessageContaining("T1 (LOGISTICS, Find the parcel at the depot");

        Change<ComplaintCase> claimed = CaseDecisions.claimTask(withTask, "T1", "li.na", T0.plusSeconds(30));
        assertThat(claimed.value().tasks().get(0).owner()).isEqualTo("li.na");
        assertThat(claimed.events()).singleElement().isInstanceOf(TaskAssigned.class);
        assertThat(CaseDecisions.claimTask(claimed.value(), "T1", "li.na", T0.plusSeconds(31)))
                .isNull();
        assertThatThrownBy(() -> CaseDecisions.claimTask(claimed.value(), "T1", "wang.wei", T0.plusSeconds(31)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("already li.na's");

        Change<ComplaintCase> done =
                CaseDecisions.completeTask(claimed.value(), "T1", "li.na", "Found it", T0.plusSeconds(40));
        assertThat(done.value().tasks().get(0).status()).isEqualTo(ComplaintCase.TaskStatus.DONE);
        assertThat(done.events())
                .containsExactly(new TaskCompleted("c-1", T0.plusSeconds(40), "T1", "LOGISTICS", "li.na", "Found it"));
        assertThat(CaseDecisions.resolve(done.value(), "agent-1", "done", "OTHER", T0.plusSeconds(50))
                        .value()
                        .state())
                .isEqualTo(CaseState.RESOLVED);
        assertThatThrownBy(() -> CaseDecisions.declineTask(done.value(), "T1", "li.na", "no", T0.plusSeconds(60)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("T1 is DONE");
    }

    @Test
    void declinedTaskNoLongerHoldsUpTheResolutionAndOptionalTasksNeverDo() {
        ComplaintCase withTasks = CaseDecisions.addTask(
                        acknowledged(), "agent-1", "BILLING", "li.na", "Refund", T0.plusSeconds(3600), true, T0)
                .value();
        withTasks = CaseDecisions.addTask(
                        withTasks, "agent-1", "QUALITY", null, "Look at the batch", T0.plusSeconds(7200), false, T0)
                .value();

        Change<ComplaintCase> declined =
                CaseDecisions.declineTask(withTasks, "T1", "li.na", "Not a billing matter", T0.plusSeconds(5));

        assertThat(declined.value().tasks())
                .extracting(ComplaintCase.Task::id, ComplaintCase.Task::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("T1", ComplaintCase.TaskStatus.DECLINED),
                        org.assertj.core.groups.Tuple.tuple("T2", ComplaintCase.TaskStatus.OPEN));
        assertThat(declined.value().tasks().get(0).declineReason()).isEqualTo("Not a billing matter");
        assertThat(declined.events())
                .containsExactly(
                        new TaskDeclined("c-1", T0.plusSeconds(5), "T1", "BILLING", "li.na", "Not a billing matter"));
        assertThat(declined.value().openRequiredTasks()).isEmpty();
        assertThat(CaseDecisions.resolve(declined.value(), "agent-1", "done", "OTHER", T0.plusSeconds(9)))
                .isNotNull();
    }

    @Test
    void tasksAreNotGivenOnceResolvedAndUnknownTasksAreNamed() {
        assertThatThrownBy(() -> CaseDecisions.addTask(
                        resolved(), "agent-1", "BILLING", null, "x", T0.plusSeconds(3600), true, T0.plusSeconds(120)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is RESOLVED");
        assertThatThrownBy(() -> CaseDecisions.completeTask(acknowledged(), "T9", "agent-1", null, T0))
                .isInstanceOfSatisfying(
                        UnknownPartException.class, e -> assertThat(e.id()).isEqualTo("T9"));
    }

    @Test
    void anOpenTaskPastItsDueTimeIsOverdueAClosedOneNot() {
        ComplaintCase withTask = CaseDecisions.addTask(
                        acknowledged(), "agent-1", "BILLING", "li.na", "Refund", T0.plusSeconds(60), false, T0)
                .value();
        ComplaintCase.Task task = withTask.tasks().get(0);

        assertThat(task.overdue(T0.plusSeconds(59))).isFalse();
        assertThat(task.overdue(T0.plusSeconds(61))).isTrue();
        ComplaintCase done = CaseDecisions.completeTask(withTask, "T1", "li.na", null, T0.plusSeconds(90))
                .value();
        assertThat(done.tasks().get(0).overdue(T0.plusSeconds(120))).isFalse();
    }

    @Test
    void openTaskPastItsDueTimeIsAnnouncedOverdueOnceByTheScanAndAClosedOneNever() {
        Instant due = T0.plus(Duration.ofMinutes(30));
        ComplaintCase withTasks = CaseDecisions.addTask(
                        acknowledged(), "agent-1", "BILLING", "li.na", "Refund", due, true, T0)
                .value();
        withTasks = CaseDecisions.addTask(withTasks, "agent-1", "QUALITY", null, "Check", due, false, T0)
                .value();
        withTasks = CaseDecisions.completeTask(withTasks, "T2", "agent-1", null, T0.plusSeconds(60))
                .value();
        assertThat(withTasks.nextDeadline())
                .as("the open task's due time comes first")
                .isEqualTo(due);

        assertThat(CaseDecisions.fire(withTasks, due.minusSeconds(1))).isNull();
        Change<ComplaintCase> fired = CaseDecisions.fire(withTasks, due.plusSeconds(1));

        assertThat(fired.events())
                .containsExactly(
                        new TaskOverdue("c-1", due.plusSeconds(1), "T1", "BILLING", "li.na", "Refund", due, true));
        assertThat(fired.value().tasks().get(0).overdueAnnounced()).isTrue();
        assertThat(fired.value().nextDeadline()).isEqualTo(RESOLUTION_WARN);
        assertThat(CaseDecisions.fire(fired.value(), due.plusSeconds(2))).isNull();
    }

    /** A clock the test moves by hand. */
    @Test
    void eachSecondaryDepartmentGetsAnOptionalTaskDueWithTheResolutionAndANewlyNamedOneToo() {
        ResponsibilityAssigned assigned = new ResponsibilityAssigned(
                "c-1", T0, "BILLING", List.of("LOGISTICS"), ComplaintClass.ORDINARY, FIRST_DUE, RESOLUTION_DUE);
        SlaPlan plan = SlaPlan.of(assigned, T0, SlaPlan.DEFAULT_WARN_AT, null);

        Change<ComplaintCase> opened = CaseDecisions.open(assigned, plan, true, T0);

        assertThat(opened.value().tasks()).singleElement().satisfies(t -> {
            assertThat(t.department()).isEqualTo("LOGISTICS");
            assertThat(t.required()).as("it does not hold up the resolution").isFalse();
            assertThat(t.dueAt()).isEqualTo(RESOLUTION_DUE);
            assertThat(t.owner()).as("the department's queue holds it").isNull();
        });
        assertThat(opened.events())
                .hasSize(2)
                .last()
                .isInstanceOfSatisfying(
                        TaskAssigned.class, e -> assertThat(e.department()).isEqualTo("LOGISTICS"));
        assertThat(CaseDecisions.open(assigned, plan, false, T0).value().tasks())
                .as("policy NONE")
                .isEmpty();

        ResponsibilityAssigned wider = new ResponsibilityAssigned(
                "c-1",
                T0.plusSeconds(60),
                "BILLING",
                List.of("LOGISTICS", "AFTER_SALES"),
                ComplaintClass.ORDINARY,
                FIRST_DUE,
                RESOLUTION_DUE);
        Change<ComplaintCase> again = CaseDecisions.reassign(opened.value(), wider, plan, true);
        assertThat(again.value().tasks())
                .extracting(ComplaintCase.Task::id, ComplaintCase.Task::department)
                .containsExactly(tuple("T1", "LOGISTICS"), tuple("T2", "AFTER_SALES"));
        assertThat(again.events()).singleElement().isInstanceOf(TaskAssigned.class);
        assertThat(CaseDecisions.reassign(again.value(), wider, plan, true))
                .as("nothing new")
                .isNull();
    }

    @Test
    void theCaseFollowsTriagesEscalationRungByRungButKeepsASupervisorsHandOverWhenTriageNamesTheSameOwner() {
        ResponsibilityAssigned first = new ResponsibilityAssigned(
                "c-1", T0, "LOGISTICS", List.of(), ComplaintClass.ESCALATED, FIRST_DUE, RESOLUTION_DUE, "zhao.qiang");
        ComplaintCase opened = CaseDecisions.open(first, T0).value();
        ResponsibilityAssigned rung = new ResponsibilityAssigned(
                "c-1",
                T0.plusSeconds(60),
                "LOGISTICS",
                List.of(),
                ComplaintClass.ESCALATED,
                FIRST_DUE.plusSeconds(60),
                RESOLUTION_DUE,
                "lei.gang");

        ComplaintCase escalated = CaseDecisions.reassign(opened, rung).value();
        assertThat(escalated.owner())
                .as("same class, another owner named: the next rung")
                .isEqualTo("lei.gang");

        ComplaintCase handedOver = CaseDecisions.handOver(
                        escalated, "lead-1", "li.na", null, "knows the courier", T0.plusSeconds(90))
                .value();
        ResponsibilityAssigned again = new ResponsibilityAssigned(
                "c-1",
                T0.plusSeconds(120),
                "LOGISTICS",
                List.of(),
                ComplaintClass.ESCALATED,
                FIRST_DUE.plusSeconds(60),
                RESOLUTION_DUE,
                "lei.gang");
        Change<ComplaintCase> reassigned = CaseDecisions.reassign(handedOver, again);
        assertThat(reassigned == null ? handedOver.owner() : reassigned.value().owner())
                .as("triage names the same owner again: the hand-over stands")
                .isEqualTo("li.na");
    }

    private static final BigDecimal SHARE = new BigDecimal("0.75");

    @Test
    void aCallbackPromisedWithTheAcknowledgementIsAClockThatWarnsOnceThenBreaksOnce() {
        Instant callbackBy = T0.plus(Duration.ofHours(2));
        Change<ComplaintCase> acknowledged =
                CaseDecisions.acknowledge(open(), "agent-1", "今天两点前回电", callbackBy, SHARE, T0);

        assertThat(acknowledged.events())
                .containsExactly(
                        new CaseAcknowledged("c-1", T0, "agent-1", "今天两点前回电", callbackBy),
                        new PromiseMade("c-1", T0, "P1", "Call the customer back", callbackBy, "agent-1"));
        ComplaintCase c = acknowledged.value();
        Instant warnAt = T0.plus(Duration.ofMinutes(90));
        assertThat(c.nextDeadline())
                .as("the promise's warning, before the resolution's")
                .isEqualTo(warnAt);

        assertThat(CaseDecisions.fire(c, warnAt.minusSeconds(1))).isNull();
        Change<ComplaintCase> warned = CaseDecisions.fire(c, warnAt);
        assertThat(warned.events())
                .containsExactly(new PromiseWarned(
                        "c-1", warnAt, "P1", "Call the customer back", callbackBy, "agent-1", "BILLING"));
        assertThat(warned.value().nextDeadline()).isEqualTo(callbackBy);
        assertThat(CaseDecisions.fire(warned.value(), warnAt.plusSeconds(60)))
                .as("warned once")
                .isNull();

        Change<ComplaintCase> broken = CaseDecisions.fire(warned.value(), callbackBy);
        assertThat(broken.events())
                .containsExactly(new PromiseBroken(
                        "c-1", callbackBy, "P1", "Call the customer back", callbackBy, "agent-1", "BILLING"));
        assertThat(broken.value().promises().get(0).status()).isEqualTo(ComplaintCase.PromiseStatus.BROKEN);
        assertThat(broken.value().nextDeadline()).as("broken once: no loop").isEqualTo(RESOLUTION_WARN);
        assertThat(CaseDecisions.fire(broken.value(), callbackBy.plusSeconds(3600)))
                .isNull();
    }

    @Test
    void aMessageToTheCustomerKeepsTheCallbackAnInternalNoteDoesNot() {
        Instant callbackBy = T0.plus(Duration.ofHours(2));
        ComplaintCase c = CaseDecisions.acknowledge(open(), "agent-1", null, callbackBy, SHARE, T0)
                .value();

        Change<ComplaintCase> internal = CaseDecisions.note(c, "agent-1", "checking", true, T0.plusSeconds(60));
        assertThat(internal.value().promises().get(0).status()).isEqualTo(ComplaintCase.PromiseStatus.OPEN);
        assertThat(internal.events()).hasSize(1);

        Instant at = T0.plus(Duration.ofHours(1));
        Change<ComplaintCase> told = CaseDecisions.note(internal.value(), "agent-1", "已查到您的订单", false, at);
        assertThat(told.events())
                .last()
                .isEqualTo(new PromiseKept("c-1", at, "P1", "Call the customer back", callbackBy, "agent-1", true));
        assertThat(told.value().promises().get(0).keptAt()).isEqualTo(at);
        assertThat(told.value().nextDeadline()).as("no promise left to watch").isEqualTo(RESOLUTION_WARN);
    }

    @Test
    void ourStepsOfAProposalArePromisesTheCustomersAreNotAndARejectionWithdrawsThem() {
        List<ProposalStep> steps = List.of(
                new ProposalStep(1, "Refund 99 CNY", "BILLING", T0.plusSeconds(7200)),
                new ProposalStep(2, "Send the receipt", "customer", T0.plusSeconds(3600)),
                new ProposalStep(3, "Replace the part", "LOGISTICS", T0.plusSeconds(86_400)));

        Change<ComplaintCase> proposed =
                CaseDecisions.propose(investigating(), "agent-1", steps, REMEDIES, false, SHARE, T0);

        assertThat(proposed.events())
                .filteredOn(PromiseMade.class::isInstance)
                .containsExactly(
                        new PromiseMade("c-1", T0, "P1", "Step 1: Refund 99 CNY", T0.plusSeconds(7200), "agent-1"),
                        new PromiseMade(
                                "c-1", T0, "P2", "Step 3: Replace the part", T0.plusSeconds(86_400), "agent-1"));
        ComplaintCase rejected = CaseDecisions.answer(proposed.value(), "agent-1", false, "不够", T0.plusSeconds(60))
                .value();
        assertThat(rejected.promises())
                .extracting(ComplaintCase.Promise::status)
                .containsOnly(ComplaintCase.PromiseStatus.WITHDRAWN);
        assertThat(CaseDecisions.fire(rejected, T0.plusSeconds(90_000)))
                .as("withdrawn promises never break")
                .isNull();
        assertThatThrownBy(() -> CaseDecisions.keepPromise(rejected, "P1", "agent-1", T0.plusSeconds(120)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void theResolutionKeepsOpenPromisesABrokenOneStaysBrokenUntilKeptLate() {
        List<ProposalStep> steps = List.of(
                new ProposalStep(1, "Refund", "BILLING", T0.plusSeconds(600)),
                new ProposalStep(2, "Replace", "LOGISTICS", T0.plusSeconds(86_400)));
        ComplaintCase proposed = CaseDecisions.propose(investigating(), "agent-1", steps, REMEDIES, false, SHARE, T0)
                .value();
        ComplaintCase broken = CaseDecisions.fire(proposed, T0.plusSeconds(600)).value();
        assertThat(broken.promises())
                .extracting(ComplaintCase.Promise::status)
                .containsExactly(ComplaintCase.PromiseStatus.BROKEN, ComplaintCase.PromiseStatus.OPEN);
        ComplaintCase accepted = CaseDecisions.answer(broken, "agent-1", true, null, T0.plusSeconds(700))
                .value();

        Instant at = T0.plusSeconds(3600);
        Change<ComplaintCase> resolved = CaseDecisions.resolve(accepted, "agent-1", "Done", "BILLING", at);
        assertThat(resolved.events())
                .filteredOn(PromiseKept.class::isInstance)
                .containsExactly(
                        new PromiseKept("c-1", at, "P2", "Step 2: Replace", T0.plusSeconds(86_400), "agent-1", true));
        assertThat(resolved.value().promises().get(0).status()).isEqualTo(ComplaintCase.PromiseStatus.BROKEN);

        Change<ComplaintCase> late = CaseDecisions.keepPromise(resolved.value(), "P1", "agent-1", at);
        assertThat(late.events())
                .containsExactly(
                        new PromiseKept("c-1", at, "P1", "Step 1: Refund", T0.plusSeconds(600), "agent-1", false));
        assertThat(CaseDecisions.keepPromise(late.value(), "P1", "agent-1", at))
                .as("kept once")
                .isNull();
        assertThatThrownBy(() -> CaseDecisions.keepPromise(late.value(), "P9", "agent-1", at))
                .isInstanceOfSatisfying(
                        UnknownPartException.class, e -> assertThat(e.id()).isEqualTo("P9"));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final List<ProposalStep> STEPS =
            List.of(new ProposalStep(1, "Refund", "BILLING", T0.plusSeconds(3600)));
    private static final List<Remedy> REMEDIES = List.of(
            new Remedy(RemedyType.APOLOGY, null, null), new Remedy(RemedyType.REFUND, new BigDecimal("99.00"), "CNY"));

    private static ComplaintCase acknowledged() {
        return CaseDecisions.acknowledge(open(), "agent-1", null, T0).value();
    }

    private static ComplaintCase investigating() {
        return CaseDecisions.investigate(acknowledged(), "agent-1", T0).value();
    }

    private static ComplaintCase proposed() {
        return CaseDecisions.propose(investigating(), "agent-1", STEPS, REMEDIES, false, T0)
                .value();
    }

    private static ComplaintCase open() {
        return CaseDecisions.open(assigned("BILLING", FIRST_DUE, RESOLUTION_DUE), T0)
                .value();
    }

    private static ComplaintCase resolved() {
        ComplaintCase acknowledged =
                CaseDecisions.acknowledge(open(), "agent-1", null, T0).value();
        return CaseDecisions.resolve(acknowledged, "agent-1", "Refunded", "BILLING", T0.plusSeconds(60))
                .value();
    }

    private static ComplaintReopened reopenedAt(Instant at) {
        return new ComplaintReopened("c-1", at, "not satisfied");
    }

    private static ResponsibilityAssigned assigned(String department, Instant firstDue, Instant resolutionDue) {
        return new ResponsibilityAssigned(
                "c-1", T0, department, List.of(), ComplaintClass.ORDINARY, firstDue, resolutionDue);
    }
}

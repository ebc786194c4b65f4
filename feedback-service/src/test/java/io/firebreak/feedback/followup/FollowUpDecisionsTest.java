package io.firebreak.feedback.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.events.ClosureOutcome;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FeedbackEvents.FollowUpRecorded;
import io.firebreak.events.FeedbackEvents.RootCauseRecorded;
import io.firebreak.events.FeedbackEvents.SurveySent;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.feedback.ShippedFeedbackProperties;
import io.firebreak.platform.outbox.Change;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FollowUpDecisionsTest {

    private static final Instant RESOLVED_AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private final FollowUpDecisions decisions = new FollowUpDecisions(ShippedFeedbackProperties.bind());

    @Test
    void resolutionMakesAFollowUpPendingAndRecordsItsRootCause() {
        Change<ComplaintFollowUps> change = decisions.resolved(ComplaintFollowUps.known("c-1"), "r-1", resolved(), NOW);

        assertThat(change.value().pending().resolutionId()).isEqualTo("r-1");
        assertThat(change.value().pending().rootCause()).isEqualTo("BILLING");
        assertThat(change.value().rootCauses()).hasSize(1);
        assertThat(change.events()).containsExactly(new RootCauseRecorded("c-1", NOW, "BILLING", "BILLING", null));
    }

    @Test
    void sameResolutionIsFollowedUpOnce() {
        ComplaintFollowUps pending = pending();
        ComplaintFollowUps answered =
                decisions.record(pending, true, 5, null, "agent-1", NOW).value();

        assertThat(decisions.resolved(pending, "r-1", resolved(), NOW)).isNull();
        assertThat(decisions.resolved(answered, "r-1", resolved(), NOW)).isNull();
    }

    @Test
    void satisfiedCustomerClosesTheComplaint() {
        Change<ComplaintFollowUps> change = decisions.record(pending(), true, 4, "谢谢", "agent-1", NOW);

        assertThat(change.value().pending()).isNull();
        assertThat(FollowUpDecisions.outcomeOf(change.value())).isEqualTo(Outcome.CLOSED);
        assertThat(change.events())
                .containsExactly(
                        new FollowUpRecorded("c-1", NOW, true, 4, "谢谢", "agent-1"),
                        new ComplaintClosed("c-1", NOW, ClosureOutcome.SATISFIED));
    }

    @Test
    void lowScoreReopensEvenWhenTheCustomerSaysSatisfied() {
        Change<ComplaintFollowUps> change = decisions.record(pending(), true, 2, null, "agent-1", NOW);

        assertThat(FollowUpDecisions.outcomeOf(change.value())).isEqualTo(Outcome.REOPENED);
        assertThat(change.events().get(1))
                .isInstanceOfSatisfying(
                        ComplaintReopened.class, r -> assertThat(r.reason()).contains("score 2/5"));
    }

    @Test
    void notSatisfiedReopensEvenWithAHighScoreAndTheReasonQuotesTheComment() {
        Change<ComplaintFollowUps> change = decisions.record(pending(), false, 5, "还是坏的", "agent-1", NOW);

        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0)).isEqualTo(new FollowUpRecorded("c-1", NOW, false, 5, "还是坏的", "agent-1"));
        assertThat(change.events().get(1))
                .isEqualTo(new ComplaintReopened(
                        "c-1", NOW, "Follow-up: not satisfied, score 5/5, comment: \"还是坏的\"", "agent-9"));
    }

    @Test
    void noPendingFollowUpCannotBeRecorded() {
        ComplaintFollowUps answered =
                decisions.record(pending(), true, 5, null, "agent-1", NOW).value();

        assertThatThrownBy(() -> decisions.record(ComplaintFollowUps.known("c-1"), true, 5, null, "a", NOW))
                .isInstanceOf(NoPendingFollowUpException.class);
        assertThatThrownBy(() -> decisions.record(answered, true, 5, null, "a", NOW))
                .isInstanceOf(NoPendingFollowUpException.class);
    }

    @Test
    void reopenedAndResolvedAgainComplaintGetsOneNewFollowUp() {
        ComplaintFollowUps reopened =
                decisions.record(pending(), false, 1, null, "agent-1", NOW).value();

        ComplaintFollowUps again =
                decisions.resolved(reopened, "r-2", resolved(), NOW).value();

        assertThat(again.pending().resolutionId()).isEqualTo("r-2");
        assertThat(again.done()).hasSize(1);
        assertThat(again.rootCauses()).hasSize(2);
        ComplaintFollowUps closed =
                decisions.record(again, true, 5, null, "agent-1", NOW).value();
        assertThat(closed.done())
                .extracting(f -> f.result().outcome())
                .containsExactly(Outcome.REOPENED, Outcome.CLOSED);
    }

    @Test
    void reopenThresholdIsConfigurable() {
        FeedbackProperties shipped = shipped();
        FeedbackProperties.FollowUp f = shipped.followUp();
        FollowUpDecisions stricter = new FollowUpDecisions(new FeedbackProperties(
                new FeedbackProperties.FollowUp(
                        3, 10, f.delay(), f.maxAttempts(), f.noResponseAfter(), f.scanInterval()),
                shipped.survey(),
                shipped.sparks(),
                shipped.reports()));

        assertThat(FollowUpDecisions.outcomeOf(
                        stricter.record(pending(), true, 3, null, "a", NOW).value()))
                .isEqualTo(Outcome.REOPENED);
        assertThat(FollowUpDecisions.outcomeOf(
                        decisions.record(pending(), true, 3, null, "a", NOW).value()))
                .isEqualTo(Outcome.CLOSED);
    }

    @Test
    void followUpIsDueAfterTheConfiguredDelayAndGetsOneSurveyLinkThen() {
        ComplaintFollowUps pending = pending();
        Instant due = RESOLVED_AT.plus(shipped().followUp().delay());
        assertThat(pending.pending().dueAt()).isEqualTo(due);
        assertThat(pending.nextAt()).isEqualTo(due);

        assertThat(decisions.tick(pending, due.minusSeconds(1))).isNull();
        Change<ComplaintFollowUps> sent = decisions.tick(pending, due);

        assertThat(sent.events()).singleElement().isInstanceOfSatisfying(SurveySent.class, e -> {
            assertThat(e.resolutionId()).isEqualTo("r-1");
            assertThat(e.link()).startsWith("http://localhost:8080/survey/");
            assertThat(decisions.tokens().verify(e.link().substring(e.link().lastIndexOf('/') + 1)))
                    .hasValueSatisfying(c -> assertThat(c.resolutionId()).isEqualTo("r-1"));
        });
        assertThat(sent.value().pending().surveyLink()).isNotBlank();
        // Never a second survey for the same resolution, however often the clock looks.
        assertThat(decisions.tick(sent.value(), due.plusSeconds(60))).isNull();
    }

    @Test
    void noAnswerLongAfterTheDueTimeClosesAsNoResponse() {
        ComplaintFollowUps sent = decisions
                .tick(pending(), NOW.plus(shipped().followUp().delay()))
                .value();
        Instant giveUp = sent.pending().due().plus(shipped().followUp().noResponseAfter());

        Change<ComplaintFollowUps> closed = decisions.tick(sent, giveUp);

        assertThat(closed.value().pending()).isNull();
        assertThat(FollowUpDecisions.outcomeOf(closed.value())).isEqualTo(Outcome.NO_RESPONSE);
        assertThat(closed.events()).containsExactly(new ComplaintClosed("c-1", giveUp, ClosureOutcome.NO_RESPONSE));
    }

    @Test
    void enoughUnansweredCallsCloseAsNoResponse() {
        ComplaintFollowUps current = pending();
        int max = shipped().followUp().maxAttempts();
        for (int i = 1; i < max; i++) {
            Change<ComplaintFollowUps> called = decisions.unansweredCall(current, NOW);
            assertThat(called.events()).isEmpty();
            current = called.value();
            assertThat(current.pending().unansweredCalls()).isEqualTo(i);
        }
        Change<ComplaintFollowUps> last = decisions.unansweredCall(current, NOW);

        assertThat(FollowUpDecisions.outcomeOf(last.value())).isEqualTo(Outcome.NO_RESPONSE);
        assertThat(last.events()).containsExactly(new ComplaintClosed("c-1", NOW, ClosureOutcome.NO_RESPONSE));
    }

    @Test
    void surveyAnswerForAnotherResolutionIsRefused() {
        ComplaintFollowUps pending = pending();

        assertThatThrownBy(() -> decisions.answer(pending, "r-old", true, 5, null, null, "survey", "SURVEY", NOW))
                .isInstanceOf(NoPendingFollowUpException.class);
        Change<ComplaintFollowUps> answered =
                decisions.answer(pending, "r-1", false, 4, null, null, "survey", "SURVEY", NOW);
        assertThat(FollowUpDecisions.outcomeOf(answered.value()))
                .as("not resolved reopens")
                .isEqualTo(Outcome.REOPENED);
        assertThat(answered.events().get(1))
                .isInstanceOfSatisfying(
                        ComplaintReopened.class, r -> assertThat(r.owner()).isEqualTo("agent-9"));
        assertThatThrownBy(
                        () -> decisions.answer(answered.value(), "r-1", true, 5, null, null, "survey", "SURVEY", NOW))
                .isInstanceOf(NoPendingFollowUpException.class);
    }

    private static FeedbackProperties shipped() {
        return ShippedFeedbackProperties.bind();
    }

    private ComplaintFollowUps pending() {
        return decisions
                .resolved(ComplaintFollowUps.known("c-1"), "r-1", resolved(), NOW)
                .value();
    }

    private static CaseResolved resolved() {
        return new CaseResolved(
                "c-1", RESOLVED_AT, "agent-9", "Refunded the double charge", "BILLING", "BILLING", null);
    }
}

package io.firebreak.feedback.followup;

import io.firebreak.events.ClosureOutcome;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FeedbackEvents.FollowUpRecorded;
import io.firebreak.events.FeedbackEvents.SurveySent;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.feedback.followup.ComplaintFollowUps.FollowUp;
import io.firebreak.feedback.followup.ComplaintFollowUps.Result;
import io.firebreak.feedback.followup.ComplaintFollowUps.Servqual;
import io.firebreak.feedback.rootcause.RootCauseRecord;
import io.firebreak.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What feedback decides, free of storage and messaging: a resolution gets one pending follow-up, due after a
 * delay, and its root cause is counted; when due, one survey link is sent; the customer's answer (through an
 * agent or the survey) closes the complaint or, when unhappy, reopens it; no answer closes it as "no response".
 */
@Component
class FollowUpDecisions {

    static final String SURVEY = "survey";
    static final String SYSTEM = "system";

    private final Supplier<FollowUpPolicies.Active> policy;
    private final SurveyTokens tokens;

    /** Decisions with the shipped policy, fixed. */
    FollowUpDecisions(FeedbackProperties properties) {
        FeedbackProperties.FollowUp f = properties.followUp();
        FollowUpPolicy fixed =
                new FollowUpPolicy(f.delay(), f.reopenAtOrBelowScore(), f.maxAttempts(), f.noResponseAfter());
        FollowUpPolicies.Active shipped = new FollowUpPolicies.Active("shipped", fixed);
        this.policy = () -> shipped;
        this.tokens = new SurveyTokens(properties.survey());
    }

    /** Decisions with the policy in force at each decision (an administrator may replace it). */
    @Autowired
    FollowUpDecisions(FeedbackProperties properties, FollowUpPolicies policies) {
        this.policy = policies::current;
        this.tokens = new SurveyTokens(properties.survey());
    }

    SurveyTokens tokens() {
        return tokens;
    }

    /** A new resolution: its follow-up is pending and its root cause recorded. Null for one already known. */
    Change<ComplaintFollowUps> resolved(
            ComplaintFollowUps current, String resolutionId, CaseResolved resolved, Instant now) {
        if (current.knowsResolution(resolutionId)) return null;
        Instant resolvedAt = resolved.occurredAt() == null ? now : resolved.occurredAt();
        FollowUpPolicies.Active active = policy.get();
        Instant dueAt = resolvedAt.plus(active.policy().delay());
        FollowUp followUp = new FollowUp(
                resolutionId,
                resolvedAt,
                resolved.by(),
                resolved.summary(),
                resolved.rootCause(),
                resolved.department(),
                null,
                dueAt,
                null,
                null,
                null,
                0,
                active.version());
        // A follow-up still pending belongs to an older resolution: it is kept, unanswered.
        List<FollowUp> done = current.pending() == null ? current.done() : current.doneWith(current.pending());
        RootCauseRecord cause = RootCauseRecord.of(resolutionId, resolved);
        ComplaintFollowUps next =
                new ComplaintFollowUps(current.complaintId(), followUp, done, current.rootCausesWith(cause), dueAt);
        return Change.of(next, cause.recorded(current.complaintId(), now));
    }

    /** An agent's record of the call: see {@link #answer}. */
    Change<ComplaintFollowUps> record(
            ComplaintFollowUps current, boolean satisfied, int score, String comment, String by, Instant now) {
        return answer(current, null, satisfied, score, comment, null, by, "AGENT", now);
    }

    /**
     * Records the answer to the pending follow-up ({@code resolutionId} null: whichever is pending; given: only
     * that resolution's, as a survey link names it). Unhappy (not satisfied / not resolved, or a score at or below
     * the threshold) reopens the complaint; otherwise it is closed as satisfied.
     */
    Change<ComplaintFollowUps> answer(
            ComplaintFollowUps current,
            String resolutionId,
            boolean satisfied,
            int score,
            String comment,
            Servqual servqual,
            String by,
            String channel,
            Instant now) {
        FollowUp pending = current.pending();
        if (pending == null || (resolutionId != null && !pending.resolutionId().equals(resolutionId))) {
            throw new NoPendingFollowUpException(current.complaintId());
        }
        boolean unhappy = !satisfied || score <= policy.get().policy().reopenAtOrBelowScore();
        Outcome outcome = unhappy ? Outcome.REOPENED : Outcome.CLOSED;
        FollowUp answered =
                pending.withResult(new Result(satisfied, score, comment, by, now, outcome, servqual, channel));
        ComplaintFollowUps next =
                new ComplaintFollowUps(current.complaintId(), null, current.doneWith(answered), current.rootCauses());
        FollowUpRecorded recorded = new FollowUpRecorded(current.complaintId(), now, satisfied, score, comment, by);
        return unhappy
                ? Change.of(
                        next,
                        recorded,
                        new ComplaintReopened(
                                current.complaintId(),
                                now,
                                reason(satisfied, score, comment, channel),
                                pending.resolvedBy()))
                : Change.of(next, recorded, new ComplaintClosed(current.complaintId(), now, ClosureOutcome.SATISFIED));
    }

    /**
     * A call that reached nobody. After {@code maxAttempts} of them the complaint is closed as "no response".
     */
    Change<ComplaintFollowUps> unansweredCall(ComplaintFollowUps current, Instant now) {
        if (current.pending() == null) throw new NoPendingFollowUpException(current.complaintId());
        FollowUp called = current.pending().withUnansweredCall();
        if (called.unansweredCalls() >= policy.get().policy().maxAttempts()) return noResponse(current, called, now);
        return Change.of(current.withPending(called, current.nextAt()));
    }

    /**
     * What the clock brings: a follow-up that has come due gets its one survey link (never a second for the same
     * resolution); one still unanswered {@code noResponseAfter} past its due time is closed as "no response".
     * Null when there is nothing to do yet.
     */
    Change<ComplaintFollowUps> tick(ComplaintFollowUps current, Instant now) {
        FollowUp pending = current.pending();
        if (pending == null) {
            return current.nextAt() == null ? null : Change.of(current.withPending(null, null));
        }
        Instant giveUpAt = pending.due().plus(policy.get().policy().noResponseAfter());
        if (!now.isBefore(giveUpAt)) return noResponse(current, pending, now);
        if (pending.surveySentAt() == null && !now.isBefore(pending.due())) {
            SurveyTokens.Link link = tokens.issue(current.complaintId(), pending.resolutionId(), now);
            FollowUp sent = pending.withSurvey(now, link.url(), link.expiresAt());
            return Change.of(
                    current.withPending(sent, giveUpAt),
                    new SurveySent(current.complaintId(), now, pending.resolutionId(), link.url(), link.expiresAt()));
        }
        Instant next = pending.surveySentAt() == null ? pending.due() : giveUpAt;
        return next.equals(current.nextAt()) ? null : Change.of(current.withPending(pending, next));
    }

    private static Change<ComplaintFollowUps> noResponse(ComplaintFollowUps current, FollowUp pending, Instant now) {
        FollowUp closed =
                pending.withResult(new Result(false, 0, null, SYSTEM, now, Outcome.NO_RESPONSE, null, "NONE"));
        ComplaintFollowUps next =
                new ComplaintFollowUps(current.complaintId(), null, current.doneWith(closed), current.rootCauses());
        return Change.of(next, new ComplaintClosed(current.complaintId(), now, ClosureOutcome.NO_RESPONSE));
    }

    static Outcome outcomeOf(ComplaintFollowUps after) {
        return after.done().get(after.done().size() - 1).result().outcome();
    }

    private static String reason(boolean satisfied, int score, String comment, String channel) {
        String reason = ("SURVEY".equals(channel) ? "Survey: " : "Follow-up: ")
                + (satisfied ? "satisfied" : "not satisfied") + ", score " + score + "/5";
        return comment == null || comment.isBlank() ? reason : reason + ", comment: \"" + comment.strip() + "\"";
    }
}

package io.firebreak.feedback.followup;

import io.firebreak.events.ClosureOutcome;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FeedbackEvents.FollowUpRecorded;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.feedback.followup.ComplaintFollowUps.FollowUp;
import io.firebreak.feedback.followup.ComplaintFollowUps.Result;
import io.firebreak.feedback.rootcause.RootCauseRecord;
import io.firebreak.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What feedback decides, free of storage and messaging: a resolution gets one pending follow-up and its root
 * cause is counted; the customer's answer closes the complaint or, when unhappy, reopens it.
 */
@Component
class FollowUpDecisions {

    private final int reopenAtOrBelowScore;

    FollowUpDecisions(FeedbackProperties properties) {
        this.reopenAtOrBelowScore = properties.followUp().reopenAtOrBelowScore();
    }

    /** A new resolution: its follow-up is pending and its root cause recorded. Null for one already known. */
    Change<ComplaintFollowUps> resolved(ComplaintFollowUps current, String resolutionId, CaseResolved resolved,
            Instant now) {
        if (current.knowsResolution(resolutionId)) return null;
        FollowUp followUp = new FollowUp(resolutionId, resolved.occurredAt(), resolved.by(), resolved.summary(),
                resolved.rootCause(), resolved.department(), null);
        // A follow-up still pending belongs to an older resolution: it is kept, unanswered.
        List<FollowUp> done = current.pending() == null ? current.done() : current.doneWith(current.pending());
        RootCauseRecord cause = RootCauseRecord.of(resolutionId, resolved);
        ComplaintFollowUps next = new ComplaintFollowUps(current.complaintId(), followUp, done,
                current.rootCausesWith(cause));
        return Change.of(next, cause.recorded(current.complaintId(), now));
    }

    /**
     * Records the answer to the pending follow-up. Unhappy (not satisfied, or a score at or below the threshold)
     * reopens the complaint; otherwise it is closed as satisfied.
     */
    Change<ComplaintFollowUps> record(ComplaintFollowUps current, boolean satisfied, int score, String comment,
            String by, Instant now) {
        if (current.pending() == null) throw new NoPendingFollowUpException(current.complaintId());
        boolean unhappy = !satisfied || score <= reopenAtOrBelowScore;
        Outcome outcome = unhappy ? Outcome.REOPENED : Outcome.CLOSED;
        FollowUp answered = current.pending().withResult(new Result(satisfied, score, comment, by, now, outcome));
        ComplaintFollowUps next = new ComplaintFollowUps(current.complaintId(), null, current.doneWith(answered),
                current.rootCauses());
        FollowUpRecorded recorded = new FollowUpRecorded(current.complaintId(), now, satisfied, score, comment, by);
        return unhappy
                ? Change.of(next, recorded, new ComplaintReopened(current.complaintId(), now,
                        reason(satisfied, score, comment)))
                : Change.of(next, recorded, new ComplaintClosed(current.complaintId(), now, ClosureOutcome.SATISFIED));
    }

    static Outcome outcomeOf(ComplaintFollowUps after) {
        return after.done().get(after.done().size() - 1).result().outcome();
    }

    private static String reason(boolean satisfied, int score, String comment) {
        String reason = "Follow-up: " + (satisfied ? "satisfied" : "not satisfied") + ", score " + score + "/5";
        return comment == null || comment.isBlank() ? reason : reason + ", comment: \"" + comment.strip() + "\"";
    }
}

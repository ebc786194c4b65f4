package io.firebreak.feedback.followup;

import io.firebreak.feedback.rootcause.RootCauseRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The follow-ups (回访) of one complaint as stored: the one pending for its latest resolution, if any, the
 * earlier ones, and the root cause of every resolution. A follow-up is keyed by its resolution (the id of the
 * {@code case.resolved} event), so each resolution is followed up once. Public, as are its parts, only because
 * the MongoDB record codec cannot reach a package-private record.
 */
public record ComplaintFollowUps(
        String complaintId, FollowUp pending, List<FollowUp> done, List<RootCauseRecord> rootCauses) {

    public ComplaintFollowUps {
        done = done == null ? List.of() : List.copyOf(done);
        rootCauses = rootCauses == null ? List.of() : List.copyOf(rootCauses);
    }

    /** A complaint with an open case and nothing resolved yet. */
    static ComplaintFollowUps known(String complaintId) {
        return new ComplaintFollowUps(complaintId, null, List.of(), List.of());
    }

    boolean knowsResolution(String resolutionId) {
        return (pending != null && pending.resolutionId().equals(resolutionId))
                || done.stream().anyMatch(f -> f.resolutionId().equals(resolutionId));
    }

    List<FollowUp> doneWith(FollowUp followUp) {
        List<FollowUp> more = new ArrayList<>(done);
        more.add(followUp);
        return more;
    }

    List<RootCauseRecord> rootCausesWith(RootCauseRecord record) {
        List<RootCauseRecord> more = new ArrayList<>(rootCauses);
        more.add(record);
        return more;
    }

    /**
     * The follow-up of one resolution: what was done and by whom, and, once recorded, the customer's answer.
     * One left without an answer when a newer resolution came is kept in {@code done} with a null result.
     */
    public record FollowUp(
            String resolutionId,
            Instant resolvedAt,
            String resolvedBy,
            String summary,
            String rootCause,
            String department,
            Result result) {

        FollowUp withResult(Result answer) {
            return new FollowUp(resolutionId, resolvedAt, resolvedBy, summary, rootCause, department, answer);
        }
    }

    /** The customer's answer: satisfied or not, CSAT 1–5, a comment, who recorded it, and what it led to. */
    public record Result(boolean satisfied, int score, String comment, String by, Instant at, Outcome outcome) {}
}

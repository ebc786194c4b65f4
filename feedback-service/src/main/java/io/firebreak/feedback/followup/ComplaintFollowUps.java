package io.firebreak.feedback.followup;

import io.firebreak.events.IntakeEvents.PersonalDataErased;
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
        String complaintId, FollowUp pending, List<FollowUp> done, List<RootCauseRecord> rootCauses, Instant nextAt) {

    public ComplaintFollowUps {
        done = done == null ? List.of() : List.copyOf(done);
        rootCauses = rootCauses == null ? List.of() : List.copyOf(rootCauses);
    }

    /** Without a time to look again (nothing pending, or nothing to do until someone answers). */
    public ComplaintFollowUps(
            String complaintId, FollowUp pending, List<FollowUp> done, List<RootCauseRecord> rootCauses) {
        this(complaintId, pending, done, rootCauses, null);
    }

    /** A complaint with an open case and nothing resolved yet. */
    static ComplaintFollowUps known(String complaintId) {
        return new ComplaintFollowUps(complaintId, null, List.of(), List.of());
    }

    ComplaintFollowUps withPending(FollowUp followUp, Instant next) {
        return new ComplaintFollowUps(complaintId, followUp, done, rootCauses, next);
    }

    /** What stands where free text was before the customer's personal data was erased. */
    static final String ERASED = PersonalDataErased.MARKER;

    /**
     * With the free texts that may name or quote the customer erased (the resolutions' summaries and the customer's
     * comments); scores, outcomes, root causes and times stay, for the reports.
     */
    ComplaintFollowUps erasing() {
        return new ComplaintFollowUps(
                complaintId,
                erasing(pending),
                done.stream().map(ComplaintFollowUps::erasing).toList(),
                rootCauses,
                nextAt);
    }

    private static FollowUp erasing(FollowUp f) {
        if (f == null) return null;
        Result r = f.result();
        Result erased = r == null
                ? null
                : new Result(
                        r.satisfied(),
                        r.score(),
                        r.comment() == null ? null : ERASED,
                        r.by(),
                        r.at(),
                        r.outcome(),
                        r.servqual(),
                        r.channel());
        return new FollowUp(
                f.resolutionId(),
                f.resolvedAt(),
                f.resolvedBy(),
                f.summary() == null ? null : ERASED,
                f.rootCause(),
                f.department(),
                erased,
                f.dueAt(),
                f.surveySentAt(),
                f.surveyLink(),
                f.surveyExpiresAt(),
                f.unansweredCalls(),
                f.policyVersion());
    }

    /** The follow-up of this resolution, pending or done, if any. */
    FollowUp followUpOf(String resolutionId) {
        if (pending != null && pending.resolutionId().equals(resolutionId)) return pending;
        return done.stream()
                .filter(f -> f.resolutionId().equals(resolutionId))
                .findFirst()
                .orElse(null);
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
     * The follow-up of one resolution: what was done and by whom, when it is due, the survey sent for it and the
     * calls that reached nobody, and, once recorded, the customer's answer; {@code policyVersion} the follow-up
     * policy it was planned with. One left without an answer when a newer resolution came is kept in {@code done}
     * with a null result.
     */
    public record FollowUp(
            String resolutionId,
            Instant resolvedAt,
            String resolvedBy,
            String summary,
            String rootCause,
            String department,
            Result result,
            Instant dueAt,
            Instant surveySentAt,
            String surveyLink,
            Instant surveyExpiresAt,
            int unansweredCalls,
            String policyVersion) {

        public FollowUp(
                String resolutionId,
                Instant resolvedAt,
                String resolvedBy,
                String summary,
                String rootCause,
                String department,
                Result result) {
            this(
                    resolutionId,
                    resolvedAt,
                    resolvedBy,
                    summary,
                    rootCause,
                    department,
                    result,
                    resolvedAt,
                    null,
                    null,
                    null,
                    0,
                    null);
        }

        FollowUp withResult(Result answer) {
            return new FollowUp(
                    resolutionId,
                    resolvedAt,
                    resolvedBy,
                    summary,
                    rootCause,
                    department,
                    answer,
                    dueAt,
                    surveySentAt,
                    surveyLink,
                    surveyExpiresAt,
                    unansweredCalls,
                    policyVersion);
        }

        FollowUp withSurvey(Instant sentAt, String link, Instant expiresAt) {
            return new FollowUp(
                    resolutionId,
                    resolvedAt,
                    resolvedBy,
                    summary,
                    rootCause,
                    department,
                    result,
                    dueAt,
                    sentAt,
                    link,
                    expiresAt,
                    unansweredCalls,
                    policyVersion);
        }

        FollowUp withUnansweredCall() {
            return new FollowUp(
                    resolutionId,
                    resolvedAt,
                    resolvedBy,
                    summary,
                    rootCause,
                    department,
                    result,
                    dueAt,
                    surveySentAt,
                    surveyLink,
                    surveyExpiresAt,
                    unansweredCalls + 1,
                    policyVersion);
        }

        /** The effective due time (older documents have none: due at resolution). */
        Instant due() {
            return dueAt == null ? resolvedAt : dueAt;
        }
    }

    /**
     * The customer's answer: satisfied or not (for a survey: "was it resolved?"), CSAT 1–5, a comment, who
     * recorded it (an agent, or {@code survey}), when, what it led to, and the optional SERVQUAL ratings.
     * A follow-up closed for want of an answer has a result with score 0 and outcome NO_RESPONSE.
     */
    public record Result(
            boolean satisfied,
            int score,
            String comment,
            String by,
            Instant at,
            Outcome outcome,
            Servqual servqual,
            String channel) {

        public Result(boolean satisfied, int score, String comment, String by, Instant at, Outcome outcome) {
            this(satisfied, score, comment, by, at, outcome, null, "AGENT");
        }
    }

    /**
     * The five SERVQUAL dimensions (有形性, 可靠性, 响应性, 保证性, 移情性), each rated 1–5 or left out (null).
     */
    public record Servqual(
            Integer tangibles, Integer reliability, Integer responsiveness, Integer assurance, Integer empathy) {}
}

package io.firebreak.triage.decision;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.TriageEvents.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The triage of one complaint as stored: the current class with every reason it ever got, the owners and due
 * times, the history of classifications, and re-triage triggers that arrived before the complaint itself.
 * A document with only {@code waiting} set is a complaint not yet received. Public, as are its parts, only
 * because the MongoDB record codec reads components reflectively and cannot reach a package-private record.
 */
public record ComplaintTriage(
        String complaintId,
        Instant receivedAt,
        EmotionLevel emotion,
        ComplaintClass complaintClass,
        List<Reason> reasons,
        String ruleSetVersion,
        String primaryDepartment,
        List<String> secondaryDepartments,
        Instant firstResponseDue,
        Instant resolutionDue,
        List<ClassificationStep> history,
        List<Retriage> waiting) {

    public ComplaintTriage {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        secondaryDepartments = secondaryDepartments == null ? List.of() : List.copyOf(secondaryDepartments);
        history = history == null ? List.of() : List.copyOf(history);
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
    }

    /** A complaint not received yet, holding a re-triage until it is. */
    static ComplaintTriage waitingFor(String complaintId, Retriage retriage) {
        return new ComplaintTriage(complaintId, null, null, null, null, null, null, null, null, null, null,
                List.of(retriage));
    }

    boolean triaged() {
        return complaintClass != null;
    }

    ComplaintTriage withWaiting(Retriage retriage) {
        List<Retriage> more = new ArrayList<>(waiting);
        more.add(retriage);
        return new ComplaintTriage(complaintId, receivedAt, emotion, complaintClass, reasons, ruleSetVersion,
                primaryDepartment, secondaryDepartments, firstResponseDue, resolutionDue, history, more);
    }

    /** One classification in the complaint's life: what it became, from what, why, and what set it off. */
    public record ClassificationStep(
            Instant at,
            ComplaintClass complaintClass,
            ComplaintClass previousClass,
            List<Reason> reasons,
            String trigger,
            String ruleSetVersion) {}

    /** A later event that re-triages the complaint: its wire type, when it happened, and the reason it adds. */
    public record Retriage(String trigger, Instant at, Reason reason) {}
}

package io.firebreak.triage.decision;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.TriageEvents.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The triage of one complaint as stored: the current class with every reason it ever got, the departments, the owner
 * and due times, the history of classifications, and re-triage triggers that arrived before the complaint itself.
 * {@code open} is true while the complaint counts in its owner's load: assigned (or reopened) after it was last
 * resolved or closed. A document with only {@code waiting} set is a complaint not yet received. {@code text} is the
 * customer's words as received (what a correction keeps as a labelled example); {@code review}, whether a person
 * should look at the class and what they made of it. Public, as are its
 * parts, only because the MongoDB record codec reads components reflectively and cannot reach a package-private
 * record.
 */
public record ComplaintTriage(
        String complaintId,
        Instant receivedAt,
        EmotionLevel emotion,
        CustomerStage stage,
        List<String> earlierComplaintIds,
        String language,
        ComplaintClass complaintClass,
        List<Reason> reasons,
        String ruleSetVersion,
        String routingVersion,
        String primaryDepartment,
        List<String> secondaryDepartments,
        String owner,
        Instant firstResponseDue,
        Instant resolutionDue,
        boolean open,
        Instant assignedAt,
        Instant settledAt,
        List<ClassificationStep> history,
        List<Retriage> waiting,
        String text,
        Review review) {

    public ComplaintTriage {
        earlierComplaintIds = earlierComplaintIds == null ? List.of() : List.copyOf(earlierComplaintIds);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        secondaryDepartments = secondaryDepartments == null ? List.of() : List.copyOf(secondaryDepartments);
        history = history == null ? List.of() : List.copyOf(history);
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
    }

    /** A complaint not received yet, holding a re-triage until it is. */
    static ComplaintTriage waitingFor(String complaintId, Retriage retriage) {
        return new ComplaintTriage(
                complaintId,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                List.of(retriage),
                null,
                null);
    }

    boolean triaged() {
        return complaintClass != null;
    }

    /**
     * The class a person gave these words, if one did: the last reclassification's; else, when a supervisor confirmed
     * the class under review, the class it had then (a later re-triage by the rules is not theirs).
     */
    public Optional<ComplaintClass> classByPerson() {
        ComplaintClass reclassified = null;
        ComplaintClass atReview = null;
        for (ClassificationStep step : history) {
            if (TriageDecisions.RECLASSIFIED.equals(step.trigger())) reclassified = step.complaintClass();
            if (review != null && review.at() != null && !step.at().isAfter(review.at())) {
                atReview = step.complaintClass();
            }
        }
        if (reclassified != null) return Optional.of(reclassified);
        if (review != null && Review.CONFIRMED.equals(review.outcome())) {
            return Optional.of(atReview != null ? atReview : complaintClass);
        }
        return Optional.empty();
    }

    ComplaintTriage withWaiting(Retriage retriage) {
        List<Retriage> more = new ArrayList<>(waiting);
        more.add(retriage);
        return new ComplaintTriage(
                complaintId,
                receivedAt,
                emotion,
                stage,
                earlierComplaintIds,
                language,
                complaintClass,
                reasons,
                ruleSetVersion,
                routingVersion,
                primaryDepartment,
                secondaryDepartments,
                owner,
                firstResponseDue,
                resolutionDue,
                open,
                assignedAt,
                settledAt,
                history,
                more,
                text,
                review);
    }

    /** The customer's state as last read: nothing else changes. */
    ComplaintTriage withCustomer(EmotionLevel newEmotion, CustomerStage newStage) {
        return new ComplaintTriage(
                complaintId,
                receivedAt,
                newEmotion,
                newStage,
                earlierComplaintIds,
                language,
                complaintClass,
                reasons,
                ruleSetVersion,
                routingVersion,
                primaryDepartment,
                secondaryDepartments,
                owner,
                firstResponseDue,
                resolutionDue,
                open,
                assignedAt,
                settledAt,
                history,
                waiting,
                text,
                review);
    }

    /** With what a person made of the class. */
    ComplaintTriage withReview(Review newReview) {
        return new ComplaintTriage(
                complaintId,
                receivedAt,
                emotion,
                stage,
                earlierComplaintIds,
                language,
                complaintClass,
                reasons,
                ruleSetVersion,
                routingVersion,
                primaryDepartment,
                secondaryDepartments,
                owner,
                firstResponseDue,
                resolutionDue,
                open,
                assignedAt,
                settledAt,
                history,
                waiting,
                text,
                newReview);
    }

    /** Whether the complaint waits for a person to look at its class. */
    boolean reviewPending() {
        return review != null && review.pending();
    }

    /** What stands where the customer's words were quoted before their personal data was erased. */
    static final String ERASED = PersonalDataErased.MARKER;

    /**
     * With the customer's words no longer quoted: the evidence of every reason, now and in the history, and the text
     * of re-triages still waiting, erased; the classes, rules and times stay.
     */
    ComplaintTriage erasing() {
        return new ComplaintTriage(
                complaintId,
                receivedAt,
                emotion,
                stage,
                earlierComplaintIds,
                language,
                complaintClass,
                erased(reasons),
                ruleSetVersion,
                routingVersion,
                primaryDepartment,
                secondaryDepartments,
                owner,
                firstResponseDue,
                resolutionDue,
                open,
                assignedAt,
                settledAt,
                history.stream()
                        .map(h -> new ClassificationStep(
                                h.at(),
                                h.complaintClass(),
                                h.previousClass(),
                                erased(h.reasons()),
                                h.trigger(),
                                h.ruleSetVersion(),
                                h.routingVersion(),
                                h.owner(),
                                h.slaVersion()))
                        .toList(),
                waiting.stream()
                        .map(w -> new Retriage(
                                w.trigger(),
                                w.at(),
                                w.reason() == null ? null : w.reason().withoutEvidence(ERASED),
                                w.text() == null ? null : ERASED,
                                w.emotion(),
                                w.stage()))
                        .toList(),
                text == null ? null : ERASED,
                review == null ? null : review.erasing());
    }

    private static List<Reason> erased(List<Reason> reasons) {
        return reasons == null
                ? null
                : reasons.stream().map(r -> r.withoutEvidence(ERASED)).toList();
    }

    /** Resolved or closed at {@code at}: it leaves its owner's load unless assigned again later. */
    ComplaintTriage settled(Instant at) {
        Instant latest = settledAt == null || at.isAfter(settledAt) ? at : settledAt;
        return new ComplaintTriage(
                complaintId,
                receivedAt,
                emotion,
                stage,
                earlierComplaintIds,
                language,
                complaintClass,
                reasons,
                ruleSetVersion,
                routingVersion,
                primaryDepartment,
                secondaryDepartments,
                owner,
                firstResponseDue,
                resolutionDue,
                isOpen(assignedAt, latest),
                assignedAt,
                latest,
                history,
                waiting,
                text,
                review);
    }

    /** Whether an assignment at {@code assigned} is still open after a settlement at {@code settled}. */
    static boolean isOpen(Instant assigned, Instant settled) {
        return settled == null || assigned != null && assigned.isAfter(settled);
    }

    /**
     * One classification in the complaint's life: what it became, from what, why, what set it off, and the versions
     * of the rule set, routing table and SLA targets it was decided with ({@code slaVersion} absent on steps stored
     * before the SLA targets were versioned).
     */
    public record ClassificationStep(
            Instant at,
            ComplaintClass complaintClass,
            ComplaintClass previousClass,
            List<Reason> reasons,
            String trigger,
            String ruleSetVersion,
            String routingVersion,
            String owner,
            String slaVersion) {}

    /**
     * Whether a person should look at the class, and what they made of it. {@code doubts}: why the readers were not
     * sure (no department's words found, alarming words discounted as negated or in an everyday sense, intake reading
     * a signal triage did not act on); none means high confidence. {@code pending} while a supervisor has not looked
     * at a doubtful class; {@code outcome} CONFIRMED or RECLASSIFIED, by whom, when, and why.
     */
    public record Review(List<String> doubts, boolean pending, String outcome, String by, Instant at, String reason) {

        public static final String CONFIRMED = "CONFIRMED";
        public static final String RECLASSIFIED = "RECLASSIFIED";

        public Review {
            doubts = doubts == null ? List.of() : List.copyOf(doubts);
        }

        /** The doubts of a new classification: a review waits when there are any. */
        static Review of(List<String> doubts) {
            return new Review(doubts, !doubts.isEmpty(), null, null, null, null);
        }

        /** HIGH when the readers had no doubt, LOW otherwise. */
        public String confidence() {
            return doubts.isEmpty() ? "HIGH" : "LOW";
        }

        Review decided(String how, String who, Instant when, String why) {
            return new Review(doubts, false, how, who, when, why);
        }

        Review erasing() {
            return new Review(
                    doubts.stream().map(d -> ERASED).toList(),
                    pending,
                    outcome,
                    by,
                    at,
                    reason == null ? null : ERASED);
        }
    }

    /**
     * A later event that re-triages the complaint: its wire type, when it happened, and what it brings: a reason
     * (reopened, breached, the emotion's rise), the words of a later message, the customer's new emotion and stage.
     */
    public record Retriage(
            String trigger, Instant at, Reason reason, String text, EmotionLevel emotion, CustomerStage stage) {

        public Retriage(String trigger, Instant at, Reason reason) {
            this(trigger, at, reason, null, null, null);
        }
    }
}

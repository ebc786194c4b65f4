package io.firebreak.triage.decision;

import com.mongodb.client.model.Indexes;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.security.StaffScope;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.PageCursor;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.triage.classification.SemanticReader;
import io.firebreak.triage.decision.ComplaintTriage.ClassificationStep;
import io.firebreak.triage.decision.ComplaintTriage.Review;
import io.firebreak.triage.settings.SettingsStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Triage as people see and correct it: {@code GET /api/v1/triage/{complaintId}}, the classification of a complaint
 * with its history and its confidence; {@code POST /{complaintId}/reclassify}, a person's correction of the class;
 * {@code GET /review}, the complaints whose class the readers doubted, for a supervisor to look at, oldest first;
 * {@code POST /{complaintId}/review}, a supervisor confirming a doubtful class.
 */
@RestController
@RequestMapping("/api/v1/triage")
class TriageController {

    private static final int LIST_LIMIT = 200;

    /** The review queue's order: the longest waiting first (by receipt, then id). */
    private static final AggregateStore.SortKey<ComplaintTriage> LONGEST_WAITING =
            AggregateStore.SortKey.time("receivedAt", false, ComplaintTriage::receivedAt);

    private final AggregateStore<ComplaintTriage> store;
    private final TriageDecisions decisions;
    private final SettingsStore settings;
    private final Workload workload;
    private final SemanticReader reader;

    TriageController(
            AggregateStore<ComplaintTriage> store,
            TriageDecisions decisions,
            SettingsStore settings,
            Workload workload,
            SemanticReader reader) {
        this.store = store;
        this.decisions = decisions;
        this.settings = settings;
        this.workload = workload;
        this.reader = reader;
        store.collection().createIndex(Indexes.ascending("review.pending", "receivedAt"));
    }

    @GetMapping("/{complaintId}")
    TriageView get(@PathVariable String complaintId) {
        return TriageView.of(triaged(complaintId));
    }

    /** A correction: the class a person says it is, and why. */
    record Reclassification(
            @NotNull ComplaintClass complaintClass,
            @NotBlank @Size(max = 1000) String reason) {}

    /**
     * A person corrects the class. Any member of staff may raise it (a calm report of a gas smell is MAJOR whoever
     * reads it first); only a supervisor of the complaint's department may lower it, since a lowered class lengthens
     * the clocks and stands down the attention a higher one brought. 409 when it is that class already.
     */
    @PostMapping("/{complaintId}/reclassify")
    TriageView reclassify(
            @PathVariable String complaintId, @RequestBody @Valid Reclassification request, Authentication who) {
        ComplaintTriage current = triaged(complaintId);
        if (current.complaintClass() == request.complaintClass()) {
            throw ProblemException.conflict("The complaint is " + current.complaintClass() + " already.");
        }
        boolean lowering = ComplaintClass.mostSevere(current.complaintClass(), request.complaintClass())
                == current.complaintClass();
        if (lowering && !Roles.has(who, Roles.SUPERVISOR)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "Only a supervisor may lower a class (" + current.complaintClass() + " to "
                            + request.complaintClass() + "); raise it, or ask one.");
        }
        if (lowering) StaffScope.require(who, current.primaryDepartment(), "lower the class of complaints");
        TriageView corrected = change(complaintId, t -> {
            if (t.complaintClass() == request.complaintClass()) {
                throw ProblemException.conflict("The complaint is " + t.complaintClass() + " already.");
            }
            return decisions.reclassify(
                    t, request.complaintClass(), who.getName(), request.reason().strip(), settings.current(), workload);
        });
        // The corrected words are a labelled example from now on: the semantic reader compares with them.
        if (!PersonalDataErased.MARKER.equals(current.text())) {
            reader.learn(current.text(), request.complaintClass(), SemanticReader.correctionOf(complaintId));
        }
        return corrected;
    }

    /** The complaints whose class waits for a supervisor's look, the longest waiting first. */
    @GetMapping("/review")
    Page<TriageView> review(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > LIST_LIMIT) {
            throw ProblemException.badRequest("limit", "must be a number between 1 and " + LIST_LIMIT);
        }
        return store.page(new Document("review.pending", true), LONGEST_WAITING, PageCursor.parameter(cursor), size)
                .map(v -> TriageView.of(v.value()));
    }

    /** A supervisor's look at a doubtful class: {@code CONFIRM} it (to change it, reclassify). */
    record ReviewDecision(
            @NotNull Decision decision, @Size(max = 1000) String note) {
        enum Decision {
            CONFIRM
        }
    }

    @PostMapping("/{complaintId}/review")
    TriageView confirm(
            @PathVariable String complaintId, @RequestBody @Valid ReviewDecision request, Authentication who) {
        ComplaintTriage current = triaged(complaintId);
        StaffScope.require(who, current.primaryDepartment(), "review the class of complaints");
        TriageView confirmed = change(complaintId, t -> {
            if (!t.reviewPending()) {
                throw ProblemException.conflict("No review of complaint " + complaintId + " is waiting"
                        + (t.review() == null || t.review().outcome() == null
                                ? "."
                                : ": " + t.review().outcome() + " by "
                                        + t.review().by() + "."));
            }
            return Change.of(decisions.confirm(t, who.getName(), request.note()));
        });
        // A class a supervisor looked at and kept is a labelled example too, as a corrected one is.
        if (!PersonalDataErased.MARKER.equals(current.text())) {
            reader.learn(current.text(), confirmed.complaintClass(), SemanticReader.correctionOf(complaintId));
        }
        return confirmed;
    }

    private TriageView change(
            String complaintId, java.util.function.Function<ComplaintTriage, Change<ComplaintTriage>> decide) {
        return store.update(complaintId, stored -> decide.apply(stored.value()))
                .map(v -> TriageView.of(v.value()))
                .orElseThrow(() -> ProblemException.notFound("Complaint", complaintId));
    }

    private ComplaintTriage triaged(String complaintId) {
        return store.find(complaintId)
                .map(v -> v.value())
                .filter(ComplaintTriage::triaged)
                .orElseThrow(() -> ProblemException.notFound("Complaint", complaintId));
    }

    /** The decision as an agent sees it, with how sure the readers were and what a person made of it. */
    record TriageView(
            String complaintId,
            ComplaintClass complaintClass,
            List<Reason> reasons,
            String ruleSetVersion,
            String routingVersion,
            EmotionLevel emotion,
            CustomerStage stage,
            List<String> earlierComplaintIds,
            String primaryDepartment,
            List<String> secondaryDepartments,
            String owner,
            boolean open,
            Instant receivedAt,
            Instant firstResponseDue,
            Instant resolutionDue,
            String confidence,
            Review review,
            List<ClassificationStep> history) {

        static TriageView of(ComplaintTriage t) {
            Review review = t.review() == null ? new Review(List.of(), false, null, null, null, null) : t.review();
            return new TriageView(
                    t.complaintId(),
                    t.complaintClass(),
                    t.reasons(),
                    t.ruleSetVersion(),
                    t.routingVersion(),
                    t.emotion(),
                    t.stage(),
                    t.earlierComplaintIds(),
                    t.primaryDepartment(),
                    t.secondaryDepartments(),
                    t.owner(),
                    t.open(),
                    t.receivedAt(),
                    t.firstResponseDue(),
                    t.resolutionDue(),
                    review.confidence(),
                    review,
                    t.history());
        }
    }
}

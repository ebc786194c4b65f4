package io.firebreak.triage.decision;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.triage.decision.ComplaintTriage.ClassificationStep;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/triage/{complaintId}}: the classification decision of a complaint, with its history. */
@RestController
@RequestMapping("/api/v1/triage")
class TriageController {

    private final AggregateStore<ComplaintTriage> store;

    TriageController(AggregateStore<ComplaintTriage> store) {
        this.store = store;
    }

    @GetMapping("/{complaintId}")
    TriageView get(@PathVariable String complaintId) {
        return store.find(complaintId)
                .map(v -> v.value())
                .filter(ComplaintTriage::triaged)
                .map(TriageView::of)
                .orElseThrow(() -> ProblemException.notFound("Complaint", complaintId));
    }

    /** The decision as an agent sees it. */
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
            List<ClassificationStep> history) {

        static TriageView of(ComplaintTriage t) {
            return new TriageView(t.complaintId(), t.complaintClass(), t.reasons(), t.ruleSetVersion(),
                    t.routingVersion(), t.emotion(), t.stage(), t.earlierComplaintIds(), t.primaryDepartment(),
                    t.secondaryDepartments(), t.owner(), t.open(), t.receivedAt(), t.firstResponseDue(),
                    t.resolutionDue(), t.history());
        }
    }
}

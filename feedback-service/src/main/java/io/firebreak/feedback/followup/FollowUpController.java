package io.firebreak.feedback.followup;

import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.model.Sorts;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.feedback.followup.ComplaintFollowUps.FollowUp;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records the customer's answer to a follow-up, and lists the follow-ups an agent still has to make. */
@RestController
@PreAuthorize("hasRole('AGENT')")
class FollowUpController {

    private final AggregateStore<ComplaintFollowUps> store;
    private final FollowUpDecisions decisions;
    private final Clock clock;
    private final int listLimit;

    FollowUpController(AggregateStore<ComplaintFollowUps> store, FollowUpDecisions decisions, Clock clock,
            FeedbackProperties properties) {
        this.store = store;
        this.decisions = decisions;
        this.clock = clock;
        this.listLimit = properties.followUp().listLimit();
    }

    @PostMapping("/api/v1/complaints/{complaintId}/follow-up")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUpRecordedView record(@PathVariable String complaintId, @RequestBody @Valid FollowUpRequest request,
            Principal principal) {
        return store.update(complaintId, stored -> decisions.record(stored.value(), request.satisfied(),
                        request.score(), request.comment(), principal.getName(), clock.instant()))
                .map(v -> new FollowUpRecordedView(complaintId, FollowUpDecisions.outcomeOf(v.value())))
                .orElseThrow(() -> ProblemException.notFound("Complaint", complaintId));
    }

    /** Pending follow-ups, the longest-waiting first. */
    @GetMapping("/api/v1/follow-ups")
    List<PendingView> pending() {
        return store.findAll(exists("pending.resolutionId"), Sorts.ascending("pending.resolvedAt"), listLimit)
                .stream()
                .map(v -> PendingView.of(v.value().complaintId(), v.value().pending()))
                .toList();
    }

    @ExceptionHandler(NoPendingFollowUpException.class)
    ResponseEntity<ProblemDetail> noPending(NoPendingFollowUpException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "No follow-up pending", e.getMessage()));
    }

    /** The customer's answer: resolved to their satisfaction or not, CSAT 1–5, and what they said. */
    record FollowUpRequest(
            @NotNull Boolean satisfied, @NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {}

    /** What the answer did to the complaint. */
    record FollowUpRecordedView(String complaintId, Outcome outcome) {}

    /** A follow-up to make: which complaint, what was done, by whom and when. */
    record PendingView(String complaintId, Instant resolvedAt, String resolvedBy, String summary, String rootCause,
            String department) {

        static PendingView of(String complaintId, FollowUp followUp) {
            return new PendingView(complaintId, followUp.resolvedAt(), followUp.resolvedBy(), followUp.summary(),
                    followUp.rootCause(), followUp.department());
        }
    }
}

package io.firebreak.resolution.cases;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.SlaClock;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.platform.web.Problems;
import io.firebreak.resolution.cases.ComplaintCase.Acknowledgement;
import io.firebreak.resolution.cases.ComplaintCase.Resolution;
import io.firebreak.resolution.cases.ComplaintCase.Transition;
import io.firebreak.resolution.rootcause.RootCauseTaxonomy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An agent's commands on a case (acknowledge, resolve) and its current view. */
@RestController
@RequestMapping("/api/v1/cases")
@PreAuthorize("hasRole('AGENT')")
class CaseController {

    private final AggregateStore<ComplaintCase> store;
    private final RootCauseTaxonomy taxonomy;
    private final Clock clock;

    CaseController(AggregateStore<ComplaintCase> store, RootCauseTaxonomy taxonomy, Clock clock) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @GetMapping("/{complaintId}")
    CaseView get(@PathVariable String complaintId) {
        return store.find(complaintId).map(v -> CaseView.of(v.value())).orElseThrow(() -> notFound(complaintId));
    }

    @PostMapping("/{complaintId}/acknowledge")
    CaseView acknowledge(@PathVariable String complaintId,
            @RequestBody(required = false) @Valid AcknowledgeRequest request, Principal principal) {
        String message = request == null ? null : request.message();
        return store.update(complaintId, stored ->
                        CaseDecisions.acknowledge(stored.value(), principal.getName(), message, clock.instant()))
                .map(v -> CaseView.of(v.value()))
                .orElseThrow(() -> notFound(complaintId));
    }

    @PostMapping("/{complaintId}/resolve")
    CaseView resolve(@PathVariable String complaintId, @RequestBody @Valid ResolveRequest request,
            Principal principal) {
        if (!taxonomy.contains(request.rootCause())) {
            throw ProblemException.badRequest("rootCause",
                            "'" + request.rootCause() + "' is not a root cause; one of " + taxonomy.codes())
                    .with("allowed", taxonomy.codes());
        }
        return store.update(complaintId, stored -> CaseDecisions.resolve(stored.value(), principal.getName(),
                        request.summary(), request.rootCause(), clock.instant()))
                .map(v -> CaseView.of(v.value()))
                .orElseThrow(() -> notFound(complaintId));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Conflict with the current state", e.getMessage());
        problem.setProperty("state", e.current().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static ProblemException notFound(String complaintId) {
        return ProblemException.notFound("Case", complaintId);
    }

    /** The first response; the message to the customer is optional. */
    record AcknowledgeRequest(@Size(max = 2000) String message) {}

    /** How the case was resolved, and its root cause (a code of {@code GET /api/v1/root-causes}). */
    record ResolveRequest(@NotBlank @Size(max = 4000) String summary, @NotBlank String rootCause) {}

    /** The case as an agent sees it. */
    record CaseView(
            String complaintId,
            CaseState state,
            String department,
            List<String> secondaryDepartments,
            ComplaintClass complaintClass,
            Instant firstResponseDue,
            Instant resolutionDue,
            List<SlaClock> breached,
            Instant openedAt,
            Acknowledgement acknowledgement,
            Resolution resolution,
            int reopenCount,
            List<Transition> history) {

        static CaseView of(ComplaintCase c) {
            return new CaseView(c.complaintId(), c.state(), c.department(), c.secondaryDepartments(),
                    c.complaintClass(), c.firstResponseDue(), c.resolutionDue(), c.breached(), c.openedAt(),
                    c.acknowledgement(), c.resolution(), c.reopenCount(), c.history());
        }
    }
}

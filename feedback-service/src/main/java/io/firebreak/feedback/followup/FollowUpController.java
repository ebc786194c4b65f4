package io.firebreak.feedback.followup;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;

import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.feedback.followup.ComplaintFollowUps.FollowUp;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.PageCursor;
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
import java.time.format.DateTimeParseException;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records the customer's answer to a follow-up, and lists the follow-ups an agent still has to make. */
@RestController
class FollowUpController {

    private final AggregateStore<ComplaintFollowUps> store;
    private final FollowUpDecisions decisions;
    private final Clock clock;
    private final int listLimit;
    /** The list's order: the longest-waiting first (by the resolution's time, then id). */
    private static final AggregateStore.SortKey<ComplaintFollowUps> LONGEST_WAITING = AggregateStore.SortKey.time(
            "pending.resolvedAt", false, f -> f.pending().resolvedAt());

    FollowUpController(
            AggregateStore<ComplaintFollowUps> store,
            FollowUpDecisions decisions,
            Clock clock,
            FeedbackProperties properties) {
        this.store = store;
        this.decisions = decisions;
        this.clock = clock;
        this.listLimit = properties.followUp().listLimit();
    }

    @PostMapping("/api/v1/complaints/{complaintId}/follow-up")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUpRecordedView record(
            @PathVariable String complaintId, @RequestBody @Valid FollowUpRequest request, Principal principal) {
        return store.update(
                        complaintId,
                        stored -> decisions.answer(
                                stored.value(),
                                null,
                                request.satisfied(),
                                request.score(),
                                request.comment(),
                                request.servqual() == null
                                        ? null
                                        : request.servqual().toServqual(),
                                principal.getName(),
                                "AGENT",
                                clock.instant()))
                .map(v -> new FollowUpRecordedView(complaintId, FollowUpDecisions.outcomeOf(v.value())))
                .orElseThrow(() -> ProblemException.notFound("Complaint", complaintId));
    }

    /** A follow-up call that reached nobody; enough of them close the complaint as "no response". */
    @PostMapping("/api/v1/complaints/{complaintId}/follow-up/unanswered-calls")
    @ResponseStatus(HttpStatus.CREATED)
    UnansweredCallView unansweredCall(@PathVariable String complaintId) {
        ComplaintFollowUps before = store.find(complaintId)
                .orElseThrow(() -> ProblemException.notFound("Complaint", complaintId))
                .value();
        ComplaintFollowUps after = store.update(
                        complaintId, stored -> decisions.unansweredCall(stored.value(), clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("Complaint", complaintId))
                .value();
        if (after.pending() != null) {
            return new UnansweredCallView(complaintId, after.pending().unansweredCalls(), null);
        }
        int calls = before.pending() == null ? 0 : before.pending().unansweredCalls() + 1;
        return new UnansweredCallView(complaintId, calls, FollowUpDecisions.outcomeOf(after));
    }

    /**
     * Pending follow-ups, the longest-waiting first. {@code due}: only those due by then ({@code true} or
     * {@code now}: due now; or an ISO-8601 instant).
     */
    @GetMapping("/api/v1/follow-ups")
    Page<PendingView> pending(
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        int size = listLimit;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > listLimit) {
                throw ProblemException.badRequest("limit", "must be a number between 1 and " + listLimit);
            }
        }
        PageCursor after = PageCursor.parameter(cursor);
        // Every pending follow-up has its resolution's time, which the sparse index holds them by.
        Bson filter = exists("pending.resolvedAt");
        if (due != null && !due.isBlank() && !"false".equalsIgnoreCase(due)) {
            filter = and(filter, lte("pending.dueAt", dueBy(due)));
        }
        return store.page(filter, LONGEST_WAITING, after, size)
                .map(v -> PendingView.of(v.value().complaintId(), v.value().pending()));
    }

    private Instant dueBy(String due) {
        if ("true".equalsIgnoreCase(due) || "now".equalsIgnoreCase(due)) return clock.instant();
        try {
            return Instant.parse(due);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    "due",
                    "must be true, now or an ISO-8601 instant such as " + "2026-11-24T09:00:00Z, not '" + due + "'");
        }
    }

    @ExceptionHandler(NoPendingFollowUpException.class)
    ResponseEntity<ProblemDetail> noPending(NoPendingFollowUpException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "No follow-up pending", e.getMessage()));
    }

    /** The customer's answer: resolved to their satisfaction or not, CSAT 1–5, and what they said. */
    record FollowUpRequest(
            @NotNull Boolean satisfied,
            @NotNull @Min(1) @Max(5) Integer score,
            @Size(max = 2000) String comment,
            @Valid ServqualRatings servqual) {}

    /** The five SERVQUAL dimensions, each 1–5 or left out. */
    record ServqualRatings(
            @Min(1) @Max(5) Integer tangibles,
            @Min(1) @Max(5) Integer reliability,
            @Min(1) @Max(5) Integer responsiveness,
            @Min(1) @Max(5) Integer assurance,
            @Min(1) @Max(5) Integer empathy) {

        ComplaintFollowUps.Servqual toServqual() {
            return new ComplaintFollowUps.Servqual(tangibles, reliability, responsiveness, assurance, empathy);
        }
    }

    /** What the answer did to the complaint. */
    record FollowUpRecordedView(String complaintId, Outcome outcome) {}

    /** Unanswered calls so far; the outcome once they closed the complaint as "no response". */
    record UnansweredCallView(String complaintId, int unansweredCalls, Outcome outcome) {}

    /**
     * A follow-up to make: which complaint, what was done, by whom and when, when the call is due, and the survey
     * link sent to the customer (once due).
     */
    record PendingView(
            String complaintId,
            Instant resolvedAt,
            String resolvedBy,
            String summary,
            String rootCause,
            String department,
            Instant dueAt,
            Instant surveySentAt,
            String surveyLink,
            Instant surveyExpiresAt,
            int unansweredCalls,
            String policyVersion) {

        static PendingView of(String complaintId, FollowUp followUp) {
            return new PendingView(
                    complaintId,
                    followUp.resolvedAt(),
                    followUp.resolvedBy(),
                    followUp.summary(),
                    followUp.rootCause(),
                    followUp.department(),
                    followUp.due(),
                    followUp.surveySentAt(),
                    followUp.surveyLink(),
                    followUp.surveyExpiresAt(),
                    followUp.unansweredCalls(),
                    followUp.policyVersion());
        }
    }
}

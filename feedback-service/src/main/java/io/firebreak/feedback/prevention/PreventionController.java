package io.firebreak.feedback.prevention;

import io.firebreak.events.FeedbackEvents.PreventionGroupResolved;
import io.firebreak.feedback.prevention.PreventionAction.Status;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.security.StaffScope;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.PageCursor;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.platform.web.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prevention actions: agents and supervisors see them with the complaints they group and, once done, their
 * effect; supervisors move them along (open → in progress → done, with owner, plan and due date) and resolve the
 * grouped complaints together with one message.
 */
@RestController
class PreventionController {

    private static final int LIST_LIMIT = 200;

    private final AggregateStore<PreventionAction> store;
    private final RootCauseWatch watch;
    private final Clock clock;
    private final KnownComplaints complaints;
    /** The most complaints an agent links to one action: one fix, many customers, but not without bound. */
    static final int MAX_COMPLAINTS = PreventionAction.MAX_LISTED;

    PreventionController(
            AggregateStore<PreventionAction> store, RootCauseWatch watch, Clock clock, KnownComplaints complaints) {
        this.store = store;
        this.watch = watch;
        this.clock = clock;
        this.complaints = complaints;
    }

    /** Newest first; {@code status} and {@code rootCause} narrow the list. */
    @GetMapping("/api/v1/prevention-actions")
    Page<ActionView> list(
            @RequestParam(required = false) Status status,
            @RequestParam(required = false) String rootCause,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int size = limit == null ? LIST_LIMIT : limit;
        if (size < 1 || size > LIST_LIMIT) {
            throw ProblemException.badRequest("limit", "must be a number between 1 and " + LIST_LIMIT);
        }
        Document filter = new Document();
        if (status != null) filter.append("status", status.name());
        if (rootCause != null) filter.append("rootCause", rootCause);
        return store.page(filter, NEWEST, PageCursor.parameter(cursor), size).map(v -> view(v.value()));
    }

    /** The list's order: newest first (by when raised, then id). */
    private static final AggregateStore.SortKey<PreventionAction> NEWEST =
            AggregateStore.SortKey.time("raisedAt", true, PreventionAction::raisedAt);

    @GetMapping("/api/v1/prevention-actions/{id}")
    ActionView one(@PathVariable String id) {
        return store.find(id)
                .map(v -> view(v.value()))
                .orElseThrow(() -> ProblemException.notFound("Prevention action", id));
    }

    /**
     * Moves the action along and sets its owner, plan and due date; a status never goes back. A partial update (PUT
     * and PATCH alike): a field left out keeps its value, so moving the status does not erase the plan.
     */
    @RequestMapping(
            path = "/api/v1/prevention-actions/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    ActionView update(@PathVariable String id, @RequestBody @Valid ActionUpdate update, Authentication user) {
        return store.update(id, stored -> {
                    PreventionAction action = stored.value();
                    StaffScope.require(user, action.department(), "manage prevention actions");
                    Status status = update.status() == null ? action.status() : update.status();
                    String owner = update.owner() == null ? action.owner() : blankToNull(update.owner());
                    if (status != Status.OPEN && owner == null) {
                        throw ProblemException.badRequest(
                                "owner", "is required once the action is in progress or" + " done");
                    }
                    if (status.ordinal() < action.status().ordinal()) {
                        throw ProblemException.conflict("Prevention action " + id + " is " + action.status()
                                + "; it cannot go back to " + status + ".");
                    }
                    PreventionAction next = action.updated(
                            status,
                            owner,
                            update.plan() == null ? action.plan() : blankToNull(update.plan()),
                            update.dueDate() == null ? action.dueDate() : blankToNull(update.dueDate()),
                            clock.instant());
                    return next.equals(action) ? null : Change.of(next);
                })
                .map(v -> view(v.value()))
                .orElseThrow(() -> ProblemException.notFound("Prevention action", id));
    }

    /**
     * Links a complaint an agent recognises as the same matter (not yet resolved, so no root cause counted yet) to
     * the action, so it is resolved with the group; not once the action is done.
     */
    @PostMapping("/api/v1/prevention-actions/{id}/complaints")
    ActionView link(@PathVariable String id, @RequestBody @Valid LinkRequest request, Authentication user) {
        if (!complaints.knows(request.complaintId())) {
            throw ProblemException.notFound("Complaint", request.complaintId());
        }
        return store.update(id, stored -> {
                    PreventionAction action = stored.value();
                    StaffScope.require(user, action.department(), "link complaints to prevention actions");
                    if (action.status() == Status.DONE) {
                        throw ProblemException.conflict(
                                "Prevention action " + id + " is DONE; link the complaint " + "to an open one.");
                    }
                    if (action.complaintIds().size() >= MAX_COMPLAINTS
                            && !action.complaintIds().contains(request.complaintId())) {
                        throw ProblemException.conflict("Prevention action " + id + " groups " + MAX_COMPLAINTS
                                        + " complaints, the most one action may; raise the matter as another.")
                                .with("cap", MAX_COMPLAINTS);
                    }
                    return action.complaintIds().contains(request.complaintId())
                            ? null
                            : Change.of(action.linking(request.complaintId(), true));
                })
                .map(v -> view(v.value()))
                .orElseThrow(() -> ProblemException.notFound("Prevention action", id));
    }

    /**
     * Resolves every complaint grouped under the action with one message: published for resolution, which resolves
     * each case that can be resolved. Answered 202 with each complaint's part: REQUESTED (resolution resolves it
     * shortly, or notes on the case why it cannot), or SKIPPED when it was already resolved or closed.
     */
    @PostMapping("/api/v1/prevention-actions/{id}/group-resolution")
    @ResponseStatus(HttpStatus.ACCEPTED)
    GroupResolutionView resolveTogether(
            @PathVariable String id, @RequestBody @Valid GroupResolution request, Authentication principal) {
        PreventionAction after = store.update(id, stored -> {
                    PreventionAction action = stored.value();
                    StaffScope.require(principal, action.department(), "resolve complaints together");
                    Instant now = clock.instant();
                    return Change.of(
                            action.groupResolved(principal.getName(), now),
                            new PreventionGroupResolved(
                                    action.id(),
                                    now,
                                    action.rootCause(),
                                    action.department(),
                                    action.complaintIds(),
                                    request.message().strip(),
                                    principal.getName()));
                })
                .orElseThrow(() -> ProblemException.notFound("Prevention action", id))
                .value();
        Map<String, String> statuses = complaints.statuses(after.complaintIds());
        List<CaseOutcome> cases = after.complaintIds().stream()
                .map(c -> {
                    String status = statuses.get(c);
                    boolean done = "RESOLVED".equals(status) || "CLOSED".equals(status);
                    return new CaseOutcome(
                            c,
                            status,
                            done ? "SKIPPED" : "REQUESTED",
                            done ? "already " + status.toLowerCase(java.util.Locale.ROOT) : null);
                })
                .toList();
        return new GroupResolutionView(after.id(), after.complaintIds(), after.groupResolvedAt(), cases);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private ActionView view(PreventionAction a) {
        return new ActionView(
                a.id(),
                a.rootCause(),
                a.department(),
                a.status(),
                a.raisedAt(),
                a.complaintIds(),
                a.grouped(),
                new Why(a.windowCount(), a.baselineMean(), a.baselineSpread(), a.threshold()),
                a.owner(),
                a.plan(),
                a.dueDate(),
                a.startedAt(),
                a.doneAt(),
                a.groupResolvedAt(),
                watch.effect(a));
    }

    /** The editable part of an action; a field left out (null) keeps its value, a blank one clears it. */
    record ActionUpdate(
            Status status,
            @Size(max = 200) String owner,
            @Size(max = 4000) String plan,

            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date such as 2026-12-31")
            String dueDate) {}

    /** A complaint to add to the group. */
    record LinkRequest(
            @NotBlank @Size(max = 100) @Text.OneLine String complaintId) {}

    /** The one message every grouped complaint is resolved with. */
    record GroupResolution(@NotBlank @Size(max = 2000) String message) {}

    /** Why the action was raised: the window's count against the baseline. */
    record Why(int windowCount, double baselineMean, double baselineSpread, double threshold) {}

    /** An action as shown. */
    record ActionView(
            String id,
            String rootCause,
            String department,
            Status status,
            Instant raisedAt,
            List<String> complaintIds,
            int complaintsGrouped,
            Why raisedBecause,
            String owner,
            String plan,
            String dueDate,
            Instant startedAt,
            Instant doneAt,
            Instant groupResolvedAt,
            RootCauseWatch.Effect effect) {}

    /** What was sent for resolution, complaint by complaint. */
    record GroupResolutionView(
            String preventionId, List<String> complaintIds, Instant requestedAt, List<CaseOutcome> cases) {}

    /** One grouped complaint's part in a group resolution: its status as feedback knows it, and what was done. */
    record CaseOutcome(String complaintId, String status, String outcome, String reason) {}
}

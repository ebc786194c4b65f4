package io.firebreak.resolution.cases;

import io.firebreak.events.CaseState;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.Owners;
import io.firebreak.events.ResolutionEvents.ProposalStep;
import io.firebreak.events.ResolutionEvents.Remedy;
import io.firebreak.events.SlaClock;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.security.StaffScope;
import io.firebreak.platform.web.ContentTags;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.platform.web.Problems;
import io.firebreak.resolution.ResolutionProperties;
import io.firebreak.resolution.cases.ComplaintCase.Acknowledgement;
import io.firebreak.resolution.cases.ComplaintCase.Note;
import io.firebreak.resolution.cases.ComplaintCase.Pause;
import io.firebreak.resolution.cases.ComplaintCase.Promise;
import io.firebreak.resolution.cases.ComplaintCase.PromiseStatus;
import io.firebreak.resolution.cases.ComplaintCase.Proposal;
import io.firebreak.resolution.cases.ComplaintCase.Reassignment;
import io.firebreak.resolution.cases.ComplaintCase.Resolution;
import io.firebreak.resolution.cases.ComplaintCase.Task;
import io.firebreak.resolution.cases.ComplaintCase.TaskStatus;
import io.firebreak.resolution.cases.ComplaintCase.Transition;
import io.firebreak.resolution.rootcause.RootCauseTaxonomies;
import io.firebreak.resolution.rootcause.RootCauseTaxonomy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agent's commands on a case (acknowledge, investigate, wait for the customer, propose, record the answer,
 * resolve, notes), a supervisor's (approve a proposal, reassign), the case as it stands and the queue.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final AggregateStore<ComplaintCase> store;
    private final RootCauseTaxonomies taxonomies;
    private final ClockSettingsStore clocks;
    private final Clock clock;
    private final ResolutionProperties properties;
    private final CaseQueue queue;

    CaseController(
            AggregateStore<ComplaintCase> store,
            RootCauseTaxonomies taxonomies,
            ClockSettingsStore clocks,
            Clock clock,
            ResolutionProperties properties,
            CaseQueue queue) {
        this.store = store;
        this.taxonomies = taxonomies;
        this.clocks = clocks;
        this.clock = clock;
        this.properties = properties;
        this.queue = queue;
    }

    @GetMapping
    Page<CaseView> list(
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String dueBefore,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        Instant now = clock.instant();
        return queue.page(
                CaseQueue.Query.parse(owner, department, state, dueBefore, limit, cursor),
                c -> CaseView.of(c, now, store.tag(c)));
    }

    /**
     * The case, with its entity tag ({@code ETag}, also {@code etag} in the body): an action sent with it in
     * {@code If-Match} is refused (412) if the case changed in between.
     */
    @GetMapping("/{complaintId}")
    ResponseEntity<CaseView> get(@PathVariable String complaintId) {
        CaseView view = store.find(complaintId).map(v -> view(v.value())).orElseThrow(() -> notFound(complaintId));
        return ResponseEntity.ok().eTag(view.etag()).body(view);
    }

    @PostMapping("/{complaintId}/acknowledge")
    CaseView acknowledge(
            @PathVariable String complaintId,
            @RequestBody(required = false) @Valid AcknowledgeRequest request,
            Authentication user) {
        String message = request == null ? null : request.message();
        Instant callbackBy = request == null ? null : request.callbackBy();
        Instant now = clock.instant();
        if (callbackBy != null && !callbackBy.isAfter(now)) {
            throw ProblemException.badRequest("callbackBy", "must be in the future");
        }
        return act(
                complaintId,
                user,
                c -> CaseDecisions.acknowledge(c, user.getName(), message, callbackBy, warnShare(), now));
    }

    /**
     * A promise to the customer kept (a callback made, a proposal's step done), on time or late; by the case's
     * owner or staff of its department. Messages to the customer keep a callback, and the resolution keeps every
     * open promise, without this.
     */
    @PostMapping("/{complaintId}/promises/{promiseId}/keep")
    CaseView keepPromise(@PathVariable String complaintId, @PathVariable String promiseId, Authentication user) {
        return act(complaintId, user, c -> CaseDecisions.keepPromise(c, promiseId, user.getName(), clock.instant()));
    }

    private java.math.BigDecimal warnShare() {
        return clocks.planner().warnAt();
    }

    @PostMapping("/{complaintId}/resolve")
    CaseView resolve(
            @PathVariable String complaintId, @RequestBody @Valid ResolveRequest request, Authentication user) {
        RootCauseTaxonomy taxonomy = taxonomies.current();
        if (!taxonomy.contains(request.rootCause())) {
            throw ProblemException.badRequest(
                            "rootCause",
                            "'" + request.rootCause() + "' is not a root cause; one of " + taxonomy.codes())
                    .with("allowed", taxonomy.codes());
        }
        return act(
                complaintId,
                user,
                c -> CaseDecisions.resolve(
                        c,
                        user.getName(),
                        request.summary(),
                        request.rootCause(),
                        taxonomy.version(),
                        clock.instant()));
    }

    @PostMapping("/{complaintId}/investigate")
    CaseView investigate(@PathVariable String complaintId, Authentication user) {
        return act(complaintId, user, c -> CaseDecisions.investigate(c, user.getName(), clock.instant()));
    }

    @PostMapping("/{complaintId}/wait-for-customer")
    CaseView waitForCustomer(
            @PathVariable String complaintId, @RequestBody @Valid WaitRequest request, Authentication user) {
        return act(
                complaintId,
                user,
                c -> CaseDecisions.waitForCustomer(c, user.getName(), request.reason(), clock.instant()));
    }

    @PostMapping("/{complaintId}/resume")
    CaseView resume(@PathVariable String complaintId, Authentication user) {
        return act(complaintId, user, c -> CaseDecisions.resume(c, user.getName(), clock.instant()));
    }

    @PostMapping("/{complaintId}/proposal")
    CaseView propose(@PathVariable String complaintId, @RequestBody ProposalRequest request, Authentication user) {
        Instant now = clock.instant();
        List<ProposalRules.FieldError> errors = ProposalRules.validate(
                request.steps(), request.remedies(), now, properties.proposals().ceiling());
        if (!errors.isEmpty()) {
            throw new ProblemException(
                            HttpStatus.BAD_REQUEST,
                            "Invalid request",
                            errors.stream()
                                    .map(e -> e.field() + ": " + e.reason())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElseThrow())
                    .with("errors", errors);
        }
        List<ProposalStep> steps = ProposalRules.number(request.steps());
        List<Remedy> remedies = ProposalRules.remedies(request.remedies());
        boolean needsApproval =
                ProposalRules.needsApproval(remedies, properties.proposals().approvalAbove());
        return act(
                complaintId,
                user,
                c -> CaseDecisions.propose(c, user.getName(), steps, remedies, needsApproval, warnShare(), now));
    }

    @PostMapping("/{complaintId}/proposal/approve")
    CaseView approve(@PathVariable String complaintId, Authentication user) {
        return act(complaintId, user, c -> CaseDecisions.approve(c, user.getName(), warnShare(), clock.instant()));
    }

    @PostMapping("/{complaintId}/proposal/answer")
    CaseView answer(@PathVariable String complaintId, @RequestBody @Valid AnswerRequest request, Authentication user) {
        return act(
                complaintId,
                user,
                c -> CaseDecisions.answer(c, user.getName(), request.accepted(), request.comment(), clock.instant()));
    }

    @PostMapping("/{complaintId}/notes")
    CaseView note(@PathVariable String complaintId, @RequestBody @Valid NoteRequest request, Authentication user) {
        return act(
                complaintId,
                user,
                c -> CaseDecisions.note(c, user.getName(), request.text(), request.internal(), clock.instant()));
    }

    @PostMapping("/{complaintId}/reassign")
    CaseView reassign(
            @PathVariable String complaintId, @RequestBody @Valid ReassignRequest request, Authentication user) {
        return act(
                complaintId,
                user,
                c -> CaseDecisions.handOver(
                        c, user.getName(), request.owner(), request.department(), request.reason(), clock.instant()));
    }

    /**
     * The owner hands the case back to their department's queue, with the reason: an agent facing abuse need not
     * go on alone (客服人员自我保护); the department's supervisor chooses who takes it. Only the owner may; not once
     * resolved.
     */
    @PostMapping("/{complaintId}/hand-back")
    CaseView handBack(
            @PathVariable String complaintId, @RequestBody @Valid HandBackRequest request, Authentication user) {
        return change(complaintId, c -> {
            if (!user.getName().equals(c.owner())) {
                throw new ProblemException(
                        HttpStatus.FORBIDDEN,
                        "Forbidden",
                        "Only the case's owner (" + c.owner()
                                + ") hands it back; a supervisor hands it over (reassign).");
            }
            return CaseDecisions.handOver(
                    c, user.getName(), Owners.queue(c.department()), null, request.reason(), clock.instant());
        });
    }

    /**
     * A change to a case by staff: its owner, or staff of its department (a supervisor's or an agent's own
     * departments, {@link StaffScope}); anyone else is refused (403) and changes nothing. Every member of staff
     * reads every case.
     */
    private CaseView act(
            String complaintId, Authentication user, Function<ComplaintCase, Change<ComplaintCase>> decide) {
        return change(complaintId, c -> {
            if (!user.getName().equals(c.owner())) StaffScope.require(user, c.department(), "act on cases");
            return decide.apply(c);
        });
    }

    /** Every change of a case: refused (412) if it names in {@code If-Match} a state the case has left. */
    private CaseView change(String complaintId, Function<ComplaintCase, Change<ComplaintCase>> decide) {
        return store.update(complaintId, stored -> {
                    ContentTags.requireMatch(store.tag(stored.value()), "case");
                    return decide.apply(stored.value());
                })
                .map(v -> view(v.value()))
                .orElseThrow(() -> notFound(complaintId));
    }

    @PostMapping("/{complaintId}/tasks")
    ResponseEntity<CaseView> addTask(
            @PathVariable String complaintId, @RequestBody @Valid TaskRequest request, Authentication user) {
        Instant now = clock.instant();
        if (!request.dueAt().isAfter(now)) throw ProblemException.badRequest("dueAt", "must be in the future");
        CaseView view = act(
                complaintId,
                user,
                c -> CaseDecisions.addTask(
                        c,
                        user.getName(),
                        request.department(),
                        blankToNull(request.owner()),
                        request.what(),
                        request.dueAt(),
                        request.required(),
                        now));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    @PostMapping("/{complaintId}/tasks/{taskId}/claim")
    CaseView claimTask(@PathVariable String complaintId, @PathVariable String taskId, Authentication user) {
        return change(complaintId, c -> {
            Task task = CaseDecisions.task(c, taskId);
            if (task != null) StaffScope.require(user, task.department(), "claim tasks");
            return CaseDecisions.claimTask(c, taskId, user.getName(), clock.instant());
        });
    }

    @PostMapping("/{complaintId}/tasks/{taskId}/complete")
    CaseView completeTask(
            @PathVariable String complaintId,
            @PathVariable String taskId,
            @RequestBody(required = false) @Valid CompleteTaskRequest request,
            Authentication user) {
        String note = request == null ? null : request.note();
        return change(complaintId, c -> {
            requireTaskOwner(c, taskId, user, "complete");
            return CaseDecisions.completeTask(c, taskId, user.getName(), note, clock.instant());
        });
    }

    @PostMapping("/{complaintId}/tasks/{taskId}/decline")
    CaseView declineTask(
            @PathVariable String complaintId,
            @PathVariable String taskId,
            @RequestBody @Valid DeclineTaskRequest request,
            Authentication user) {
        return change(complaintId, c -> {
            requireTaskOwner(c, taskId, user, "decline");
            return CaseDecisions.declineTask(c, taskId, user.getName(), request.reason(), clock.instant());
        });
    }

    /**
     * Only the task's owner, or a supervisor of the task's department, may close it; an unowned task must be claimed
     * first.
     */
    private static void requireTaskOwner(ComplaintCase c, String taskId, Authentication user, String action) {
        Task task = CaseDecisions.task(c, taskId);
        if (task == null) throw UnknownPartException.task(c.complaintId(), taskId);
        if (user.getName().equals(task.owner())) return;
        if (isSupervisor(user)) {
            StaffScope.require(user, task.department(), action + " tasks");
            return;
        }
        throw new ProblemException(
                        HttpStatus.FORBIDDEN,
                        "Forbidden",
                        "Only the owner of task " + taskId
                                + (task.owner() == null ? " (nobody yet: claim it first)" : " (" + task.owner() + ")")
                                + " or a supervisor may " + action + " it.")
                .with("owner", task.owner());
    }

    static boolean isSupervisor(Authentication user) {
        return Roles.has(user, Roles.SUPERVISOR);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Conflict with the current state", e.getMessage());
        problem.setProperty("state", e.current().name());
        if (e instanceof OpenTasksException open) {
            Instant now = clock.instant();
            problem.setProperty(
                    "openTasks",
                    open.open().stream().map(t -> TaskView.of(t, now)).toList());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(UnknownPartException.class)
    ResponseEntity<ProblemDetail> unknownPart(UnknownPartException e) {
        String title = Character.toUpperCase(e.part().charAt(0)) + e.part().substring(1) + " not found";
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, title, e.getMessage());
        problem.setProperty("id", e.id());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    private CaseView view(ComplaintCase c) {
        return CaseView.of(c, clock.instant(), store.tag(c));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ProblemException notFound(String complaintId) {
        return ProblemException.notFound("Case", complaintId);
    }

    /**
     * The first response; the message to the customer is optional, and so is {@code callbackBy}: when the agent
     * promised to come back to the customer by then (ISO instant, in the future), a promise with its own clock.
     */
    record AcknowledgeRequest(@Size(max = 2000) String message, Instant callbackBy) {}

    /** How the case was resolved, and its root cause (a code of {@code GET /api/v1/root-causes}). */
    record ResolveRequest(
            @NotBlank @Size(max = 4000) String summary,
            @NotBlank String rootCause) {}

    /** Why the case waits for the customer. */
    record WaitRequest(@NotBlank @Size(max = 2000) String reason) {}

    /** A proposal: 1 to 10 steps (numbered in the answer) and its remedies; see {@link ProposalRules}. */
    record ProposalRequest(List<ProposalRules.StepInput> steps, List<ProposalRules.RemedyInput> remedies) {}

    /** The customer's answer to the proposal. */
    record AnswerRequest(
            @NotNull Boolean accepted, @Size(max = 2000) String comment) {}

    /** A note: internal (handlers only) or a message to the customer. */
    record NoteRequest(
            @NotBlank @Size(max = 4000) String text,
            @NotNull Boolean internal) {}

    /** The owner handing the case back to the department's queue, with the reason. */
    record HandBackRequest(@NotBlank @Size(max = 2000) String reason) {}

    /** A hand-over to another owner, optionally another department, always with a reason. */
    record ReassignRequest(
            @NotBlank @Size(max = 200) String owner,
            @Size(max = 200) String department,
            @NotBlank @Size(max = 2000) String reason) {}

    /**
     * A task for a department: what, by when (ISO instant, in the future), whether the case waits for it before it
     * can be resolved, and optionally who does it (else the department's queue holds it until an agent claims it).
     */
    record TaskRequest(
            @NotBlank @Size(max = 200) String department,
            @Size(max = 200) String owner,
            @NotBlank @Size(max = 2000) String what,
            @NotNull Instant dueAt,
            @NotNull Boolean required) {}

    /** Done, with an optional note for the case owner. */
    record CompleteTaskRequest(@Size(max = 2000) String note) {}

    /** Declined, always with the reason. */
    record DeclineTaskRequest(@NotBlank @Size(max = 2000) String reason) {}

    /** A task as shown: {@code overdue} when it is open past its due time. */
    record TaskView(
            String id,
            String department,
            String owner,
            String what,
            Instant dueAt,
            boolean required,
            TaskStatus status,
            boolean overdue,
            String createdBy,
            Instant createdAt,
            String closedBy,
            Instant closedAt,
            String note,
            String reason) {

        static TaskView of(Task t, Instant now) {
            return new TaskView(
                    t.id(),
                    t.department(),
                    t.owner(),
                    t.what(),
                    t.dueAt(),
                    t.required(),
                    t.status(),
                    t.overdue(now),
                    t.createdBy(),
                    t.createdAt(),
                    t.closedBy(),
                    t.closedAt(),
                    t.completionNote(),
                    t.declineReason());
        }
    }

    /** The case as an agent sees it; {@code resolutionDue} includes the time spent waiting for the customer. */
    record CaseView(
            String complaintId,
            CaseState state,
            String department,
            List<String> secondaryDepartments,
            ComplaintClass complaintClass,
            Instant firstResponseDue,
            Instant resolutionDue,
            List<SlaClock> breached,
            List<SlaClock> warned,
            Instant openedAt,
            Acknowledgement acknowledgement,
            Resolution resolution,
            int reopenCount,
            List<Transition> history,
            String owner,
            Instant queueDue,
            Proposal proposal,
            List<Pause> pauses,
            List<Note> internalNotes,
            List<Note> customerMessages,
            List<Reassignment> reassignments,
            List<TaskView> tasks,
            int overdueTasks,
            List<Promise> promises,
            int brokenPromises,
            String clocksVersion,
            String etag) {

        static CaseView of(ComplaintCase c, Instant now, String etag) {
            return new CaseView(
                    c.complaintId(),
                    c.state(),
                    c.department(),
                    c.secondaryDepartments(),
                    c.complaintClass(),
                    c.firstResponseDue(),
                    c.due(SlaClock.RESOLUTION),
                    c.breached(),
                    c.warned(),
                    c.openedAt(),
                    c.acknowledgement(),
                    c.resolution(),
                    c.reopenCount(),
                    c.history(),
                    c.owner(),
                    c.queueDue(),
                    c.proposal(),
                    c.pauses(),
                    c.notes().stream().filter(Note::internal).toList(),
                    c.notes().stream().filter(n -> !n.internal()).toList(),
                    c.reassignments(),
                    c.tasks().stream().map(t -> TaskView.of(t, now)).toList(),
                    (int) c.tasks().stream().filter(t -> t.overdue(now)).count(),
                    c.promises(),
                    (int) c.promises().stream()
                            .filter(p -> p.status() == PromiseStatus.BROKEN
                                    || p.status() == PromiseStatus.KEPT
                                            && p.keptAt().isAfter(p.dueAt()))
                            .count(),
                    c.clocksVersion(),
                    etag);
        }
    }
}

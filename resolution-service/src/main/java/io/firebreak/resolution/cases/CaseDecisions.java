package io.firebreak.resolution.cases;

import io.firebreak.events.CaseChange;
import io.firebreak.events.CaseState;
import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.PromiseKept;
import io.firebreak.events.ResolutionEvents.PromiseMade;
import io.firebreak.events.ResolutionEvents.PromiseWarned;
import io.firebreak.events.ResolutionEvents.ProposalMade;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.ProposalStep;
import io.firebreak.events.ResolutionEvents.Remedy;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.ResolutionEvents.SlaWarned;
import io.firebreak.events.ResolutionEvents.TaskAssigned;
import io.firebreak.events.ResolutionEvents.TaskCompleted;
import io.firebreak.events.ResolutionEvents.TaskDeclined;
import io.firebreak.events.ResolutionEvents.TaskOverdue;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.outbox.Change;
import io.firebreak.resolution.cases.ComplaintCase.Acknowledgement;
import io.firebreak.resolution.cases.ComplaintCase.Note;
import io.firebreak.resolution.cases.ComplaintCase.Pause;
import io.firebreak.resolution.cases.ComplaintCase.Promise;
import io.firebreak.resolution.cases.ComplaintCase.PromiseKind;
import io.firebreak.resolution.cases.ComplaintCase.PromiseStatus;
import io.firebreak.resolution.cases.ComplaintCase.Proposal;
import io.firebreak.resolution.cases.ComplaintCase.ProposalStatus;
import io.firebreak.resolution.cases.ComplaintCase.Reassignment;
import io.firebreak.resolution.cases.ComplaintCase.Resolution;
import io.firebreak.resolution.cases.ComplaintCase.Task;
import io.firebreak.resolution.cases.ComplaintCase.TaskStatus;
import io.firebreak.resolution.cases.ComplaintCase.Transition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The case state machine, free of storage and messaging: each method returns the new case and the events the
 * change causes, null when nothing changes, or throws {@link IllegalTransitionException}.
 */
final class CaseDecisions {

    static final Set<CaseState> ACKNOWLEDGE_FROM = EnumSet.of(CaseState.ASSIGNED, CaseState.REOPENED);
    static final Set<CaseState> INVESTIGATE_FROM = EnumSet.of(CaseState.ACKNOWLEDGED);
    static final Set<CaseState> WAIT_FROM = EnumSet.of(CaseState.INVESTIGATING, CaseState.PROPOSED);
    static final Set<CaseState> RESUME_FROM = EnumSet.of(CaseState.PENDING_CUSTOMER);
    static final Set<CaseState> PROPOSE_FROM = EnumSet.of(CaseState.INVESTIGATING);
    static final Set<CaseState> APPROVE_FROM = EnumSet.of(CaseState.INVESTIGATING);
    static final Set<CaseState> ANSWER_FROM = EnumSet.of(CaseState.PROPOSED);
    /** PROPOSED only once the customer accepted; ACKNOWLEDGED keeps the short path of a simple case. */
    static final Set<CaseState> RESOLVE_FROM = EnumSet.of(CaseState.ACKNOWLEDGED, CaseState.PROPOSED);

    static final Set<CaseState> REASSIGN_FROM = EnumSet.complementOf(EnumSet.of(CaseState.RESOLVED));
    /** A task can be given while the case is being worked on, not once it is resolved. */
    static final Set<CaseState> TASK_FROM = EnumSet.complementOf(EnumSet.of(CaseState.RESOLVED));

    private CaseDecisions() {}

    /** A first assignment opens the case in the owner's hands, its clocks running 24/7. */
    static Change<ComplaintCase> open(ResponsibilityAssigned assigned, Instant now) {
        return open(assigned, SlaPlan.of(assigned, now), now);
    }

    /**
     * A first assignment opens the case in the owner's hands, its clocks as planned: the owner triage chose (by
     * skills and load), so that the case, the case file and the owner's queue name the same person from the start.
     */
    static Change<ComplaintCase> open(ResponsibilityAssigned assigned, SlaPlan plan, Instant now) {
        return open(assigned, plan, false, now);
    }

    /**
     * A first assignment (see above); with {@code secondaryTasks}, each secondary department gets an optional task
     * on the case, due with the resolution (协同: a contributing department has its part to do, in its queue).
     */
    static Change<ComplaintCase> open(
            ResponsibilityAssigned assigned, SlaPlan plan, boolean secondaryTasks, Instant now) {
        ComplaintCase opened = new ComplaintCase(
                        assigned.complaintId(),
                        CaseState.ASSIGNED,
                        assigned.primaryDepartment(),
                        assigned.secondaryDepartments(),
                        assigned.complaintClass(),
                        plan.firstResponseDue(),
                        plan.resolutionDue(),
                        List.of(),
                        null,
                        now,
                        null,
                        null,
                        0,
                        List.of(new Transition(
                                now, null, CaseState.ASSIGNED, EventType.RESPONSIBILITY_ASSIGNED.wireName())),
                        assigned.owner(),
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        0,
                        plan.firstResponseWarnAt(),
                        plan.resolutionWarnAt(),
                        List.of(),
                        0,
                        plan.start(),
                        List.of(),
                        List.of(),
                        plan.version(),
                        assigned.owner())
                .withNextDeadline();
        List<FirebreakEvent> events = new ArrayList<>();
        events.add(new CaseOpened(
                opened.complaintId(),
                now,
                opened.department(),
                opened.owner(),
                opened.due(SlaClock.FIRST_RESPONSE),
                opened.due(SlaClock.RESOLUTION)));
        if (secondaryTasks) opened = withSecondaryTasks(opened, events, now);
        return new Change<>(opened, List.copyOf(events));
    }

    /** What a secondary department's task asks, in both languages of the staff. */
    static final String SECONDARY_TASK =
            "协办：完成本部门负责的部分（次要责任部门）/ Contribute this department's part" + " (secondary department)";

    /**
     * The case with an optional task for each secondary department that has none yet (its own or an earlier one),
     * due with the resolution; a {@link TaskAssigned} for each added to {@code events}.
     */
    private static ComplaintCase withSecondaryTasks(ComplaintCase c, List<FirebreakEvent> events, Instant now) {
        List<Task> tasks = new ArrayList<>(c.tasks());
        for (String department : c.secondaryDepartments()) {
            if (department.equals(c.department())
                    || tasks.stream().anyMatch(t -> t.department().equals(department))) {
                continue;
            }
            Task task = new Task(
                    "T" + (tasks.size() + 1),
                    department,
                    null,
                    SECONDARY_TASK,
                    c.due(SlaClock.RESOLUTION),
                    false,
                    TaskStatus.OPEN,
                    EventType.RESPONSIBILITY_ASSIGNED.wireName(),
                    now,
                    null,
                    null,
                    null,
                    null,
                    false);
            tasks.add(task);
            events.add(assigned(c.complaintId(), task, task.createdBy(), now));
        }
        return tasks.size() == c.tasks().size() ? c : c.toBuilder().tasks(tasks).build();
    }

    /**
     * A later assignment (re-triage) changes the class, departments and due times, in whatever state the case is,
     * and the owner when it moves the case to another department, raises its class or names another owner than triage
     * named before (an escalation goes to the owner triage chose for it, rung by rung); otherwise the case keeps its
     * owner, also one a supervisor handed it to.
     * A clock whose due time moved counts afresh from this assignment (its warning and breach re-armed, paused
     * time forgotten), so a new deadline can be warned of and breached again.
     */
    static Change<ComplaintCase> reassign(ComplaintCase current, ResponsibilityAssigned assigned) {
        return reassign(current, assigned, SlaPlan.of(assigned, assigned.occurredAt()));
    }

    /** A later assignment, its clocks as planned (see {@link #reassign(ComplaintCase, ResponsibilityAssigned)}). */
    static Change<ComplaintCase> reassign(ComplaintCase current, ResponsibilityAssigned assigned, SlaPlan plan) {
        return reassign(current, assigned, plan, false);
    }

    /** A later assignment (see above); with {@code secondaryTasks}, a newly named secondary department gets a task. */
    static Change<ComplaintCase> reassign(
            ComplaintCase current, ResponsibilityAssigned assigned, SlaPlan plan, boolean secondaryTasks) {
        List<SlaClock> breached = new ArrayList<>(current.breached());
        List<SlaClock> warned = new ArrayList<>(current.warned());
        ComplaintCase.Builder builder = current.toBuilder();
        Instant firstWarnAt = current.firstResponseWarnAt();
        Instant resolutionWarnAt = current.resolutionWarnAt();
        if (!Objects.equals(current.firstResponseDue(), plan.firstResponseDue())) {
            breached.remove(SlaClock.FIRST_RESPONSE);
            warned.remove(SlaClock.FIRST_RESPONSE);
            firstWarnAt = plan.firstResponseWarnAt();
        }
        if (!Objects.equals(current.resolutionDue(), plan.resolutionDue())) {
            breached.remove(SlaClock.RESOLUTION);
            warned.remove(SlaClock.RESOLUTION);
            resolutionWarnAt = plan.resolutionWarnAt();
            builder.resolutionPause(0, plan.start());
        }
        boolean moved = !Objects.equals(current.department(), assigned.primaryDepartment())
                || assigned.complaintClass() != null
                        && current.complaintClass() != null
                        && assigned.complaintClass().isMoreSevereThan(current.complaintClass());
        // Triage naming someone else than it named before is an escalation (a breach, a rejected proposal, a
        // repeat contact climbing the ladder): the case follows it. Triage naming the same owner again leaves the
        // case with whoever has it, also one a supervisor handed it to.
        boolean escalated = assigned.owner() != null && !assigned.owner().equals(current.triageOwner());
        if (assigned.owner() != null && (moved || escalated || current.owner() == null)) {
            builder.owner(assigned.owner());
        }
        if (assigned.owner() != null) builder.triageOwner(assigned.owner());
        if (plan.version() != null) builder.clocksVersion(plan.version());
        ComplaintCase next = builder.assignment(
                        assigned.primaryDepartment(), assigned.secondaryDepartments(), assigned.complaintClass())
                .dueTimes(plan.firstResponseDue(), plan.resolutionDue())
                .warnTimes(firstWarnAt, resolutionWarnAt)
                .breached(breached)
                .warned(warned)
                .build();
        List<FirebreakEvent> events = new ArrayList<>();
        // What every reader shows of the case (owner, department, due times), when the assignment moved it.
        if (!told(current).equals(told(next))) {
            events.add(updated(next, CaseChange.REASSIGNED, null, null, assigned.occurredAt()));
        }
        if (secondaryTasks && next.state() != CaseState.RESOLVED) {
            next = withSecondaryTasks(next, events, assigned.occurredAt());
        }
        if (next.equals(current)) return null;
        return new Change<>(next, List.copyOf(events));
    }

    /** What a case update tells of a case, to see whether a change moved any of it. */
    private static List<Object> told(ComplaintCase c) {
        return java.util.Arrays.asList(
                c.state(), c.owner(), c.department(), c.due(SlaClock.FIRST_RESPONSE), c.due(SlaClock.RESOLUTION));
    }

    /** The event of a change no other event tells: what changed, and the case as it now stands. */
    private static CaseUpdated updated(ComplaintCase next, CaseChange change, String by, String text, Instant now) {
        return new CaseUpdated(
                next.complaintId(),
                now,
                change,
                by,
                text,
                next.state(),
                next.owner(),
                next.department(),
                next.due(SlaClock.FIRST_RESPONSE),
                next.due(SlaClock.RESOLUTION));
    }

    /** The first response to the customer; stops the first-response clock. An unowned case becomes the agent's. */
    static Change<ComplaintCase> acknowledge(ComplaintCase current, String by, String message, Instant now) {
        return acknowledge(current, by, message, null, BigDecimal.ONE, now);
    }

    /**
     * The first response, with a callback promised by {@code callbackBy} if not null: a promise whose clock warns
     * the owner at {@code warnShare} of the time given and breaks at the callback time.
     */
    static Change<ComplaintCase> acknowledge(
            ComplaintCase current, String by, String message, Instant callbackBy, BigDecimal warnShare, Instant now) {
        require(current, "acknowledged", ACKNOWLEDGE_FROM);
        ComplaintCase.Builder builder = current.toBuilder()
                .transition(CaseState.ACKNOWLEDGED, by, now)
                .acknowledgement(new Acknowledgement(by, now, message))
                .owner(current.owner() == null ? by : current.owner());
        List<FirebreakEvent> events = new ArrayList<>();
        events.add(new CaseAcknowledged(current.complaintId(), now, by, message, callbackBy));
        List<Promise> promises = new ArrayList<>(current.promises());
        if (callbackBy != null) {
            promises.add(
                    promise(promises, PromiseKind.CALLBACK, "Call the customer back", by, now, callbackBy, warnShare));
        }
        return promised(builder, current.promises(), promises, events, by, now);
    }

    /** A new promise, numbered after the case's others, its warning at {@code warnShare} of the time given. */
    private static Promise promise(
            List<Promise> promises,
            PromiseKind kind,
            String what,
            String by,
            Instant now,
            Instant dueAt,
            BigDecimal warnShare) {
        long given = Math.max(0, Duration.between(now, dueAt).toMillis());
        Instant warnAt =
                now.plusMillis(warnShare.multiply(BigDecimal.valueOf(given)).longValue());
        return new Promise(
                "P" + (promises.size() + 1), kind, what, by, now, warnAt, dueAt, PromiseStatus.OPEN, false, null, null);
    }

    /**
     * The case with {@code promises} (its earlier ones as changed, and new ones at the end), and the events: those
     * given, then a {@link PromiseMade} for every new promise and a {@link PromiseKept} for every one kept now.
     */
    private static Change<ComplaintCase> promised(
            ComplaintCase.Builder builder,
            List<Promise> before,
            List<Promise> promises,
            List<FirebreakEvent> events,
            String by,
            Instant now) {
        ComplaintCase next = builder.promises(promises).build();
        for (int i = 0; i < promises.size(); i++) {
            Promise p = promises.get(i);
            if (i >= before.size()) {
                events.add(new PromiseMade(next.complaintId(), now, p.id(), p.what(), p.dueAt(), p.madeBy()));
            } else if (p.status() == PromiseStatus.KEPT && before.get(i).status() != PromiseStatus.KEPT) {
                events.add(new PromiseKept(
                        next.complaintId(), now, p.id(), p.what(), p.dueAt(), by, !now.isAfter(p.dueAt())));
            }
        }
        return new Change<>(next, List.copyOf(events));
    }

    /** The promises with the open (or broken) ones {@code which} selects kept by {@code by} now. */
    private static List<Promise> keeping(
            List<Promise> promises, java.util.function.Predicate<Promise> which, String by, Instant now) {
        return promises.stream()
                .map(p -> (p.open() || p.status() == PromiseStatus.BROKEN) && which.test(p)
                        ? withStatus(p, PromiseStatus.KEPT, by, now)
                        : p)
                .toList();
    }

    private static Promise withStatus(Promise p, PromiseStatus status, String by, Instant at) {
        boolean kept = status == PromiseStatus.KEPT;
        return new Promise(
                p.id(),
                p.kind(),
                p.what(),
                p.madeBy(),
                p.madeAt(),
                p.warnAt(),
                p.dueAt(),
                status,
                p.warned(),
                kept ? by : p.keptBy(),
                kept ? at : p.keptAt());
    }

    /**
     * A promise kept, by the owner's word: an open one on time or late, a broken one late. Keeping a kept promise
     * changes nothing; a withdrawn one cannot be kept.
     */
    static Change<ComplaintCase> keepPromise(ComplaintCase current, String promiseId, String by, Instant now) {
        Promise promise = current.promises().stream()
                .filter(p -> p.id().equals(promiseId))
                .findFirst()
                .orElseThrow(() -> UnknownPartException.promise(current.complaintId(), promiseId));
        if (promise.status() == PromiseStatus.KEPT) return null;
        if (promise.status() == PromiseStatus.WITHDRAWN) {
            throw new IllegalTransitionException(
                    current.complaintId(),
                    current.state(),
                    "promise " + promiseId + " was withdrawn with the proposal the customer rejected");
        }
        return promised(
                current.toBuilder(),
                current.promises(),
                keeping(current.promises(), p -> p.id().equals(promiseId), by, now),
                new ArrayList<>(),
                by,
                now);
    }

    /** The agent starts finding out what happened and what would put it right. */
    static Change<ComplaintCase> investigate(ComplaintCase current, String by, Instant now) {
        require(current, "investigated", INVESTIGATE_FROM);
        ComplaintCase next =
                current.toBuilder().transition(CaseState.INVESTIGATING, by, now).build();
        return Change.of(next, updated(next, CaseChange.INVESTIGATING, by, null, now));
    }

    /** The case waits for the customer; the pause is recorded with its start. */
    static Change<ComplaintCase> waitForCustomer(ComplaintCase current, String by, String reason, Instant now) {
        require(current, "put to wait for the customer", WAIT_FROM);
        ComplaintCase next = current.toBuilder()
                .transition(CaseState.PENDING_CUSTOMER, by, now)
                .pauses(ComplaintCase.with(current.pauses(), new Pause(reason, by, current.state(), now, null)))
                .build();
        return Change.of(next, updated(next, CaseChange.WAITING_FOR_CUSTOMER, by, reason, now));
    }

    /**
     * The customer is back: the pause ends and the case returns to the state it waited from. The resolution clock
     * (due time and warning) moves later by the time paused since its due time was set.
     */
    static Change<ComplaintCase> resume(ComplaintCase current, String by, Instant now) {
        require(current, "resumed", RESUME_FROM);
        List<Pause> pauses = new ArrayList<>(current.pauses());
        Pause open = pauses.remove(pauses.size() - 1);
        pauses.add(new Pause(open.reason(), open.by(), open.from(), open.startedAt(), now));
        CaseState back = open.from() == null ? CaseState.INVESTIGATING : open.from();
        Instant pausedFrom =
                current.resolutionSince() != null && current.resolutionSince().isAfter(open.startedAt())
                        ? current.resolutionSince()
                        : open.startedAt();
        long paused = Math.max(0, Duration.between(pausedFrom, now).toMillis());
        ComplaintCase next = current.toBuilder()
                .transition(back, by, now)
                .pauses(pauses)
                .resolutionPause(current.resolutionPausedMillis() + paused, current.resolutionSince())
                .build();
        return Change.of(next, updated(next, CaseChange.RESUMED, by, null, now));
    }

    /**
     * A proposal of numbered steps and remedies. One that needs a supervisor's approval is stored as
     * AWAITING_APPROVAL and the case stays INVESTIGATING; otherwise the case is PROPOSED and the plan published.
     */
    static Change<ComplaintCase> propose(
            ComplaintCase current,
            String by,
            List<ProposalStep> steps,
            List<Remedy> remedies,
            boolean needsApproval,
            Instant now) {
        return propose(current, by, steps, remedies, needsApproval, BigDecimal.ONE, now);
    }

    /** A proposal (see above), the promises of its steps warned at {@code warnShare} of the time given. */
    static Change<ComplaintCase> propose(
            ComplaintCase current,
            String by,
            List<ProposalStep> steps,
            List<Remedy> remedies,
            boolean needsApproval,
            BigDecimal warnShare,
            Instant now) {
        require(current, "given a proposal", PROPOSE_FROM);
        if (needsApproval) {
            Proposal awaiting =
                    new Proposal(ProposalStatus.AWAITING_APPROVAL, steps, remedies, by, now, null, null, null, null);
            ComplaintCase next = current.toBuilder().proposal(awaiting).build();
            return Change.of(next, updated(next, CaseChange.AWAITING_APPROVAL, by, null, now));
        }
        Proposal proposed = new Proposal(ProposalStatus.PROPOSED, steps, remedies, by, now, null, null, null, null);
        return proposed(
                current,
                current.toBuilder().transition(CaseState.PROPOSED, by, now).proposal(proposed),
                proposed,
                by,
                warnShare,
                now);
    }

    /**
     * A proposal goes to the customer: published, a callback promised earlier is kept by it, and each step of ours
     * with a date (not one the customer does) becomes a promise.
     */
    private static Change<ComplaintCase> proposed(
            ComplaintCase current,
            ComplaintCase.Builder builder,
            Proposal proposal,
            String by,
            BigDecimal warnShare,
            Instant now) {
        List<FirebreakEvent> events = new ArrayList<>();
        events.add(made(current.complaintId(), proposal, now));
        List<Promise> promises =
                new ArrayList<>(keeping(current.promises(), p -> p.kind() == PromiseKind.CALLBACK, by, now));
        for (ProposalStep step : proposal.steps()) {
            if (step.by() == null || ProposalRules.customersStep(step)) continue;
            promises.add(promise(
                    promises,
                    PromiseKind.PROPOSAL_STEP,
                    "Step " + step.number() + ": " + step.what(),
                    proposal.by(),
                    now,
                    step.by(),
                    warnShare));
        }
        return promised(builder, current.promises(), promises, events, by, now);
    }

    /** A supervisor approves the proposal awaiting approval: the case is PROPOSED and the plan published. */
    static Change<ComplaintCase> approve(ComplaintCase current, String by, Instant now) {
        return approve(current, by, BigDecimal.ONE, now);
    }

    /** An approval (see above), the promises of the proposal's steps warned at {@code warnShare}. */
    static Change<ComplaintCase> approve(ComplaintCase current, String by, BigDecimal warnShare, Instant now) {
        require(current, "approved", APPROVE_FROM);
        Proposal awaiting = current.proposal();
        if (awaiting == null || awaiting.status() != ProposalStatus.AWAITING_APPROVAL) {
            throw new IllegalTransitionException(
                    current.complaintId(), current.state(), "it has no proposal awaiting approval");
        }
        Proposal approved = new Proposal(
                ProposalStatus.PROPOSED,
                awaiting.steps(),
                awaiting.remedies(),
                awaiting.by(),
                awaiting.at(),
                by,
                now,
                null,
                null);
        return proposed(
                current,
                current.toBuilder().transition(CaseState.PROPOSED, by, now).proposal(approved),
                approved,
                by,
                warnShare,
                now);
    }

    /**
     * The customer's answer. Accepted: the case may be resolved. Rejected: back to INVESTIGATING, and the
     * rejection is published (a danger moment).
     */
    static Change<ComplaintCase> answer(
            ComplaintCase current, String by, boolean accepted, String comment, Instant now) {
        require(current, "answered", ANSWER_FROM);
        Proposal proposal = current.proposal();
        if (proposal == null || proposal.status() != ProposalStatus.PROPOSED) {
            throw new IllegalTransitionException(
                    current.complaintId(), current.state(), "its proposal was already answered");
        }
        Proposal answered = new Proposal(
                accepted ? ProposalStatus.ACCEPTED : ProposalStatus.REJECTED,
                proposal.steps(),
                proposal.remedies(),
                proposal.by(),
                proposal.at(),
                proposal.approvedBy(),
                proposal.approvedAt(),
                now,
                comment);
        if (accepted) {
            ComplaintCase next = current.toBuilder().proposal(answered).build();
            return Change.of(next, updated(next, CaseChange.PROPOSAL_ACCEPTED, by, comment, now));
        }
        // The steps of a rejected plan are no longer promised.
        ComplaintCase next = current.toBuilder()
                .transition(CaseState.INVESTIGATING, by, now)
                .proposal(answered)
                .promises(current.promises().stream()
                        .map(p -> p.open() && p.kind() == PromiseKind.PROPOSAL_STEP
                                ? withStatus(p, PromiseStatus.WITHDRAWN, null, now)
                                : p)
                        .toList())
                .build();
        return Change.of(next, new ProposalRejected(next.complaintId(), now, comment));
    }

    /**
     * Resolved with a summary and a root cause from the taxonomy; stops the resolution clock. From PROPOSED only
     * once the customer accepted the proposal.
     */
    static Change<ComplaintCase> resolve(
            ComplaintCase current, String by, String summary, String rootCause, Instant now) {
        return resolve(current, by, summary, rootCause, null, now);
    }

    /** A resolution (see above) naming a code of the root-cause taxonomy's {@code taxonomyVersion}. */
    static Change<ComplaintCase> resolve(
            ComplaintCase current, String by, String summary, String rootCause, String taxonomyVersion, Instant now) {
        require(current, "resolved", RESOLVE_FROM);
        List<Task> open = current.openRequiredTasks();
        if (!open.isEmpty()) throw new OpenTasksException(current.complaintId(), current.state(), open);
        if (current.state() == CaseState.PROPOSED
                && (current.proposal() == null || current.proposal().status() != ProposalStatus.ACCEPTED)) {
            throw new IllegalTransitionException(
                    current.complaintId(),
                    current.state(),
                    "it can be resolved from PROPOSED only once the customer accepted the proposal");
        }
        // The resolution keeps what is still open of what was promised; a broken promise stays broken.
        List<FirebreakEvent> events = new ArrayList<>();
        events.add(new CaseResolved(current.complaintId(), now, by, summary, rootCause, current.department(), null));
        return promised(
                current.toBuilder()
                        .transition(CaseState.RESOLVED, by, now)
                        .resolution(new Resolution(by, now, summary, rootCause, taxonomyVersion)),
                current.promises(),
                keeping(current.promises(), Promise::open, by, now),
                events,
                by,
                now);
    }

    /**
     * A task for a (secondary) department: numbered T1, T2… on the case, open until its owner completes or
     * declines it. A required one holds up the resolution while it is open.
     */
    static Change<ComplaintCase> addTask(
            ComplaintCase current,
            String by,
            String department,
            String owner,
            String what,
            Instant dueAt,
            boolean required,
            Instant now) {
        require(current, "given a task", TASK_FROM);
        Task task = new Task(
                "T" + (current.tasks().size() + 1),
                department,
                owner,
                what,
                dueAt,
                required,
                TaskStatus.OPEN,
                by,
                now,
                null,
                null,
                null,
                null,
                false);
        ComplaintCase next = current.toBuilder()
                .tasks(ComplaintCase.with(current.tasks(), task))
                .build();
        return Change.of(next, assigned(next.complaintId(), task, by, now));
    }

    /** An agent of the department takes an open task nobody owns yet; taking one's own task changes nothing. */
    static Change<ComplaintCase> claimTask(ComplaintCase current, String taskId, String by, Instant now) {
        Task task = openTask(current, taskId, "taken");
        if (by.equals(task.owner())) return null;
        if (task.owner() != null) {
            throw new IllegalTransitionException(
                    current.complaintId(),
                    current.state(),
                    "task " + taskId + " is already " + task.owner() + "'s; a supervisor can reassign the case");
        }
        Task claimed = new Task(
                task.id(),
                task.department(),
                by,
                task.what(),
                task.dueAt(),
                task.required(),
                task.status(),
                task.createdBy(),
                task.createdAt(),
                null,
                null,
                null,
                null,
                task.overdueAnnounced());
        ComplaintCase next =
                current.toBuilder().tasks(replaced(current.tasks(), claimed)).build();
        return Change.of(next, assigned(next.complaintId(), claimed, by, now));
    }

    /** The task is done (with an optional note); who may do this is the caller's check. */
    static Change<ComplaintCase> completeTask(
            ComplaintCase current, String taskId, String by, String note, Instant now) {
        Task task = openTask(current, taskId, "completed");
        Task done = new Task(
                task.id(),
                task.department(),
                task.owner(),
                task.what(),
                task.dueAt(),
                task.required(),
                TaskStatus.DONE,
                task.createdBy(),
                task.createdAt(),
                by,
                now,
                note,
                null,
                task.overdueAnnounced());
        ComplaintCase next =
                current.toBuilder().tasks(replaced(current.tasks(), done)).build();
        return Change.of(next, new TaskCompleted(next.complaintId(), now, task.id(), task.department(), by, note));
    }

    /** The task is declined with a reason; it no longer holds up the resolution. */
    static Change<ComplaintCase> declineTask(
            ComplaintCase current, String taskId, String by, String reason, Instant now) {
        Task task = openTask(current, taskId, "declined");
        Task declined = new Task(
                task.id(),
                task.department(),
                task.owner(),
                task.what(),
                task.dueAt(),
                task.required(),
                TaskStatus.DECLINED,
                task.createdBy(),
                task.createdAt(),
                by,
                now,
                null,
                reason,
                task.overdueAnnounced());
        ComplaintCase next =
                current.toBuilder().tasks(replaced(current.tasks(), declined)).build();
        return Change.of(next, new TaskDeclined(next.complaintId(), now, task.id(), task.department(), by, reason));
    }

    /** The task of this id, or null when the case has none. */
    static Task task(ComplaintCase current, String taskId) {
        return current.tasks().stream()
                .filter(t -> t.id().equals(taskId))
                .findFirst()
                .orElse(null);
    }

    private static Task openTask(ComplaintCase current, String taskId, String action) {
        Task task = task(current, taskId);
        if (task == null) throw UnknownPartException.task(current.complaintId(), taskId);
        if (!task.open()) {
            throw new IllegalTransitionException(
                    current.complaintId(),
                    current.state(),
                    "task " + taskId + " is " + task.status() + ": only an OPEN task can be " + action);
        }
        return task;
    }

    private static List<Task> replaced(List<Task> tasks, Task task) {
        return tasks.stream().map(t -> t.id().equals(task.id()) ? task : t).toList();
    }

    private static TaskAssigned assigned(String complaintId, Task task, String by, Instant now) {
        return new TaskAssigned(
                complaintId,
                now,
                task.id(),
                task.department(),
                task.owner(),
                task.what(),
                task.dueAt(),
                task.required(),
                by);
    }

    /** A note, internal or to the customer; allowed in every state. */
    static Change<ComplaintCase> note(ComplaintCase current, String by, String text, boolean internal, Instant now) {
        ComplaintCase.Builder builder = current.toBuilder().note(new Note(by, now, text, internal));
        if (internal) {
            ComplaintCase next = builder.build();
            return Change.of(next, updated(next, CaseChange.INTERNAL_NOTE, by, text, now));
        }
        // A message to the customer is the callback promised, if one is open.
        List<Promise> promises = keeping(current.promises(), p -> p.kind() == PromiseKind.CALLBACK, by, now);
        ComplaintCase next = builder.promises(promises).build();
        List<FirebreakEvent> events = new ArrayList<>();
        events.add(updated(next, CaseChange.CUSTOMER_MESSAGE, by, text, now));
        return promised(builder, current.promises(), promises, events, by, now);
    }

    /** A supervisor hands the case to another owner (and department), with the reason; not once resolved. */
    static Change<ComplaintCase> handOver(
            ComplaintCase current, String by, String owner, String department, String reason, Instant now) {
        require(current, "reassigned", REASSIGN_FROM);
        String toDepartment = department == null ? current.department() : department;
        ComplaintCase next = current.toBuilder()
                .owner(owner)
                .department(toDepartment)
                .reassignment(
                        new Reassignment(now, by, current.owner(), owner, current.department(), toDepartment, reason))
                .build();
        return Change.of(next, updated(next, CaseChange.HANDED_OVER, by, reason, now));
    }

    /**
     * The customer was not satisfied: the case is open again and must be acknowledged and resolved anew. Due
     * times that passed before the reopening belong to the round that ended; triage sends fresh ones. Only a
     * resolved case can be reopened; otherwise nothing changes.
     */
    static Change<ComplaintCase> reopen(ComplaintCase current, ComplaintReopened reopened, Instant now) {
        if (current.state() != CaseState.RESOLVED) return null;
        Instant at = reopened.occurredAt();
        Instant firstResponseDue =
                current.firstResponseDue() != null && current.firstResponseDue().isAfter(at)
                        ? current.firstResponseDue()
                        : null;
        Instant resolutionDue = current.resolutionDue() != null
                        && current.due(SlaClock.RESOLUTION).isAfter(at)
                ? current.resolutionDue()
                : null;
        ComplaintCase next = current.toBuilder()
                .transition(CaseState.REOPENED, EventType.COMPLAINT_REOPENED.wireName(), now)
                .dueTimes(firstResponseDue, resolutionDue)
                .breached(List.of())
                .warned(List.of())
                .reopenCount(current.reopenCount() + 1)
                .build();
        return Change.of(next, updated(next, CaseChange.REOPENED, null, reopened.reason(), now));
    }

    /**
     * Every running clock whose warning time has passed is warned of once, and every one whose due time has passed
     * is breached once, each with its own event. A warning still pending when the due time has already passed (a
     * scan missed the whole window) is superseded by the breach, not published late. An open task past its due
     * time is announced overdue once. An open promise is warned of once at its warning time and broken at its due
     * time (a warning the scan missed is superseded by the breach).
     */
    static Change<ComplaintCase> fire(ComplaintCase current, Instant now) {
        List<SlaClock> breached = new ArrayList<>(current.breached());
        List<SlaClock> warned = new ArrayList<>(current.warned());
        List<FirebreakEvent> events = new ArrayList<>();
        for (SlaClock clock : SlaClock.values()) {
            Instant due = current.due(clock);
            if (due == null || !current.running(clock) || breached.contains(clock)) continue;
            Instant warnAt = current.warnAt(clock);
            if (!due.isAfter(now)) {
                breached.add(clock);
                if (!warned.contains(clock)) warned.add(clock);
                events.add(new SlaBreached(current.complaintId(), now, clock, due));
            } else if (warnAt != null && !warned.contains(clock) && !warnAt.isAfter(now)) {
                warned.add(clock);
                events.add(new SlaWarned(current.complaintId(), now, clock, due));
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (Task task : current.tasks()) {
            if (task.open()
                    && !task.overdueAnnounced()
                    && task.dueAt() != null
                    && !task.dueAt().isAfter(now)) {
                events.add(new TaskOverdue(
                        current.complaintId(),
                        now,
                        task.id(),
                        task.department(),
                        task.owner(),
                        task.what(),
                        task.dueAt(),
                        task.required()));
                task = new Task(
                        task.id(),
                        task.department(),
                        task.owner(),
                        task.what(),
                        task.dueAt(),
                        task.required(),
                        task.status(),
                        task.createdBy(),
                        task.createdAt(),
                        task.closedBy(),
                        task.closedAt(),
                        task.completionNote(),
                        task.declineReason(),
                        true);
            }
            tasks.add(task);
        }
        List<Promise> promises = new ArrayList<>();
        for (Promise p : current.promises()) {
            if (p.open() && !p.dueAt().isAfter(now)) {
                events.add(new PromiseBroken(
                        current.complaintId(),
                        now,
                        p.id(),
                        p.what(),
                        p.dueAt(),
                        current.owner(),
                        current.department()));
                p = withStatus(p, PromiseStatus.BROKEN, null, now);
            } else if (p.open()
                    && !p.warned()
                    && p.warnAt() != null
                    && !p.warnAt().isAfter(now)) {
                events.add(new PromiseWarned(
                        current.complaintId(),
                        now,
                        p.id(),
                        p.what(),
                        p.dueAt(),
                        current.owner(),
                        current.department()));
                p = new Promise(
                        p.id(),
                        p.kind(),
                        p.what(),
                        p.madeBy(),
                        p.madeAt(),
                        p.warnAt(),
                        p.dueAt(),
                        p.status(),
                        true,
                        p.keptBy(),
                        p.keptAt());
            }
            promises.add(p);
        }
        if (events.isEmpty()) return null;
        return new Change<>(
                current.toBuilder()
                        .breached(breached)
                        .warned(warned)
                        .tasks(tasks)
                        .promises(promises)
                        .build(),
                List.copyOf(events));
    }

    private static ProposalMade made(String complaintId, Proposal proposal, Instant now) {
        return new ProposalMade(
                complaintId, now, proposal.by(), proposal.steps(), proposal.remedies(), proposal.approvedBy());
    }

    private static void require(ComplaintCase current, String action, Set<CaseState> allowedFrom) {
        if (!allowedFrom.contains(current.state())) {
            throw new IllegalTransitionException(current.complaintId(), action, current.state(), allowedFrom);
        }
    }
}

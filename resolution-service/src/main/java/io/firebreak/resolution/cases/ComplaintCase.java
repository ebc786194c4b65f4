package io.firebreak.resolution.cases;

import io.firebreak.events.CaseState;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.ResolutionEvents.ProposalStep;
import io.firebreak.events.ResolutionEvents.Remedy;
import io.firebreak.events.SlaClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The case of one complaint as stored: its state, owner and SLA due times, the latest acknowledgement,
 * proposal and resolution, the customer-waiting pauses, notes, hand-overs and every state change.
 * {@code nextDeadline} is the next instant a running clock needs looking at (its warning time until warned, then
 * its due time until breached), an open task's due time until its lateness is announced, or an open promise's
 * warning or due time; null when none, so the
 * SLA scan finds due cases with one indexed query. The
 * warning times are worked out from the assignment; {@code firstResponseDue}, {@code resolutionDue} and the warning
 * times are as planned, and the resolution clock's effective times are later by {@code resolutionPausedMillis},
 * the customer-waiting time since {@code resolutionSince} (when its due time was last set). {@code queueOrder} is
 * the epoch milliseconds of the due time the queue sorts by (first response while unacknowledged, else the
 * effective resolution; the largest long when there is none). Public, as are its parts, only because the MongoDB
 * record codec cannot reach a package-private record.
 */
public record ComplaintCase(
        String complaintId,
        CaseState state,
        String department,
        List<String> secondaryDepartments,
        ComplaintClass complaintClass,
        Instant firstResponseDue,
        Instant resolutionDue,
        List<SlaClock> breached,
        Instant nextDeadline,
        Instant openedAt,
        Acknowledgement acknowledgement,
        Resolution resolution,
        int reopenCount,
        List<Transition> history,
        String owner,
        Proposal proposal,
        List<Pause> pauses,
        List<Note> notes,
        List<Reassignment> reassignments,
        long queueOrder,
        Instant firstResponseWarnAt,
        Instant resolutionWarnAt,
        List<SlaClock> warned,
        long resolutionPausedMillis,
        Instant resolutionSince,
        List<Task> tasks,
        List<Promise> promises,
        String clocksVersion,
        String triageOwner) {

    public ComplaintCase {
        secondaryDepartments = secondaryDepartments == null ? List.of() : List.copyOf(secondaryDepartments);
        breached = breached == null ? List.of() : List.copyOf(breached);
        history = history == null ? List.of() : List.copyOf(history);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        notes = notes == null ? List.of() : List.copyOf(notes);
        reassignments = reassignments == null ? List.of() : List.copyOf(reassignments);
        warned = warned == null ? List.of() : List.copyOf(warned);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        promises = promises == null ? List.of() : List.copyOf(promises);
    }

    /** The first response (先回应) an agent gave. */
    public record Acknowledgement(String by, Instant at, String message) {}

    /**
     * How the case was resolved and what caused the complaint: a code of the root-cause taxonomy's version
     * {@code taxonomyVersion} (absent on resolutions stored before the taxonomy was versioned).
     */
    public record Resolution(String by, Instant at, String summary, String rootCause, String taxonomyVersion) {}

    /** One state change: when, from what, to what, and by whom (a person, or the event that caused it). */
    public record Transition(Instant at, CaseState from, CaseState to, String by) {}

    /**
     * The plan put (or to be put) to the customer: numbered steps and remedies, its approval when a compensation
     * needed one, and the customer's answer.
     */
    public record Proposal(
            ProposalStatus status,
            List<ProposalStep> steps,
            List<Remedy> remedies,
            String by,
            Instant at,
            String approvedBy,
            Instant approvedAt,
            Instant answeredAt,
            String answerComment) {}

    /** Where a proposal stands. */
    public enum ProposalStatus {
        AWAITING_APPROVAL,
        PROPOSED,
        ACCEPTED,
        REJECTED
    }

    /**
     * A wait for the customer (PENDING_CUSTOMER): why, who started it, from which state, and when it started and
     * ended (null while it lasts), so a resolution clock can leave the paused time out.
     */
    public record Pause(String reason, String by, CaseState from, Instant startedAt, Instant endedAt) {}

    /** A note on the case: internal (handlers only) or a message to the customer. */
    public record Note(String by, Instant at, String text, boolean internal) {}

    /** A supervisor's hand-over of the case to another owner (and department), with the reason. */
    public record Reassignment(
            Instant at,
            String by,
            String fromOwner,
            String toOwner,
            String fromDepartment,
            String toDepartment,
            String reason) {}

    /**
     * A secondary department's part of the case (协同): what it must do and by when, its owner (null while the
     * department's queue holds it), whether the case waits for it before it can be resolved, and how it ended:
     * done with an optional note, or declined with the reason. {@code overdueAnnounced} once its passing the due
     * time while open was published (the SLA scan looks at an open task's due time until then).
     */
    public record Task(
            String id,
            String department,
            String owner,
            String what,
            Instant dueAt,
            boolean required,
            TaskStatus status,
            String createdBy,
            Instant createdAt,
            String closedBy,
            Instant closedAt,
            String completionNote,
            String declineReason,
            boolean overdueAnnounced) {

        boolean open() {
            return status == TaskStatus.OPEN;
        }

        boolean overdue(Instant now) {
            return open() && dueAt != null && dueAt.isBefore(now);
        }
    }

    /**
     * Something promised to the customer (兑现承诺), numbered P1, P2… on the case: a callback by a time, or a
     * proposal's step by its date. Its clock warns the owner at {@code warnAt} (the warning share of the time given)
     * and breaks at {@code dueAt}; {@code warned} once the warning was published.
     */
    public record Promise(
            String id,
            PromiseKind kind,
            String what,
            String madeBy,
            Instant madeAt,
            Instant warnAt,
            Instant dueAt,
            PromiseStatus status,
            boolean warned,
            String keptBy,
            Instant keptAt) {

        boolean open() {
            return status == PromiseStatus.OPEN;
        }
    }

    /** What was promised: a callback (with the acknowledgement) or a proposal's step. */
    public enum PromiseKind {
        CALLBACK,
        PROPOSAL_STEP
    }

    /**
     * Where a promise stands: open, kept, broken (its due time passed; it may still be kept late), or withdrawn (a
     * step of a proposal the customer rejected).
     */
    public enum PromiseStatus {
        OPEN,
        KEPT,
        BROKEN,
        WITHDRAWN
    }

    /** Where a task stands: open, done, or declined by its owner. */
    public enum TaskStatus {
        OPEN,
        DONE,
        DECLINED
    }

    /** The required tasks still open: the case cannot be resolved while there is one. */
    List<Task> openRequiredTasks() {
        return tasks.stream().filter(t -> t.required() && t.open()).toList();
    }

    /** Whether a clock is counting: the first response until acknowledged, the resolution until resolved. */
    boolean running(SlaClock clock) {
        return switch (clock) {
            case FIRST_RESPONSE -> state == CaseState.ASSIGNED || state == CaseState.REOPENED;
            // Waiting for the customer pauses the resolution clock; the pause is added to it on resume.
            case RESOLUTION -> state != CaseState.RESOLVED && state != CaseState.PENDING_CUSTOMER;
        };
    }

    /** The effective due time of a clock: the resolution clock's is later by the time paused. */
    Instant due(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? firstResponseDue : paused(resolutionDue);
    }

    /** The effective warning time of a clock (null when it has none). */
    Instant warnAt(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? firstResponseWarnAt : paused(resolutionWarnAt);
    }

    private Instant paused(Instant planned) {
        return planned == null ? null : planned.plusMillis(resolutionPausedMillis);
    }

    /** The due time the queue orders by: the first response while unacknowledged, else the resolution. */
    Instant queueDue() {
        return running(SlaClock.FIRST_RESPONSE) && firstResponseDue != null
                ? firstResponseDue
                : due(SlaClock.RESOLUTION);
    }

    /** This case with {@code nextDeadline} and {@code queueOrder} worked out again from its state and due times. */
    ComplaintCase withNextDeadline() {
        return toBuilder().build();
    }

    List<Transition> historyWith(Transition transition) {
        return with(history, transition);
    }

    /** What stands where free text was before the customer's personal data was erased. */
    static final String ERASED = PersonalDataErased.MARKER;

    /**
     * With every free text erased (the acknowledgement's message, the resolution's summary, the customer's comment on
     * the proposal, notes, pause reasons and hand-over reasons, tasks' descriptions and notes), since any of them may
     * name or quote the customer; states, owners, departments, clocks, remedies and root causes stay.
     */
    ComplaintCase erasing() {
        Builder b = toBuilder();
        if (acknowledgement != null) {
            b.acknowledgement(
                    new Acknowledgement(acknowledgement.by(), acknowledgement.at(), erased(acknowledgement.message())));
        }
        if (resolution != null) {
            b.resolution(new Resolution(
                    resolution.by(),
                    resolution.at(),
                    erased(resolution.summary()),
                    resolution.rootCause(),
                    resolution.taxonomyVersion()));
        }
        if (proposal != null) {
            b.proposal(new Proposal(
                    proposal.status(),
                    proposal.steps(),
                    proposal.remedies(),
                    proposal.by(),
                    proposal.at(),
                    proposal.approvedBy(),
                    proposal.approvedAt(),
                    proposal.answeredAt(),
                    erased(proposal.answerComment())));
        }
        b.pauses(pauses.stream()
                .map(p -> new Pause(erased(p.reason()), p.by(), p.from(), p.startedAt(), p.endedAt()))
                .toList());
        b.notes = notes.stream()
                .map(n -> new Note(n.by(), n.at(), erased(n.text()), n.internal()))
                .toList();
        b.reassignments = reassignments.stream()
                .map(r -> new Reassignment(
                        r.at(),
                        r.by(),
                        r.fromOwner(),
                        r.toOwner(),
                        r.fromDepartment(),
                        r.toDepartment(),
                        erased(r.reason())))
                .toList();
        b.tasks(tasks.stream()
                .map(t -> new Task(
                        t.id(),
                        t.department(),
                        t.owner(),
                        erased(t.what()),
                        t.dueAt(),
                        t.required(),
                        t.status(),
                        t.createdBy(),
                        t.createdAt(),
                        t.closedBy(),
                        t.closedAt(),
                        erased(t.completionNote()),
                        erased(t.declineReason()),
                        t.overdueAnnounced()))
                .toList());
        b.promises(promises.stream()
                .map(p -> new Promise(
                        p.id(),
                        p.kind(),
                        erased(p.what()),
                        p.madeBy(),
                        p.madeAt(),
                        p.warnAt(),
                        p.dueAt(),
                        p.status(),
                        p.warned(),
                        p.keptBy(),
                        p.keptAt()))
                .toList());
        return b.build();
    }

    private static String erased(String text) {
        return text == null ? null : ERASED;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    static <E> List<E> with(List<E> list, E element) {
        List<E> more = new ArrayList<>(list);
        more.add(element);
        return more;
    }

    /** A changed copy of a case; {@link #build()} works out the derived fields again. */
    static final class Builder {
        private final String complaintId;
        private CaseState state;
        private String department;
        private List<String> secondaryDepartments;
        private ComplaintClass complaintClass;
        private Instant firstResponseDue;
        private Instant resolutionDue;
        private List<SlaClock> breached;
        private final Instant openedAt;
        private Acknowledgement acknowledgement;
        private Resolution resolution;
        private int reopenCount;
        private List<Transition> history;
        private String owner;
        private Proposal proposal;
        private List<Pause> pauses;
        private List<Note> notes;
        private List<Reassignment> reassignments;
        private Instant firstResponseWarnAt;
        private Instant resolutionWarnAt;
        private List<SlaClock> warned;
        private long resolutionPausedMillis;
        private Instant resolutionSince;
        private List<Task> tasks;
        private List<Promise> promises;
        private String clocksVersion;
        private String triageOwner;

        private Builder(ComplaintCase c) {
            complaintId = c.complaintId;
            state = c.state;
            department = c.department;
            secondaryDepartments = c.secondaryDepartments;
            complaintClass = c.complaintClass;
            firstResponseDue = c.firstResponseDue;
            resolutionDue = c.resolutionDue;
            breached = c.breached;
            openedAt = c.openedAt;
            acknowledgement = c.acknowledgement;
            resolution = c.resolution;
            reopenCount = c.reopenCount;
            history = c.history;
            owner = c.owner;
            proposal = c.proposal;
            pauses = c.pauses;
            notes = c.notes;
            reassignments = c.reassignments;
            firstResponseWarnAt = c.firstResponseWarnAt;
            resolutionWarnAt = c.resolutionWarnAt;
            warned = c.warned;
            resolutionPausedMillis = c.resolutionPausedMillis;
            resolutionSince = c.resolutionSince;
            tasks = c.tasks;
            promises = c.promises;
            clocksVersion = c.clocksVersion;
            triageOwner = c.triageOwner;
        }

        /** A state change, recorded in the history. */
        Builder transition(CaseState to, String by, Instant at) {
            history = with(history, new Transition(at, state, to, by));
            state = to;
            return this;
        }

        Builder assignment(String department, List<String> secondaryDepartments, ComplaintClass complaintClass) {
            this.department = department;
            this.secondaryDepartments = secondaryDepartments;
            this.complaintClass = complaintClass;
            return this;
        }

        Builder department(String department) {
            this.department = department;
            return this;
        }

        Builder dueTimes(Instant firstResponseDue, Instant resolutionDue) {
            this.firstResponseDue = firstResponseDue;
            this.resolutionDue = resolutionDue;
            return this;
        }

        Builder warnTimes(Instant firstResponseWarnAt, Instant resolutionWarnAt) {
            this.firstResponseWarnAt = firstResponseWarnAt;
            this.resolutionWarnAt = resolutionWarnAt;
            return this;
        }

        Builder warned(List<SlaClock> warned) {
            this.warned = warned;
            return this;
        }

        Builder resolutionPause(long pausedMillis, Instant since) {
            this.resolutionPausedMillis = pausedMillis;
            this.resolutionSince = since;
            return this;
        }

        Builder breached(List<SlaClock> breached) {
            this.breached = breached;
            return this;
        }

        Builder acknowledgement(Acknowledgement acknowledgement) {
            this.acknowledgement = acknowledgement;
            return this;
        }

        Builder resolution(Resolution resolution) {
            this.resolution = resolution;
            return this;
        }

        Builder reopenCount(int reopenCount) {
            this.reopenCount = reopenCount;
            return this;
        }

        Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        Builder proposal(Proposal proposal) {
            this.proposal = proposal;
            return this;
        }

        Builder pauses(List<Pause> pauses) {
            this.pauses = pauses;
            return this;
        }

        Builder note(Note note) {
            notes = with(notes, note);
            return this;
        }

        Builder reassignment(Reassignment reassignment) {
            reassignments = with(reassignments, reassignment);
            return this;
        }

        Builder tasks(List<Task> tasks) {
            this.tasks = tasks;
            return this;
        }

        Builder triageOwner(String triageOwner) {
            this.triageOwner = triageOwner;
            return this;
        }

        Builder clocksVersion(String clocksVersion) {
            this.clocksVersion = clocksVersion;
            return this;
        }

        Builder promises(List<Promise> promises) {
            this.promises = promises;
            return this;
        }

        ComplaintCase build() {
            ComplaintCase raw = new ComplaintCase(
                    complaintId,
                    state,
                    department,
                    secondaryDepartments,
                    complaintClass,
                    firstResponseDue,
                    resolutionDue,
                    breached,
                    null,
                    openedAt,
                    acknowledgement,
                    resolution,
                    reopenCount,
                    history,
                    owner,
                    proposal,
                    pauses,
                    notes,
                    reassignments,
                    0,
                    firstResponseWarnAt,
                    resolutionWarnAt,
                    warned,
                    resolutionPausedMillis,
                    resolutionSince,
                    tasks,
                    promises,
                    clocksVersion,
                    triageOwner);
            Instant next = null;
            for (SlaClock clock : SlaClock.values()) {
                Instant due = raw.due(clock);
                if (due == null || !raw.running(clock) || breached.contains(clock)) continue;
                Instant warnAt = raw.warnAt(clock);
                Instant look = warnAt != null && !warned.contains(clock) && warnAt.isBefore(due) ? warnAt : due;
                if (next == null || look.isBefore(next)) next = look;
            }
            for (Task task : tasks) {
                if (!task.open() || task.overdueAnnounced() || task.dueAt() == null) continue;
                if (next == null || task.dueAt().isBefore(next)) next = task.dueAt();
            }
            for (Promise promise : promises) {
                if (!promise.open()) continue;
                Instant look = !promise.warned()
                                && promise.warnAt() != null
                                && promise.warnAt().isBefore(promise.dueAt())
                        ? promise.warnAt()
                        : promise.dueAt();
                if (next == null || look.isBefore(next)) next = look;
            }
            Instant queueDue = raw.queueDue();
            return new ComplaintCase(
                    complaintId,
                    state,
                    department,
                    secondaryDepartments,
                    complaintClass,
                    firstResponseDue,
                    resolutionDue,
                    breached,
                    next,
                    openedAt,
                    acknowledgement,
                    resolution,
                    reopenCount,
                    history,
                    owner,
                    proposal,
                    pauses,
                    notes,
                    reassignments,
                    queueDue == null ? Long.MAX_VALUE : queueDue.toEpochMilli(),
                    firstResponseWarnAt,
                    resolutionWarnAt,
                    warned,
                    resolutionPausedMillis,
                    resolutionSince,
                    tasks,
                    promises,
                    clocksVersion,
                    triageOwner);
        }
    }
}

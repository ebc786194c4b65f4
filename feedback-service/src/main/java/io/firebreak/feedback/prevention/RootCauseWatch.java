package io.firebreak.feedback.prevention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.Sorts;
import io.firebreak.events.FeedbackEvents.PreventionRaised;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.platform.mongo.Counts;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Watches root causes (收集源头火苗): counts each resolution's cause, links it to the open prevention action of its
 * cause × department if there is one, and otherwise asks whether the cause has sparked; a spark raises one
 * prevention action (its {@code prevention.raised} in the same write), so a burst is one action, not one per
 * complaint. The action's id is derived from the cause, department and a sequence number, so two instances racing
 * to raise it insert one.
 */
@Component
public class RootCauseWatch {

    /** The earlier actions of a cause × department whose grouped complaints are left out of a new spark. */
    private static final int MAX_EARLIER = 50;

    private final AggregateStore<PreventionAction> actions;
    private final CauseCounts counts;
    private final SparkDetector detector;
    private final FeedbackProperties.Sparks settings;
    private final Clock clock;

    RootCauseWatch(
            AggregateStore<PreventionAction> actions, CauseCounts counts, FeedbackProperties properties, Clock clock) {
        this.actions = actions;
        this.counts = counts;
        this.detector = new SparkDetector(properties.sparks());
        this.settings = properties.sparks();
        this.clock = clock;
    }

    /** A resolution with its root cause: counted once, linked or judged. */
    public void resolved(String resolutionId, CaseResolved resolved) {
        if (resolved.rootCause() == null || resolved.department() == null) return;
        Instant at = resolved.occurredAt() == null ? clock.instant() : resolved.occurredAt();
        boolean counted = counts.add(new CauseCounts.Entry(
                resolutionId,
                resolved.complaintId(),
                resolved.rootCause(),
                resolved.department(),
                resolved.productRef(),
                at));
        Optional<Versioned<PreventionAction>> open = openAction(resolved.rootCause(), resolved.department());
        if (open.isPresent()) {
            link(open.get(), resolved.complaintId(), counted);
            return;
        }
        detect(resolved.rootCause(), resolved.department());
    }

    /**
     * Judges a cause × department now, and raises a prevention action if it has sparked and none is open.
     * Returns the action raised, if any.
     */
    public Optional<PreventionAction> detect(String cause, String department) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(settings.window());
        LocalDate lastBaselineDay = CauseCounts.day(windowStart).minusDays(1);
        // Complaints an earlier action already grouped (one done, whose fix is judged by its effect) spark nothing
        // again: only the others count. An action grouped every complaint of its cause resolved until it was done,
        // named or (beyond the most it names) only counted, so the window starts after the last one was done.
        Set<String> grouped = new HashSet<>();
        for (Versioned<PreventionAction> earlier : actions.findAll(
                and(eq("rootCause", cause), eq("department", department)), Sorts.descending("raisedAt"), MAX_EARLIER)) {
            grouped.addAll(earlier.value().complaintIds());
            Instant done = earlier.value().doneAt();
            if (done != null && done.isAfter(windowStart)) windowStart = done;
        }
        LocalDate firstBaselineDay = lastBaselineDay.minusDays(settings.baselineDays() - 1L);
        var baseline = counts.daily(cause, department, firstBaselineDay, lastBaselineDay)
                .values();
        // Counted only as far as a spark needs: a quiet window is read whole, a busy one no further than its spark.
        Instant windowEnd = now.plusMillis(1);
        int needed = detector.sparksAt(baseline);
        if (counts.countUpTo(cause, department, windowStart, windowEnd, grouped, needed) < needed) {
            return Optional.empty();
        }
        List<CauseCounts.Entry> recent = counts.between(cause, department, windowStart, windowEnd, grouped);
        SparkDetector.Verdict verdict = detector.judge(recent.size(), baseline);
        if (!verdict.spark() || openAction(cause, department).isPresent()) return Optional.empty();

        List<String> all =
                recent.stream().map(CauseCounts.Entry::complaintId).distinct().toList();
        List<String> complaintIds = all.subList(0, Math.min(all.size(), PreventionAction.MAX_LISTED));
        long earlier = Counts.matching(actions.collection(), and(eq("rootCause", cause), eq("department", department)));
        String id = "PA-" + cause + "-" + department + "-" + (earlier + 1);
        PreventionAction action = new PreventionAction(
                id,
                cause,
                department,
                PreventionAction.Status.OPEN,
                now,
                complaintIds,
                verdict.windowCount(),
                verdict.mean(),
                verdict.spread(),
                verdict.threshold(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                all.size());
        boolean raised = actions.insert(
                id, action, List.of(new PreventionRaised(id, now, cause, department, complaintIds, all.size())), null);
        return raised ? Optional.of(action) : Optional.empty();
    }

    private Optional<Versioned<PreventionAction>> openAction(String cause, String department) {
        return actions
                .findAll(
                        and(
                                eq("rootCause", cause),
                                eq("department", department),
                                ne("status", PreventionAction.Status.DONE.name())),
                        Sorts.descending("raisedAt"),
                        1)
                .stream()
                .findFirst();
    }

    /**
     * Links the complaint to the open action as just read (written without reading it again, unless it changed since).
     * {@code counted}: the resolution was counted now, not before (a redelivery is not counted twice).
     */
    private void link(Versioned<PreventionAction> open, String complaintId, boolean counted) {
        actions.update(open, stored -> {
            PreventionAction linked = stored.value().linking(complaintId, counted);
            return linked == stored.value() ? null : Change.of(linked);
        });
    }

    /**
     * The effect of a finished action: complaints with its cause × department in the {@code effectDays} days after
     * it was done against as many days before. Null while it is not done.
     */
    public Effect effect(PreventionAction action) {
        if (action.doneAt() == null) return null;
        Instant done = action.doneAt();
        java.time.Duration span = java.time.Duration.ofDays(settings.effectDays());
        Instant now = clock.instant();
        boolean complete = !now.isBefore(done.plus(span));
        Instant afterEnd = complete ? done.plus(span) : now;
        int before = counts.between(action.rootCause(), action.department(), done.minus(span), done)
                .size();
        int after = counts.between(action.rootCause(), action.department(), done, afterEnd)
                .size();
        // A share of a window not yet over would compare a few days with a whole window (−100% on the first day).
        Double change = !complete || before == 0 ? null : Math.round((after - before) * 1000.0 / before) / 10.0;
        int daysSoFar = (int) Math.min(
                settings.effectDays(),
                java.time.Duration.between(done, afterEnd).toDays());
        return new Effect(settings.effectDays(), daysSoFar, before, after, change, complete);
    }

    /**
     * Complaints with the cause in the {@code days} days before the action was done and after it ({@code daysSoFar}
     * of them, until {@code complete}); {@code changePercent}: after against before, reported only once the window
     * after is complete, and null when there were none before.
     */
    public record Effect(int days, int daysSoFar, int before, int after, Double changePercent, boolean complete) {}
}

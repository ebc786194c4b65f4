package io.firebreak.resolution.cases;

import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The due and warning times of both clocks for one assignment, counted from the assignment ({@code start}):
 * warnAt = start + share × (due − start), in business time when the department has a calendar, which also
 * re-counts the due time so it keeps the duration triage gave. A due time not after the start has no warning.
 */
record SlaPlan(
        Instant start,
        Instant firstResponseDue,
        Instant firstResponseWarnAt,
        Instant resolutionDue,
        Instant resolutionWarnAt,
        String version) {

    /** This plan, made with the clock settings of {@code version}. */
    SlaPlan withVersion(String version) {
        return new SlaPlan(start, firstResponseDue, firstResponseWarnAt, resolutionDue, resolutionWarnAt, version);
    }

    /** The share of a clock's time at which it warns unless configured otherwise. */
    static final BigDecimal DEFAULT_WARN_AT = new BigDecimal("0.75");

    /** The plan of an assignment; {@code calendar} null means the department works 24/7. */
    static SlaPlan of(ResponsibilityAssigned assigned, Instant now, BigDecimal warnAt, BusinessCalendar calendar) {
        Instant start = assigned.occurredAt() == null ? now : assigned.occurredAt();
        Instant[] first = times(start, assigned.firstResponseDue(), warnAt, calendar);
        Instant[] resolution = times(start, assigned.resolutionDue(), warnAt, calendar);
        return new SlaPlan(start, first[0], first[1], resolution[0], resolution[1], null);
    }

    /** A plan running 24/7 with the default warning share. */
    static SlaPlan of(ResponsibilityAssigned assigned, Instant now) {
        return of(assigned, now, DEFAULT_WARN_AT, null);
    }

    /** {due, warnAt} of one clock. */
    private static Instant[] times(Instant start, Instant due, BigDecimal warnAt, BusinessCalendar calendar) {
        if (due == null || !due.isAfter(start)) return new Instant[] {due, null};
        Duration length = Duration.between(start, due);
        Duration toWarning = Duration.ofMillis(new BigDecimal(length.toMillis())
                .multiply(warnAt)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
        if (calendar == null) return new Instant[] {due, start.plus(toWarning)};
        return new Instant[] {calendar.plus(start, length), calendar.plus(start, toWarning)};
    }
}

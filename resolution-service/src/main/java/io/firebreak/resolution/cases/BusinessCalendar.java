package io.firebreak.resolution.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A department's working time (e.g. Mon–Fri 09:00–18:00 in Asia/Shanghai, less holidays): adds a duration of
 * business time to an instant, so a due time counts only the hours the department is at work.
 */
record BusinessCalendar(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes, Set<LocalDate> holidays) {

    /** Far more than any SLA needs; a calendar with no working day at all must not loop for ever. */
    private static final int MAX_DAYS = 3660;

    BusinessCalendar {
        if (!opens.isBefore(closes)) throw new IllegalArgumentException("a working day must open before it closes");
        days = Set.copyOf(days);
        holidays = Set.copyOf(holidays);
    }

    /** The instant {@code amount} of business time after {@code start}. */
    Instant plus(Instant start, Duration amount) {
        Duration remaining = amount;
        ZonedDateTime cursor = start.atZone(zone);
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(opens).atZone(zone);
                ZonedDateTime close = day.atTime(closes).atZone(zone);
                ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
                if (from.isBefore(close)) {
                    Duration window = Duration.between(from, close);
                    // A due time that falls exactly on closing time stays on that day.
                    if (remaining.compareTo(window) <= 0)
                        return from.plus(remaining).toInstant();
                    remaining = remaining.minus(window);
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + start);
    }

    private boolean isWorkingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }
}

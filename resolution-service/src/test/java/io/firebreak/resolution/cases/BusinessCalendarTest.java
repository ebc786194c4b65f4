package io.firebreak.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.resolution.ResolutionProperties.BusinessHours;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Mon–Fri 09:00–18:00 in Shanghai; Wednesday 2026-11-25 is a holiday (2026-11-23 is a Monday). */
    private static final BusinessCalendar CALENDAR = SlaPlanner.calendar(new BusinessHours(
            "Asia/Shanghai",
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            "09:00",
            "18:00",
            List.of("2026-11-25")));

    @Test
    void durationWithinTheWorkingDayIsPlainTime() {
        assertThat(CALENDAR.plus(at("2026-11-23T10:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-23T12:00"));
    }

    @Test
    void dueTimeOnClosingTimeStaysOnThatDay() {
        assertThat(CALENDAR.plus(at("2026-11-23T09:00"), Duration.ofHours(9))).isEqualTo(at("2026-11-23T18:00"));
    }

    @Test
    void nightIsSkipped() {
        assertThat(CALENDAR.plus(at("2026-11-23T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-24T10:00"));
    }

    @Test
    void weekendIsSkipped() {
        assertThat(CALENDAR.plus(at("2026-11-27T17:30"), Duration.ofHours(2))).isEqualTo(at("2026-11-30T10:30"));
    }

    @Test
    void holidayIsSkipped() {
        assertThat(CALENDAR.plus(at("2026-11-24T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-26T10:00"));
    }

    @Test
    void startOutsideWorkingHoursCountsFromTheNextOpening() {
        assertThat(CALENDAR.plus(at("2026-11-28T12:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-30T10:00"));
        assertThat(CALENDAR.plus(at("2026-11-23T07:00"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-11-23T09:30"));
        assertThat(CALENDAR.plus(at("2026-11-23T20:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-24T10:00"));
    }

    @Test
    void severalDaysAcrossAHolidayAndAWeekend() {
        // Mon 09:00 + 27h = Mon, Tue, (Wed holiday) Thu full days; + 1h more lands on Fri 10:00.
        assertThat(CALENDAR.plus(at("2026-11-23T09:00"), Duration.ofHours(28))).isEqualTo(at("2026-11-27T10:00"));
        // Fri 09:00 + 18h = Fri, (weekend) Mon.
        assertThat(CALENDAR.plus(at("2026-11-27T09:00"), Duration.ofHours(18))).isEqualTo(at("2026-11-30T18:00"));
    }

    @Test
    void calendarWithoutWorkingDaysFailsInsteadOfLoopingForEver() {
        BusinessCalendar never =
                new BusinessCalendar(SHANGHAI, Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of());

        assertThatThrownBy(() -> never.plus(at("2026-11-23T09:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void plannedDueAndWarningTimesCountOnlyBusinessTime() {
        Instant start = at("2026-11-23T17:00");
        ResponsibilityAssigned assigned = new ResponsibilityAssigned(
                "c-1",
                start,
                "CUSTOMER_CARE",
                List.of(),
                ComplaintClass.ORDINARY,
                start.plus(Duration.ofHours(4)),
                start.plus(Duration.ofHours(8)));

        SlaPlan plan = SlaPlan.of(assigned, start, new BigDecimal("0.75"), CALENDAR);

        assertThat(plan.firstResponseDue()).isEqualTo(at("2026-11-24T12:00"));
        assertThat(plan.firstResponseWarnAt()).isEqualTo(at("2026-11-24T11:00"));
        assertThat(plan.resolutionDue()).isEqualTo(at("2026-11-24T16:00"));
        assertThat(plan.resolutionWarnAt()).isEqualTo(at("2026-11-24T14:00"));
    }

    @Test
    void withoutACalendarTheClocksRunAroundTheClock() {
        Instant start = at("2026-11-27T17:00");
        ResponsibilityAssigned assigned = new ResponsibilityAssigned(
                "c-1",
                start,
                "BILLING",
                List.of(),
                ComplaintClass.ORDINARY,
                start.plus(Duration.ofHours(4)),
                start.plus(Duration.ofHours(8)));

        SlaPlan plan = SlaPlan.of(assigned, start, new BigDecimal("0.75"), null);

        assertThat(plan.firstResponseDue()).isEqualTo(start.plus(Duration.ofHours(4)));
        assertThat(plan.firstResponseWarnAt()).isEqualTo(start.plus(Duration.ofHours(3)));
        assertThat(plan.resolutionWarnAt()).isEqualTo(start.plus(Duration.ofHours(6)));
    }

    private static Instant at(String localShanghai) {
        return LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant();
    }
}

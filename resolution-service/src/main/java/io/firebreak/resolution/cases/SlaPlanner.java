package io.firebreak.resolution.cases;

import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.resolution.ResolutionProperties.BusinessHours;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plans an assignment's clocks with one version of the clock settings: its warning share and the department's
 * calendar, if it has one.
 */
final class SlaPlanner {

    private final String version;
    private final BigDecimal warnAt;
    private final Map<String, BusinessCalendar> calendars = new HashMap<>();

    SlaPlanner(String version, ClockSettings settings) {
        this.version = version;
        this.warnAt = settings.warnAt();
        settings.calendars().forEach((department, hours) -> calendars.put(department, calendar(hours)));
    }

    /** The version of the clock settings this planner applies ({@code clocks-2}). */
    String version() {
        return version;
    }

    BigDecimal warnAt() {
        return warnAt;
    }

    SlaPlan plan(ResponsibilityAssigned assigned, Instant now) {
        return SlaPlan.of(assigned, now, warnAt, calendars.get(assigned.primaryDepartment()))
                .withVersion(version);
    }

    static BusinessCalendar calendar(BusinessHours hours) {
        return new BusinessCalendar(
                ZoneId.of(hours.zone()),
                new HashSet<>(hours.days()),
                LocalTime.parse(hours.opens()),
                LocalTime.parse(hours.closes()),
                hours.holidays().stream().map(LocalDate::parse).collect(Collectors.toSet()));
    }
}

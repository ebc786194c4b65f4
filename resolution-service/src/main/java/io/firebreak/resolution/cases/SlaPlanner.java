package io.firebreak.resolution.cases;

import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.resolution.ResolutionProperties;
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
import org.springframework.stereotype.Component;

/** Plans an assignment's clocks with the configured warning share and the department's calendar, if it has one. */
@Component
class SlaPlanner {

    private final BigDecimal warnAt;
    private final Map<String, BusinessCalendar> calendars = new HashMap<>();

    SlaPlanner(ResolutionProperties properties) {
        this.warnAt = properties.slaClocks().warnAt();
        properties.slaClocks().calendars().forEach((department, hours) -> calendars.put(department, calendar(hours)));
    }

    SlaPlan plan(ResponsibilityAssigned assigned, Instant now) {
        return SlaPlan.of(assigned, now, warnAt, calendars.get(assigned.primaryDepartment()));
    }

    static BusinessCalendar calendar(BusinessHours hours) {
        return new BusinessCalendar(ZoneId.of(hours.zone()), new HashSet<>(hours.days()),
                LocalTime.parse(hours.opens()), LocalTime.parse(hours.closes()),
                hours.holidays().stream().map(LocalDate::parse).collect(Collectors.toSet()));
    }
}

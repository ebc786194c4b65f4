package io.firebreak.resolution.cases;

import com.mongodb.client.MongoDatabase;
import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.platform.settings.SettingsHistory;
import io.firebreak.platform.settings.VersionedSettings;
import io.firebreak.resolution.ResolutionProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks' settings (warning share, calendars) as versioned data in resolution's database: seeded from
 * {@code resolution.yml}, replaced by administrators ({@code PUT /api/v1/resolution/clocks}); every case planned
 * with the active version records it ({@code clocksVersion}).
 */
@Component
class ClockSettingsStore {

    private final VersionedSettings<ClockSettings, SlaPlanner> clocks;

    ClockSettingsStore(MongoDatabase database, ResolutionProperties properties, Clock clock) {
        this.clocks = new VersionedSettings<>(
                        "SLA clock settings",
                        "resolution.yml",
                        new SettingsHistory<>(database, "clocksettings", ClockSettings.class, "clocks"),
                        FieldProblem::constraintsOf,
                        SlaPlanner::new,
                        clock)
                .seed(new ClockSettings(
                        properties.slaClocks().warnAt(), properties.slaClocks().calendars()));
    }

    /** The planner of the active version. */
    SlaPlanner planner() {
        return clocks.compiled();
    }

    VersionedSettings<ClockSettings, SlaPlanner> settings() {
        return clocks;
    }
}

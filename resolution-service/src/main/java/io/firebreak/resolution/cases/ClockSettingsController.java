package io.firebreak.resolution.cases;

import io.firebreak.platform.settings.SettingsView;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA clocks' settings (warning share, business-hours calendars): supervisors and administrators read them and
 * their versions, administrators replace them; the next case is planned with the new version.
 */
@RestController
@RequestMapping("/api/v1/resolution/clocks")
class ClockSettingsController {

    private final ClockSettingsStore store;

    ClockSettingsController(ClockSettingsStore store) {
        this.store = store;
    }

    @GetMapping
    SettingsView<ClockSettings> clocks() {
        return SettingsView.of(store.settings().active());
    }

    @PutMapping
    SettingsView<ClockSettings> replace(@RequestBody ClockSettings settings, Authentication who) {
        return SettingsView.replaced(
                "Invalid SLA clock settings", () -> store.settings().replace(settings, who.getName()));
    }

    @GetMapping("/versions")
    SettingsView.Versions<ClockSettings> versions() {
        return SettingsView.versionsOf(store.settings());
    }

    @GetMapping("/versions/{version}")
    SettingsView<ClockSettings> version(@PathVariable String version) {
        return SettingsView.versionOf(store.settings(), version);
    }
}

package io.firebreak.resolution.rootcause;

import io.firebreak.platform.settings.SettingsView;
import io.firebreak.platform.web.Page;
import io.firebreak.resolution.ResolutionProperties.RootCause;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/root-causes}: the active taxonomy, with English and Chinese labels, for an agent's picker;
 * ADMIN replaces it ({@code PUT}) and reads its versions.
 */
@RestController
class RootCauseController {

    private final RootCauseTaxonomies taxonomies;

    RootCauseController(RootCauseTaxonomies taxonomies) {
        this.taxonomies = taxonomies;
    }

    @GetMapping("/api/v1/root-causes")
    Page<RootCause> rootCauses() {
        return Page.of(taxonomies.current().all());
    }

    /** A new version of the taxonomy, for the next resolution: {@code {rootCauses: [{code, en, zh}]}}. */
    @PutMapping("/api/v1/root-causes")
    SettingsView<Taxonomy> replace(@RequestBody Taxonomy taxonomy, Authentication who) {
        return SettingsView.replaced(
                "Invalid root-cause taxonomy", () -> taxonomies.settings().replace(taxonomy, who.getName()));
    }

    @GetMapping("/api/v1/root-causes/versions")
    SettingsView.Versions<Taxonomy> versions() {
        return SettingsView.versionsOf(taxonomies.settings());
    }

    @GetMapping("/api/v1/root-causes/versions/{version}")
    SettingsView<Taxonomy> version(@PathVariable String version) {
        return SettingsView.versionOf(taxonomies.settings(), version);
    }
}

package io.firebreak.resolution.rootcause;

import com.mongodb.client.MongoDatabase;
import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.platform.settings.SettingsHistory;
import io.firebreak.platform.settings.VersionedSettings;
import io.firebreak.resolution.ResolutionProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The root-cause taxonomy as versioned data in resolution's database: seeded from {@code resolution.yml}, replaced
 * by administrators ({@code PUT /api/v1/root-causes}); a resolution names a code of the active version.
 */
@Component
public class RootCauseTaxonomies {

    private final VersionedSettings<Taxonomy, RootCauseTaxonomy> taxonomy;

    RootCauseTaxonomies(MongoDatabase database, ResolutionProperties properties, Clock clock) {
        this.taxonomy = new VersionedSettings<>(
                        "root-cause taxonomy",
                        "resolution.yml",
                        new SettingsHistory<>(database, "taxonomies", Taxonomy.class, "root-causes"),
                        FieldProblem::constraintsOf,
                        RootCauseTaxonomy::new,
                        clock)
                .seed(new Taxonomy(properties.rootCauses()));
    }

    /** The active taxonomy. */
    public RootCauseTaxonomy current() {
        return taxonomy.compiled();
    }

    VersionedSettings<Taxonomy, RootCauseTaxonomy> settings() {
        return taxonomy;
    }
}

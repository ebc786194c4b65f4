package io.firebreak.resolution.rootcause;

import io.firebreak.platform.web.Page;
import io.firebreak.resolution.ResolutionProperties.RootCause;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/root-causes}: the taxonomy, with English and Chinese labels, for an agent's picker. */
@RestController
class RootCauseController {

    private final RootCauseTaxonomy taxonomy;

    RootCauseController(RootCauseTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GetMapping("/api/v1/root-causes")
    Page<RootCause> rootCauses() {
        return Page.of(taxonomy.all());
    }
}

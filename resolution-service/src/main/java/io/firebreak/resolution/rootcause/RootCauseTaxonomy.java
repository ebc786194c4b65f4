package io.firebreak.resolution.rootcause;

import io.firebreak.resolution.ResolutionProperties.RootCause;
import java.util.List;

/** One version of the root causes a resolution may name (product defect, process, staff attitude, …). */
public final class RootCauseTaxonomy {

    private final String version;
    private final List<RootCause> rootCauses;

    public RootCauseTaxonomy(String version, Taxonomy taxonomy) {
        this.version = version;
        this.rootCauses = List.copyOf(taxonomy.rootCauses());
    }

    /** The version of the taxonomy ({@code root-causes-2}). */
    public String version() {
        return version;
    }

    public List<RootCause> all() {
        return rootCauses;
    }

    public List<String> codes() {
        return rootCauses.stream().map(RootCause::code).toList();
    }

    public boolean contains(String code) {
        return rootCauses.stream().anyMatch(r -> r.code().equals(code));
    }
}

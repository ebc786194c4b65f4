package io.firebreak.resolution.rootcause;

import io.firebreak.resolution.ResolutionProperties;
import io.firebreak.resolution.ResolutionProperties.RootCause;
import java.util.List;
import org.springframework.stereotype.Component;

/** The configured root causes a resolution may name (product defect, process, staff attitude, …). */
@Component
public class RootCauseTaxonomy {

    private final List<RootCause> rootCauses;

    public RootCauseTaxonomy(ResolutionProperties properties) {
        this.rootCauses = List.copyOf(properties.rootCauses());
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

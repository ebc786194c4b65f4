package io.firebreak.resolution.rootcause;

import io.firebreak.resolution.ResolutionProperties.RootCause;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Objects;

/**
 * The root causes (根因) a resolution may name, as stored and replaced: codes unique, each with its English and
 * Chinese label. Public only because the MongoDB record codec cannot reach a package-private record.
 */
public record Taxonomy(@NotEmpty List<@Valid @NotNull RootCause> rootCauses) {

    @AssertTrue(message = "root cause codes must be unique")
    public boolean isCodesUnique() {
        return rootCauses == null
                || rootCauses.stream()
                                .filter(Objects::nonNull)
                                .map(RootCause::code)
                                .distinct()
                                .count()
                        == rootCauses.stream().filter(Objects::nonNull).count();
    }
}

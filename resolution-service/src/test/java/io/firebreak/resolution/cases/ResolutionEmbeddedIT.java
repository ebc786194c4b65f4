package io.firebreak.resolution.cases;

import io.firebreak.platform.test.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The resolution contract on an embedded KRaft broker and the in-memory MongoDB-protocol store. */
class ResolutionEmbeddedIT extends ResolutionContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry, "resolution");
    }
}

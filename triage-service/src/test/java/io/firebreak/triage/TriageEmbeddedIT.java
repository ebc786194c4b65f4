package io.firebreak.triage;

import io.firebreak.platform.test.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The triage contract on an embedded KRaft broker and the in-memory MongoDB-protocol store. */
class TriageEmbeddedIT extends TriageContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry, "triage");
    }
}

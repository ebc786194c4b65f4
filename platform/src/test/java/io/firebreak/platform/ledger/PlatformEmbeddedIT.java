package io.firebreak.platform.ledger;

import io.firebreak.platform.test.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform's guarantees on the embedded KRaft broker and the embedded MongoDB-protocol store. */
class PlatformEmbeddedIT extends PlatformContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry);
    }
}

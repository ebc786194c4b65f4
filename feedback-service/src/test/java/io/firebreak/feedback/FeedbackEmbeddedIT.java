package io.firebreak.feedback;

import io.firebreak.platform.test.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The feedback contract on an embedded KRaft broker and the in-memory MongoDB-protocol store. */
class FeedbackEmbeddedIT extends FeedbackContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry, "feedback");
    }
}

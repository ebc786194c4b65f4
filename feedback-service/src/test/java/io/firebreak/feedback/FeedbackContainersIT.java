package io.firebreak.feedback;

import io.firebreak.platform.test.ContainerInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The feedback contract on real Kafka and MongoDB containers; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class FeedbackContainersIT extends FeedbackContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ContainerInfrastructure.shared().register(registry, "feedback");
    }
}

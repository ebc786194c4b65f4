package io.firebreak.resolution.cases;

import io.firebreak.platform.test.ContainerInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The resolution contract on real Kafka and MongoDB containers; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class ResolutionContainersIT extends ResolutionContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ContainerInfrastructure.shared().register(registry, "resolution");
    }
}

package io.firebreak.platform.ledger;

import io.firebreak.platform.test.ContainerInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same guarantees on real Kafka and MongoDB containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class PlatformContainersIT extends PlatformContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ContainerInfrastructure.shared().register(registry);
    }
}

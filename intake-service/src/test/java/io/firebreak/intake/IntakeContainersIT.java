package io.firebreak.intake;

import io.firebreak.platform.test.ContainerInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Intake against real Kafka and MongoDB containers, where Docker is present. */
@Testcontainers(disabledWithoutDocker = true)
class IntakeContainersIT extends IntakeContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ContainerInfrastructure.shared().register(registry, "intake");
    }

    @BeforeAll
    static void openProbe() {
        open(ContainerInfrastructure.shared());
    }
}

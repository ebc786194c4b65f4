package io.firebreak.intake;

import io.firebreak.platform.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Intake against the embedded KRaft broker and the embedded store. */
class IntakeEmbeddedIT extends IntakeContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry, "intake");
    }

    @BeforeAll
    static void openProbe() {
        open(EmbeddedInfrastructure.shared());
    }
}

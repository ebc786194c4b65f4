package io.firebreak.platform;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts a Firebreak service under its own name: its configuration file is {@code <name>.yml}, so several
 * services can share one classpath (the standalone system runs all five in one JVM).
 */
public final class FirebreakApplication {

    private FirebreakApplication() {}

    public static SpringApplicationBuilder builder(Class<?> application, String name) {
        return new SpringApplicationBuilder(application)
                .properties(Map.of("spring.config.name", name, "spring.application.name", name));
    }
}

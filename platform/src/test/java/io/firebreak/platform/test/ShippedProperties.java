package io.firebreak.platform.test;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** A service's settings as shipped in its {@code <name>.yml}, bound the way the service binds them, for unit tests. */
public final class ShippedProperties {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private ShippedProperties() {}

    /** Binds the section {@code prefix} of the classpath file {@code file}, e.g. "firebreak.triage" of "triage.yml". */
    public static <T> T bind(String file, String prefix, Class<T> type) {
        return bind(file, prefix, type, Map.of());
    }

    /** As {@link #bind(String, String, Class)}, with what an operator must give (a secret none is shipped for). */
    public static <T> T bind(String file, String prefix, Class<T> type, Map<String, Object> given) {
        try {
            List<PropertySource<?>> sources = new ArrayList<>();
            sources.add(new MapPropertySource("given", given));
            sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind(prefix, type)
                    .orElseThrow(() -> new IllegalStateException(file + " has no " + prefix + " section"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What bean validation finds wrong with these properties, as the service would at start-up. */
    public static <T> Set<ConstraintViolation<T>> violations(T properties) {
        return VALIDATOR.validate(properties);
    }
}

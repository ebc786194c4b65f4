package io.firebreak.resolution;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The resolution settings as shipped in {@code resolution.yml}, bound as the service binds them, for tests. */
public final class ShippedSettings {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private ShippedSettings() {}

    public static ResolutionProperties properties() {
        try {
            var sources =
                    new YamlPropertySourceLoader().load("resolution.yml", new ClassPathResource("resolution.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("firebreak.resolution", ResolutionProperties.class)
                    .orElseThrow(() -> new IllegalStateException("resolution.yml has no resolution section"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ConstraintViolation<ResolutionProperties>> violations(ResolutionProperties properties) {
        return VALIDATOR.validate(properties);
    }
}

package io.firebreak.triage;

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

/** The triage rules as shipped in {@code triage.yml}, bound the way the service binds them, for unit tests. */
public final class ShippedRules {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private ShippedRules() {}

    public static TriageProperties properties() {
        try {
            var sources = new YamlPropertySourceLoader().load("triage.yml", new ClassPathResource("triage.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("firebreak.triage", TriageProperties.class)
                    .orElseThrow(() -> new IllegalStateException("triage.yml has no triage section"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ConstraintViolation<TriageProperties>> violations(TriageProperties properties) {
        return VALIDATOR.validate(properties);
    }
}

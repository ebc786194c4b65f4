package io.firebreak.feedback;

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

/** The feedback settings as shipped in {@code feedback.yml}, bound the way the service binds them, for unit tests. */
public final class ShippedSettings {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private ShippedSettings() {}

    public static FeedbackProperties properties() {
        try {
            var sources = new YamlPropertySourceLoader().load("feedback.yml", new ClassPathResource("feedback.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("firebreak.feedback", FeedbackProperties.class)
                    .orElseThrow(() -> new IllegalStateException("feedback.yml has no feedback section"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ConstraintViolation<FeedbackProperties>> violations(FeedbackProperties properties) {
        return VALIDATOR.validate(properties);
    }
}

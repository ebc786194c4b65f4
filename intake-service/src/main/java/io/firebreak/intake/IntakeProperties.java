package io.firebreak.intake;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The intake service's settings, under {@code firebreak.intake}. */
@Validated
@ConfigurationProperties("firebreak.intake")
public record IntakeProperties(@Min(1) @DefaultValue("200") int maxListSize) {}

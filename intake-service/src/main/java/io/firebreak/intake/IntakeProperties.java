package io.firebreak.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The intake service's settings, under {@code firebreak.intake}; the shipped values are in {@code intake.yml}. */
@Validated
@ConfigurationProperties("firebreak.intake")
public record IntakeProperties(
        @Min(1) @DefaultValue("200") int maxListSize,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @Valid @NotNull @DefaultValue Duplicates duplicates,
        @Valid @NotNull @DefaultValue Emotion emotion,
        @Valid @NotNull @DefaultValue Caps caps,
        String customerIdKey) {

    /**
     * The most one complaint holds: messages (later messages and merged duplicates), attachments, and clients it is
     * shared with. A complaint at a cap refuses more (409 naming the cap); a duplicate submission then opens a
     * complaint of its own rather than being merged.
     */
    public record Caps(
            @Min(1) @DefaultValue("500") int messages,
            @Min(1) @DefaultValue("50") int attachments,
            @Min(1) @DefaultValue("20") int shares) {}

    /**
     * When a new submission is the same matter as an earlier complaint of the same customer: within {@code window}
     * of the earlier one, and with the same order, the same product, or a text at least {@code similarity} alike.
     */
    public record Duplicates(
            @NotNull @DefaultValue("30d") Duration window,

            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.6")
            double similarity,

            @NotNull @DefaultValue("2h") Duration sameContactWithin) {}

    /**
     * What the emotion reader looks for (愤怒感知法): the words of each kind of signal, the words that state a
     * grievance; a list of the shared lexicon is named as {@code @name} (negation and ordinary senses are the
     * lexicon's, as triage reads them).
     */
    public record Emotion(
            @Valid @NotNull @DefaultValue Words words,
            @NotEmpty List<String> grievanceWords,
            @NotNull @DefaultValue List<String> capsIgnored,
            @NotNull @DefaultValue List<String> repeatIgnored) {}

    /**
     * Words and phrases per kind of signal, Chinese or English. An English entry matches whole words (a plural too);
     * a trailing {@code *} matches any ending ({@code lawyer*}). A Chinese entry matches anywhere in the text.
     */
    public record Words(
            @NotEmpty List<String> upset,
            @NotEmpty List<String> anger,
            @NotEmpty List<String> threat,
            @NotEmpty List<String> regulator,
            @NotEmpty List<String> media,
            @NotEmpty List<String> superior,
            @NotEmpty List<String> safety,
            @NotEmpty List<String> abuse,
            @NotEmpty List<String> sarcasm) {}
}

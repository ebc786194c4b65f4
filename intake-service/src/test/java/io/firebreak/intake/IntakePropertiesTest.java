package io.firebreak.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.test.ShippedProperties;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IntakePropertiesTest {

    static final IntakeProperties SHIPPED =
            ShippedProperties.bind("intake.yml", "firebreak.intake", IntakeProperties.class);

    @Test
    void theShippedSettingsAreValidWithTheDefaultsTheReadmeNames() {
        assertThat(ShippedProperties.violations(SHIPPED)).isEmpty();
        assertThat(SHIPPED.duplicates().window()).isEqualTo(Duration.ofDays(30));
        assertThat(SHIPPED.duplicates().similarity()).isEqualTo(0.6);
    }

    @Test
    void everyShippedWordIsReadAsTheWordItIs() {
        // YAML reads a bare no, yes, on or off as a boolean: each must stay the word it is.
        IntakeProperties.Emotion e = SHIPPED.emotion();
        IntakeProperties.Words w = e.words();
        List<String> all = Stream.of(
                        w.upset(),
                        w.anger(),
                        w.threat(),
                        w.regulator(),
                        w.media(),
                        w.superior(),
                        w.safety(),
                        w.abuse(),
                        w.sarcasm(),
                        e.grievanceWords(),
                        e.capsIgnored(),
                        e.repeatIgnored())
                .flatMap(List::stream)
                .toList();
        assertThat(all).doesNotContain("true", "false").allMatch(word -> !word.isBlank());
        // The signals triage also reads name the shared lexicon's lists.
        assertThat(List.of(w.threat(), w.regulator(), w.media(), w.superior(), w.safety(), w.abuse()))
                .containsExactly(
                        List.of("@legal"),
                        List.of("@regulator"),
                        List.of("@media"),
                        List.of("@superior"),
                        List.of("@hazard"),
                        List.of("@abuse"));
    }
}

package io.firebreak.triage.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.triage.Shipped;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.settings.ActiveSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledReadingsTest {

    @Test
    void theLabelledComplaintsAreReadSideBySideAsOneAfterAnotherWould() {
        ActiveSettings settings = Shipped.settings();
        List<LabelledExamples.Example> examples = LabelledExamples.all().subList(0, 400);

        ComplaintClass[] read = LabelledReadings.read(settings, examples);

        assertThat(read).hasSize(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            LabelledExamples.Example e = examples.get(i);
            assertThat(read[i])
                    .as(e.text())
                    .isEqualTo(LabelledReadings.classIn(settings, e.text(), e.earlierComplaintIds(), null));
        }
    }

    @Test
    void theActiveSettingsReadingIsMadeOncePerVersion() {
        LabelledReadings readings = new LabelledReadings(null);
        ActiveSettings settings = Shipped.settings();
        ActiveSettings another = new ActiveSettings(
                new Classifier("rules-another", Shipped.properties().classification()),
                settings.router(),
                settings.sla());

        var first = readings.of(settings);

        assertThat(readings.of(settings)).isSameAs(first);
        assertThat(first.join()).hasSize(LabelledExamples.all().size());
        var next = readings.of(another);
        assertThat(next).isNotSameAs(first);
        assertThat(next.join()).containsExactly(first.join());
    }
}

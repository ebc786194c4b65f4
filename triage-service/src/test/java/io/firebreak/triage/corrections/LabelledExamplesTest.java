package io.firebreak.triage.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.triage.corrections.LabelledExamples.Example;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledExamplesTest {

    @Test
    void aTextsWrittenLineBreaksAreReadAsLineBreaks() {
        List<Example> examples = LabelledExamples.load("fresh-complaints-32.tsv");

        Example forwarded = examples.get(0);
        assertThat(forwarded.text())
                .startsWith("Fwd: Order #55120\n\n---------- Forwarded message ---------\nFrom: Dana Wright")
                .doesNotContain("\\n");
        assertThat(examples).hasSize(64).allSatisfy(e -> assertThat(e.text()).doesNotContain("\\n"));
    }
}

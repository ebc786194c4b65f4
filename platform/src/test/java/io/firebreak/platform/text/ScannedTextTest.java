package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScannedTextTest {

    @Test
    void whetherATextHasChineseIsAnsweredAsThePreparedTextAnswersIt() {
        List<String> disagreements = new ArrayList<>();
        for (int cp = 0; cp <= 0x2FFFF; cp++) {
            for (String text : new String[] {Character.toString(cp), "My order " + Character.toString(cp) + " ok"}) {
                // A compatibility ideograph that NFKC takes out of the BMP (U+FA6C → U+242EE) is Chinese as written.
                boolean compatibility = cp >= 0xF900 && cp <= 0xFAFF;
                if (ScannedText.hasHan(text) != (ScannedText.of(text).hasHan() || compatibility))
                    disagreements.add(Integer.toHexString(cp));
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(ScannedText.hasHan("充电器烧了")).isTrue();
        assertThat(ScannedText.hasHan("The charger burned")).isFalse();
        assertThat(ScannedText.hasHan("㈱ limited"))
                .as("a Chinese character in its NFKC form")
                .isTrue();
        assertThat(ScannedText.hasHan(null)).isFalse();
    }

    @Test
    void sentencesAreTheRunsOfWordsBetweenSentenceEnds() {
        assertThat(ScannedText.of("My parcel is late.").sentences()).isEqualTo(1);
        assertThat(ScannedText.of("My parcel is late. Nobody called!! Why?").sentences())
                .isEqualTo(3);
        assertThat(ScannedText.of("快递晚到了两天。客服也不回复").sentences()).isEqualTo(2);
        assertThat(ScannedText.of("第一句。第二句；还是第二句。第三句！").sentences()).isEqualTo(3);
        assertThat(ScannedText.of(" ... ").sentences()).isZero();
        assertThat(ScannedText.of("It cost £6.80 and broke in 1.5 days. I want 12.50 back.")
                        .sentences())
                .as("a number's point ends nothing")
                .isEqualTo(2);
    }

    @Test
    void aQuestionAboutWhatWouldHappenOpensWithAConditionAndAsksSomething() {
        assertThat(ScannedText.of("If a parcel gets lost, do I get compensation?")
                        .asksWhatIf())
                .isTrue();
        assertThat(ScannedText.of("  Hypothetically, would you repair it?").asksWhatIf())
                .isTrue();
        assertThat(ScannedText.of("如果快递丢了，是你们赔还是找快递公司？").asksWhatIf()).isTrue();
        // A condition without a question, a question without a condition, a condition later on: a report.
        assertThat(ScannedText.of("If you don't refund me, I'll see you in court.")
                        .asksWhatIf())
                .isFalse();
        assertThat(ScannedText.of("Why did the heater catch fire?").asksWhatIf())
                .isFalse();
        assertThat(ScannedText.of("The heater caught fire. What if my son had been there?")
                        .asksWhatIf())
                .isFalse();
        assertThat(ScannedText.of("Iffy wiring again?").asksWhatIf()).isFalse();
    }
}

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
    }
}

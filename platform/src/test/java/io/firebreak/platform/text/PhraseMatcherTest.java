package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    @Test
    void latinPhraseMatchesOnlyWholeWords() {
        PhraseMatcher matcher = new PhraseMatcher(List.of("sue", "court", "media"));

        assertThat(matcher.find("There is an issue; staff were courteous; I replied immediately"))
                .isEmpty();
        assertThat(matcher.find("I will sue you in court, and tell the media."))
                .containsExactly("sue", "court", "media");
    }

    @Test
    void starredPhraseMatchesAsWordPrefixAndReportsTheWholeWord() {
        PhraseMatcher matcher = new PhraseMatcher(List.of("injur*"));

        assertThat(matcher.find("My son was injured by the heater")).containsExactly("injured");
        assertThat(matcher.find("noninjury")).isEmpty();
    }

    @Test
    void matchingIgnoresCaseAndReportsTheTextAsWritten() {
        assertThat(new PhraseMatcher(List.of("lawyer")).find("My LAWYER will call"))
                .containsExactly("LAWYER");
    }

    @Test
    void chinesePhraseMatchesInsideUnspacedText() {
        PhraseMatcher matcher = new PhraseMatcher(List.of("律师", "起诉"));

        assertThat(matcher.find("我已经找了律师，准备起诉你们公司")).containsExactly("律师", "起诉");
    }

    @Test
    void digitsMatchNextToChineseAndInFullWidth() {
        PhraseMatcher matcher = new PhraseMatcher(List.of("12315"));

        assertThat(matcher.find("我要打12315投诉")).containsExactly("12315");
        assertThat(matcher.find("我要打１２３１５投诉")).containsExactly("12315");
        assertThat(matcher.find("订单号412315")).isEmpty();
    }

    @Test
    void aPhraseFoundTwiceIsReportedOnce() {
        assertThat(new PhraseMatcher(List.of("退款")).find("退款！退款！")).containsExactly("退款");
    }

    @Test
    void emptyTextFindsNothing() {
        assertThat(new PhraseMatcher(List.of("律师")).find(null)).isEmpty();
        assertThat(new PhraseMatcher(List.of("律师")).find("  ")).isEmpty();
    }
}

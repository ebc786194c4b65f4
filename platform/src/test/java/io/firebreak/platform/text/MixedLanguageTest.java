package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chinese phrases as a bilingual customer types them, an English word in place of a Chinese one. */
class MixedLanguageTest {

    @Test
    void aChineseWordIsAlsoItsEnglishOneEachOnItsOwn() {
        assertThat(MixedLanguage.variants("投诉过")).containsExactly("投诉过", "complain过", "complaint过", "ts过");
        assertThat(MixedLanguage.variants("每个部门")).containsExactly("每个部门", "每个department");
        assertThat(MixedLanguage.variants("燃气的味道")).containsExactly("燃气的味道", "gas的味道");
        // A phrase of the word alone is left to the English lists, and a phrase without one as it is.
        assertThat(MixedLanguage.variants("经理")).containsExactly("经理");
        assertThat(MixedLanguage.variants("各执一词")).containsExactly("各执一词");
    }

    @Test
    void aWordsPinyinInitialsAsTypedOnlineStandInsideAPhraseButNotAlone() {
        assertThat(MixedLanguage.variants("找客服")).containsExactly("找客服", "找kf");
        assertThat(MixedLanguage.variants("发小红书")).containsExactly("发小红书", "发xhs");
        assertThat(MixedLanguage.variants("投诉")).containsExactly("投诉");
    }

    @Test
    void aPhraseSetFindsTheMixedWritingAsItFindsTheChinese() {
        PhraseSet set = PhraseSet.of(List.of("投诉过", "每个部门 ... 不归"));

        assertThat(set.scan(ScannedText.of("我上次complain过的同一个问题，refund还没到账")))
                .extracting(PhraseSet.Hit::phrase)
                .containsExactly(0);
        assertThat(set.scan(ScannedText.of("已经两个月了，每个department都说不归他们负责")))
                .extracting(PhraseSet.Hit::phrase)
                .containsExactly(1);
        assertThat(set.scan(ScannedText.of("I complained before, a complaint about my order")))
                .isEmpty();
    }
}

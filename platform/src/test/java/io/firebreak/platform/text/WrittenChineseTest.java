package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrittenChineseTest {

    @Test
    void traditionalCharactersReadAsTheirSimplifiedFormsOneForOne() {
        String written = "熱水器漏電，我兒子被電到了，請你們經理處理。";

        String read = WrittenChinese.simplified(written);

        assertThat(read).isEqualTo("热水器漏电，我儿子被电到了，请你们经理处理。").hasSameSizeAs(written);
        // One character where Simplified writes two: 帳 is read as the accounts' 账, as complaints mean it.
        assertThat(WrittenChinese.simplified("我的帳戶被多扣了錢")).isEqualTo("我的账户被多扣了钱");
    }

    @Test
    void cantonesesOwnCharactersReadAsTheirMandarinOnes() {
        assertThat(WrittenChinese.simplified("我要搵你哋經理，已經打咗五次電話，冇人理")).isEqualTo("我要找你们经理，已经打了五次电话，没人理");
        assertThat(PhraseSet.of(List.of("找你们经理")).scan(ScannedText.of("我要搵你哋經理傾")))
                .extracting(PhraseSet.Hit::asWritten)
                .containsExactly("搵你哋經理");
    }

    @Test
    void simplifiedTextLatinAndPunctuationStayAsTheyAre() {
        String simplified = "热水器漏电了, the plug SPARKED! 12315";

        assertThat(WrittenChinese.hasOtherForms(simplified)).isFalse();
        assertThat(WrittenChinese.simplified(simplified)).isSameAs(simplified);
    }

    @Test
    void aPhraseInEitherScriptFindsTheOtherAndIsQuotedAsWritten() {
        PhraseSet simplifiedPhrases = PhraseSet.of(List.of("漏电", "律师"));
        PhraseSet traditionalPhrases = PhraseSet.of(List.of("漏電", "律師"));

        assertThat(simplifiedPhrases.scan(ScannedText.of("熱水器漏電，我已經請律師了")))
                .extracting(PhraseSet.Hit::asWritten)
                .containsExactly("漏電", "律師");
        assertThat(traditionalPhrases.scan(ScannedText.of("热水器漏电，我已经请律师了")))
                .extracting(PhraseSet.Hit::asWritten)
                .containsExactly("漏电", "律师");
    }

    @Test
    void aNegationWrittenInTraditionalStillDenies() {
        Negation negation = Lexicon.shipped().negation().compile();
        ScannedText text = ScannedText.of("插頭沒有冒煙，只是有點熱");
        PhraseSet.Hit smoke = PhraseSet.of(List.of("冒烟")).scan(text).get(0);

        assertThat(negation.scope(text).negating(smoke.start(), smoke.end()))
                .as("沒有 is 没有, quoted as written")
                .isEqualTo("沒有");
    }

    @Test
    void aSumWrittenInTraditionalIsFoundAndQuotedAsWritten() {
        List<Amounts.Amount> found = Amounts.find(ScannedText.of("卡裡的兩萬塊錢被人轉走了"));

        assertThat(found).singleElement().satisfies(amount -> {
            assertThat(amount.value()).isEqualByComparingTo(BigDecimal.valueOf(20_000));
            assertThat(amount.asWritten()).isEqualTo("兩萬塊錢");
        });
    }

    @Test
    void anAgentsOpeningInTraditionalIsWhoSpeaksNotWhatWasSaid() {
        PhraseSet phrases = PhraseSet.of(List.of("客户"));

        assertThat(phrases.scan(ScannedText.of("客戶稱冷氣不冷"))).isEmpty();
    }
}

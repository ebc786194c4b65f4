package io.firebreak.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TextSimilarityTest {

    @Test
    void chineseIsComparedByCharacterBigrams() {
        assertThat(TextSimilarity.features("快递没到")).containsExactlyInAnyOrder("快递", "递没", "没到");
        assertThat(TextSimilarity.features("到")).containsExactly("到");
        // 11 bigrams against 13, 10 of them in common: 10 / (11 + 13 - 10).
        assertThat(TextSimilarity.jaccard("快递三天没到，客服电话打不通", "快递三天没到，客服电话一直打不通")).isCloseTo(10.0 / 14, within(1e-9));
    }

    @Test
    void englishIsComparedByWordsWithoutTheLittleOnes() {
        assertThat(TextSimilarity.features("My parcel is LOST, again!")).containsExactlyInAnyOrder("parcel", "lost");
        assertThat(TextSimilarity.jaccard(
                        "My washing machine is leaking water all over the floor",
                        "The washing machine is leaking water all over my floor again"))
                .isEqualTo(1.0);
    }

    @Test
    void theSameMatterRetoldReadsAlikeAndDifferentMattersDoNot() {
        assertThat(TextSimilarity.jaccard("洗衣机漏水，地板都泡坏了", "洗衣机漏水，地板全泡坏了")).isGreaterThan(0.6);
        assertThat(TextSimilarity.jaccard("快递三天没到，客服电话打不通", "快递三天了还没到，客服电话一直打不通"))
                .isBetween(0.5, 0.6);
        assertThat(TextSimilarity.jaccard("洗衣机漏水，地板都泡坏了", "快递三天没到，客服电话打不通")).isZero();
        assertThat(TextSimilarity.jaccard("Bill is wrong", "Refund not received"))
                .isZero();
    }

    @Test
    void mixedTextsCountBothScriptsAndEmptyTextsNothing() {
        assertThat(TextSimilarity.features("iPhone 15 屏幕碎了"))
                .containsExactlyInAnyOrder("iphone", "15", "屏幕", "幕碎", "碎了");
        assertThat(TextSimilarity.jaccard("", "快递没到")).isZero();
        assertThat(TextSimilarity.jaccard(null, null)).isZero();
    }
}

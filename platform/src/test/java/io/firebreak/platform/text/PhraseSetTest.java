package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseSetTest {

    @Test
    void gapPhraseFindsBothPartsInOneSentenceAndReportsThem() {
        PhraseSet set = PhraseSet.of(List.of("approved ... reversed", "说是 ... 说是"));

        assertThat(set.scan(ScannedText.of("The refund was approved by one team and reversed by another.")))
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("approved … reversed"));
        assertThat(set.scan(ScannedText.of("商家说是平台的问题，平台说是商家的问题"))).hasSize(1);
    }

    @Test
    void gapPhraseDoesNotReachIntoTheNextSentenceNorTooFar() {
        PhraseSet set = PhraseSet.of(List.of("approved ... reversed"));

        assertThat(set.scan(ScannedText.of("It was approved. Later my order was reversed.")))
                .isEmpty();
        assertThat(set.scan(ScannedText.of("approved " + "x".repeat(PhraseSet.MAX_GAP + 1) + " reversed")))
                .isEmpty();
        assertThat(set.scan(ScannedText.of("reversed, then approved"))).isEmpty();
    }

    @Test
    void theNumbersOfASentenceAreInsideIt() {
        PhraseSet set =
                PhraseSet.of(List.of("prescription says ... but the glasses measure", "paid ... never arrived"));

        assertThat(set.scan(ScannedText.of("My prescription says -2.50, but the glasses measure -3.00.")))
                .extracting(PhraseSet.Hit::asWritten)
                .containsExactly("prescription says … but the glasses measure");
        assertThat(set.scan(ScannedText.of("I paid £1,249.99 in March and it never arrived.")))
                .hasSize(1);
        assertThat(set.scan(ScannedText.of("I paid 12. It never arrived.")))
                .as("a point after a number ends")
                .isEmpty();
    }

    @Test
    void eitherSideMayBeAlternativesAndAnyOfTheOneFollowedByAnyOfTheOtherIsAHit() {
        PhraseSet set = PhraseSet.of(List.of("微博|抖音 ... 转发|发到", "lawyer*|律师"));

        assertThat(set.scan(ScannedText.of("我已经把视频发到抖音上了。")))
                .as("the second side before the first is no hit")
                .isEmpty();
        assertThat(set.scan(ScannedText.of("抖音上的视频被转发了几千次。")))
                .extracting(PhraseSet.Hit::phrase, PhraseSet.Hit::asWritten)
                .containsExactly(tuple(0, "抖音 … 转发"));
        assertThat(set.scan(ScannedText.of("微博上的帖子被转发了很多次。")))
                .extracting(PhraseSet.Hit::asWritten)
                .containsExactly("微博 … 转发");
        assertThat(set.scan(ScannedText.of("My lawyers said so; 我的律师也是。")))
                .extracting(PhraseSet.Hit::phrase, PhraseSet.Hit::asWritten)
                .containsExactly(tuple(1, "lawyers"), tuple(1, "律师"));
        assertThat(PhraseSet.problemWith("微博| ... 转发")).contains("nothing to match");
    }

    @Test
    void aSemicolonJoinsTwoClausesOfOneSentence() {
        PhraseSet set = PhraseSet.of(List.of("says ... says"));

        assertThat(set.scan(ScannedText.of(
                        "The courier says it was damaged at your warehouse; your warehouse says in transit.")))
                .hasSize(1);
        assertThat(set.scan(ScannedText.of("The courier says it was damaged. Your warehouse says in transit.")))
                .isEmpty();
    }

    @Test
    void hitsComeInTheOrderOfTheListThenOfTheText() {
        PhraseSet set = PhraseSet.of(List.of("律师", "lawyer*"));

        assertThat(set.scan(ScannedText.of("My lawyers, 我的律师, my Lawyer")))
                .extracting(PhraseSet.Hit::phrase, PhraseSet.Hit::asWritten)
                .containsExactly(tuple(0, "律师"), tuple(1, "lawyers"), tuple(1, "Lawyer"));
    }

    @Test
    void aLeadingStarTakesInTheWordWrittenBefore() {
        PhraseSet set = PhraseSet.of(List.of("* themed", "*主题"));

        assertThat(set.scan(ScannedText.of("Your poison-ivy themed board game came without two cards.")))
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("poison-ivy themed"));
        assertThat(set.scan(ScannedText.of("A lawyer-themed mug.")))
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("lawyer-themed"));
        assertThat(set.scan(ScannedText.of("买的“救命稻草”主题桌游少了一张卡片。")))
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("救命稻草”主题"));
        assertThat(set.scan(ScannedText.of("消防主题的生日派对")))
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("消防主题"));
        assertThat(set.scan(ScannedText.of("会爆炸的主题乐园")))
                .as("not across a particle")
                .isEmpty();
        assertThat(set.scan(ScannedText.of("themed, and nothing before")))
                .as("no word before")
                .isEmpty();
        assertThat(set.scan(ScannedText.of("a rethemed room"))).isEmpty();
    }

    @Test
    void curlyApostropheMatchesAStraightOne() {
        assertThat(PhraseSet.of(List.of("won't")).scan(ScannedText.of("I won’t go")))
                .hasSize(1);
    }

    @Test
    void aPhraseThatIsNotOneIsRefusedWithItsReason() {
        assertThat(PhraseSet.problemWith("*")).contains("nothing to match");
        assertThat(PhraseSet.problemWith("approved ... ")).contains("nothing to match");
        assertThat(PhraseSet.problemWith("a ... b ... c")).contains("one '...'");
        assertThat(PhraseSet.problemWith("lawyer*")).isNull();
        assertThat(PhraseSet.problemWith("* themed")).isNull();
        assertThat(PhraseSet.problemWith("* , themed")).contains("only a word");
        assertThatThrownBy(() -> PhraseSet.of(List.of(" * "))).isInstanceOf(IllegalArgumentException.class);
    }
}

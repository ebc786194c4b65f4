package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Phrases as typed in a chat window or a text message, found with the phrases as written out. */
class ShorthandTest {

    @Test
    void contractionsWithoutTheirApostropheShortWordsAndOrdinalsInDigitsAreVariants() {
        assertThat(Shorthand.variants("hasn't worked")).containsExactly("hasn't worked", "hasnt worked");
        assertThat(Shorthand.variants("your manager"))
                .containsExactly("your manager", "ur manager", "your mgr", "ur mgr");
        assertThat(Shorthand.variants("i'm posting")).containsExactly("i'm posting", "im posting");
        assertThat(Shorthand.variants("the third time")).containsExactly("the third time", "the 3rd time");
        // Several shorthand words: each alone, and together.
        assertThat(Shorthand.variants("you didn't call"))
                .containsExactlyInAnyOrder("you didn't call", "u didn't call", "you didnt call", "u didnt call");
    }

    @Test
    void chineseNumeralsBeforeACountAreAlsoDigits() {
        assertThat(Shorthand.variants("第三次")).containsExactly("第三次", "第3次");
        assertThat(Shorthand.variants("打了五次电话")).containsExactly("打了五次电话", "打了5次电话");
        // Two numerals together are a number of their own; a numeral before anything else is a word.
        assertThat(Shorthand.variants("二十天")).containsExactly("二十天");
        assertThat(Shorthand.variants("一直")).containsExactly("一直");
    }

    @Test
    void textSpeakAndChineseAsTypedOnlineAreVariants() {
        assertThat(Shorthand.variants("my fourth message"))
                .contains("my 4th msg")
                .contains("my fourth msg");
        assertThat(Shorthand.variants("manager")).containsExactly("manager", "mgr");
        assertThat(Shorthand.variants("without")).containsExactly("without", "w/o");
        assertThat(Shorthand.variants("没有人管")).containsExactly("没有人管", "木有人管");
        assertThat(Shorthand.variants("没有")).containsExactly("没有", "木有");
        // 怎么 and 什么 alone are not shortened: only inside a phrase.
        assertThat(Shorthand.variants("怎么")).containsExactly("怎么");
        assertThat(Shorthand.variants("为什么还没")).containsExactly("为什么还没", "为神马还没");
    }

    @Test
    void aWordOfItsOwnIsNotShortenedAndWereIsAWord() {
        assertThat(Shorthand.variants("you")).containsExactly("you");
        assertThat(Shorthand.variants("we're not")).containsExactly("we're not");
    }

    @Test
    void aPhraseSetFindsTheShorthandAsItFindsThePhrase() {
        PhraseSet set = PhraseSet.of(List.of("care alarm ... hasn't worked", "my fifth call", "第三次", "your manager"));

        assertThat(set.scan(ScannedText.of("her care alarm hasnt worked since tues")))
                .extracting(PhraseSet.Hit::phrase)
                .containsExactly(0);
        assertThat(set.scan(ScannedText.of("this is my 5th call this month")))
                .extracting(PhraseSet.Hit::phrase)
                .containsExactly(1);
        assertThat(set.scan(ScannedText.of("第3次来问了")))
                .extracting(PhraseSet.Hit::phrase)
                .containsExactly(2);
        assertThat(set.scan(ScannedText.of("get ur manager on the phone")))
                .extracting(PhraseSet.Hit::phrase)
                .containsExactly(3);
        assertThat(set.scan(ScannedText.of("the turquoise manager app"))).isEmpty();
    }
}

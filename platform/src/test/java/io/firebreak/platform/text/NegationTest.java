package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NegationTest {

    private final Negation negation = new Negation(
            List.of("no", "not", "没有", "不打算", "no need to", "without"),
            List.of("就不必了"),
            List.of("没想到", "not only", "without warning"),
            List.of("but", "但是"),
            null,
            null,
            4);

    @Test
    void cueRightBeforeThePhraseNegatesIt() {
        assertThat(negatedIn("No injury or anything", "injury")).isEqualTo("No");
        assertThat(negatedIn("没有受伤", "受伤")).isEqualTo("没有");
        assertThat(negatedIn("There's no need to escalate this", "escalate")).isEqualTo("no need to");
    }

    @Test
    void cueAFewWordsBeforeNegatesWithinTheWindowOnly() {
        assertThat(negatedIn("我不打算找律师", "律师")).isEqualTo("不打算");
        assertThat(negatedIn("I'm not going to call my lawyer", "lawyer")).isEqualTo("not");
        assertThat(negatedIn("not that I would ever think of calling a lawyer", "lawyer"))
                .isNull();
    }

    @Test
    void negationStopsAtTheEndOfTheClause() {
        assertThat(negatedIn("No, my son was injured", "injured")).isNull();
        assertThat(negatedIn("没有退款，孩子还受伤了", "受伤")).isNull();
        assertThat(negatedIn("No refund but my son got injured", "injured")).isNull();
        assertThat(negatedIn("没有退款但是受伤了", "受伤")).isNull();
    }

    @Test
    void aNumbersPointOrCommaEndsNoClause() {
        assertThat(negatedIn("not 2,500 refund", "refund")).isEqualTo("not");
        assertThat(negatedIn("no 2.5 refund", "refund")).isEqualTo("no");
        assertThat(negatedIn("no, 500 refund", "refund"))
                .as("a comma after a word still ends")
                .isNull();
    }

    @Test
    void aBoundaryThatRunsIntoThePhraseStillEndsTheClause() {
        // Unpunctuated, as speech-to-text writes a call: the customer's own question starts a new clause.
        Negation spoken =
                new Negation(List.of("没", "wasn't"), List.of(), List.of(), List.of("我到底", "i have"), null, null, 4);
        assertThat(negatedIn(spoken, "你们说还没发货我到底找谁", "到底找谁")).isNull();
        assertThat(negatedIn(spoken, "it wasn't i have photos from before", "photos from before"))
                .isNull();
        // Not between the cue and the phrase: the denial stands.
        assertThat(negatedIn(spoken, "我到底找谁也没用", "用")).isEqualTo("没");
        assertThat(negatedIn(spoken, "there wasn't a photo", "photo")).isEqualTo("wasn't");
    }

    @Test
    void aSpaceBetweenChineseCharactersIsAPauseThatEndsTheClause() {
        // As a speech-to-text transcript or a quick message writes a comma.
        assertThat(negatedIn("没有退款 孩子还受伤了", "受伤")).isNull();
        assertThat(negatedIn("没有退款  孩子受伤了", "受伤")).isNull();
        // Between a Chinese character and a Latin word a space is only a space.
        assertThat(negatedIn("没有 injury", "injury")).isEqualTo("没有");
    }

    @Test
    void cueInsideAWordThatDoesNotNegateIsNoCue() {
        assertThat(negatedIn("没想到受伤了", "受伤")).isNull();
        assertThat(negatedIn("without warning it caught fire", "caught fire")).isNull();
        assertThat(negatedIn("Not only injured, also scared", "injured")).isNull();
    }

    @Test
    void afterCueNegatesWhatComesRightBeforeIt() {
        assertThat(negatedIn("律师就不必了", "律师")).isEqualTo("就不必了");
    }

    @Test
    void aPhraseThatBeginsWithACueIsNotNegatedByIt() {
        assertThat(negatedIn("not the first time", "not the first time")).isNull();
    }

    private String negatedIn(String text, String phrase) {
        return negatedIn(negation, text, phrase);
    }

    private static String negatedIn(Negation negation, String text, String phrase) {
        ScannedText scanned = ScannedText.of(text);
        int start = scanned.text().indexOf(phrase);
        assertThat(start).as("'%s' in '%s'", phrase, text).isNotNegative();
        return negation.scope(scanned).negating(start, start + phrase.length());
    }
}

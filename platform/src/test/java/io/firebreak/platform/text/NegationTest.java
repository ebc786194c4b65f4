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

    /**
     * A cue that is a word of another phrase found is that phrase's: "no food for two days" is two days without food,
     * "没有暖气三天了" three days without heating. Without the phrase found, or with the cue before it, it negates.
     */
    @Test
    void aCueThatIsAWordOfAPhraseFoundNegatesNothingElse() {
        assertThat(negatedIn("He had no food for two days", "days", "no food")).isNull();
        assertThat(negatedIn("家里没有暖气三天了", "三天", "没有暖气")).isNull();
        assertThat(negatedIn("He had no food for two days", "days")).isEqualTo("no");
        // A phrase found after the cue does not take it: "no smoke or fire" denies both.
        assertThat(negatedIn("There was no smoke or fire", "fire", "smoke")).isEqualTo("no");
        // Two readings of the same words do not take the cue from each other: no smell of gas is denied.
        assertThat(negatedIn("也没有燃气的味道", "燃气的味道", "没有燃气")).isEqualTo("没有");
        // A gap phrase takes only the cues in its sides, not those in the gap between them.
        ScannedText gapped = ScannedText.of("lives alone and no one came for days");
        String s = gapped.text();
        PhraseSet.Hit livesAloneDays = new PhraseSet.Hit(
                0, 0, s.indexOf("days") + 4, "lives alone … days", "lives alone".length(), s.indexOf("days"));
        int onePos = s.indexOf("came");
        assertThat(negation.scope(gapped, List.of(livesAloneDays)).negating(onePos, onePos + 4))
                .isEqualTo("no");
    }

    /** {@code phrase} negated in {@code text} when {@code found} was found there too. */
    private String negatedIn(String text, String phrase, String found) {
        ScannedText scanned = ScannedText.of(text);
        String s = scanned.text();
        int at = s.indexOf(found);
        int start = s.indexOf(phrase);
        PhraseSet.Hit hit = new PhraseSet.Hit(0, at, at + found.length(), found);
        return negation.scope(scanned, List.of(hit)).negating(start, start + phrase.length());
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

package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private final Lexicon lexicon = Lexicon.shipped();

    @Test
    void everyShippedWordIsReadAsTheWordItIsAndCompiles() {
        // YAML reads a bare no, yes, on or off as a boolean and 12315 as a number: each must stay the word it is.
        Lexicon.NegationWords n = lexicon.negation();
        List<String> all = Stream.concat(
                        Stream.of(
                                n.cues(),
                                n.after(),
                                n.ignore(),
                                n.boundaries(),
                                n.conditionals(),
                                n.hedges(),
                                lexicon.senses()),
                        lexicon.lists().values().stream())
                .flatMap(List::stream)
                .toList();
        assertThat(all)
                .doesNotContain("true", "false")
                .allMatch(word -> !word.isBlank())
                .allMatch(word -> PhraseSet.problemWith(word) == null);
        assertThat(n.cues()).contains("no", "not", "没有", "不打算");
        assertThat(lexicon.list("regulator")).contains("12315", "12345");
        assertThat(lexicon.lists().keySet())
                .contains("hazard", "legal", "regulator", "media", "superior", "money-at-stake");
    }

    @Test
    void aListIsNamedAmongOtherPhrasesAndAnUnknownOneIsRefused() {
        assertThat(lexicon.expand(List.of("chargeback", "@legal")))
                .startsWith("chargeback", "lawyer*")
                .hasSize(1 + lexicon.list("legal").size());
        assertThat(lexicon.expand(null)).isNull();
        assertThatThrownBy(() -> lexicon.expand(List.of("@nonsense"))).hasMessageContaining("No list 'nonsense'");
    }

    @Test
    void aListEntryNamingTwoListsIsAnyOfTheOneFollowedByAnyOfTheOther() {
        Map<String, List<String>> lists = Map.of(
                "platform",
                List.of("微博", "tiktok"),
                "publishing",
                List.of("发到", "I've posted"),
                "nested",
                List.of("@platform"));

        assertThat(Lexicon.crossed(List.of("曝光", "@platform ... @publishing", "@publishing ... 网上"), lists))
                .containsExactly("曝光", "微博|tiktok ... 发到|I've posted", "发到|I've posted ... 网上");
        assertThatThrownBy(() -> Lexicon.crossed(List.of("@nonsense ... @platform"), lists))
                .hasMessageContaining("names no list");
        assertThatThrownBy(() -> Lexicon.crossed(List.of("@nested ... @platform"), lists))
                .hasMessageContaining("not plain words");
        // A rule set names such a pair among its phrases as the lexicon's lists do.
        assertThat(lexicon.expand(List.of("@platform ... @publishing")))
                .singleElement()
                .satisfies(phrase ->
                        assertThat(phrase).startsWith("twitter|weibo|tiktok").contains(" ... "));
    }

    @Test
    void aPlatformIsMediaExposureOnlyWhenTheCustomerPublishesThere() {
        PhraseSet media = PhraseSet.of(lexicon.list("media"));

        assertThat(media.scan(ScannedText.of("I've posted the video of the fault on Reddit.")))
                .isNotEmpty();
        assertThat(media.scan(ScannedText.of("我已经把视频发到抖音上了。"))).isNotEmpty();
        assertThat(media.scan(ScannedText.of("I saw the jacket in a TikTok ad and the buttons are different.")))
                .isEmpty();
        assertThat(media.scan(ScannedText.of("Your Instagram post said 20% off.")))
                .isEmpty();
        assertThat(media.scan(ScannedText.of("我关注了你们微博也没收到领券的链接。"))).isEmpty();
    }

    @Test
    void theSharedReadingDiscountsOrdinarySensesNegationsButNotConditionsOrHedges() {
        Reading reading = lexicon.reading();
        PhraseSet hazard = PhraseSet.of(lexicon.list("hazard"));
        PhraseSet media = PhraseSet.of(lexicon.list("media"));
        PhraseSet legal = PhraseSet.of(lexicon.list("legal"));

        assertThat(why(reading, hazard, "My Fire TV Stick remote stopped pairing."))
                .containsExactly("ordinary sense: Fire TV");
        assertThat(why(reading, media, "新买的相机拍出来的照片曝光过度。")).containsExactly("ordinary sense: 曝光过度");
        // A phrase sharing a word with an ordinary sense is read in that sense; one beside it still counts.
        assertThat(why(reading, media, "The press release lists the wrong opening hours."))
                .containsExactly("ordinary sense: press release");
        assertThat(why(reading, media, "The press release was wrong, so I am going to the press."))
                .containsExactly("ordinary sense: press release", null, null);
        // A phrase holding a whole ordinary sense and more is read as written.
        assertThat(why(reading, hazard, "The smoke alarm went off and the dishwasher was glowing orange."))
                .contains((String) null);
        assertThat(why(reading, hazard, "The smoke alarm in the hallway needs a new battery."))
                .containsOnly("ordinary sense: smoke alarm");
        assertThat(why(reading, hazard, "人没受伤，就是门板有划痕。")).containsExactly("negated: 没");
        // A condition or a hedge keeps the threat a threat.
        assertThat(why(reading, media, "要是不想上热搜，就赶紧给我退款。")).containsExactly((String) null);
        assertThat(why(reading, legal, "I don't want to get lawyers involved, but if this isn't refunded I will."))
                .containsExactly((String) null);
        assertThat(why(reading, legal, "I don't want to get lawyers involved, I just want the right size."))
                .containsExactly("negated: don't");
    }

    @Test
    void aPhraseWithAGapIsReadInAnOrdinarySenseWhenEitherSideIs() {
        Lexicon lexicon = Lexicon.shipped();
        Reading reading = lexicon.reading();
        PhraseSet media = PhraseSet.of(lexicon.expand(List.of("@media")));

        assertThat(why(reading, media, "I'm posting on behalf of my mum because she isn't on Facebook."))
                .containsExactly("ordinary sense: posting on behalf");
        assertThat(why(reading, media, "I'm posting the whole story on Facebook tonight."))
                .containsExactly((String) null);
    }

    /** For each phrase found, why it does not count (null: it counts). */
    private static List<String> why(Reading reading, PhraseSet phrases, String text) {
        ScannedText scanned = ScannedText.of(text);
        Reading.Scope scope = reading.scope(scanned);
        return phrases.scan(scanned).stream().map(scope::discounted).toList();
    }
}

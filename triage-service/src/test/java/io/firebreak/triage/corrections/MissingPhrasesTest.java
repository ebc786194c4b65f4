package io.firebreak.triage.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the raised complaints have in common and ordinary ones do not: the phrases a rule may be missing. */
class MissingPhrasesTest {

    private final MissingPhrases phrases = new MissingPhrases(List.of(
            "The parcel arrived late and the box was open",
            "I want a refund for the order, the colour is wrong",
            "订单的快递太慢了，我要退款",
            "The order was late again, please call me",
            "我们的订单还没到"));

    @Test
    void in_namesTheTermsThatRecurInRaisedComplaintsAndAreRareInOrdinaryOnes() {
        List<MissingPhrases.Candidate> found = phrases.in(List.of(
                "There is a strong smell of gas from the boiler, please call me",
                "A smell of gas in the kitchen after your engineer visited the order",
                "我家热水器有燃气味，很浓",
                "厨房里燃气味很重，订单号123"));

        assertThat(found)
                .extracting(MissingPhrases.Candidate::phrase)
                .contains("smell", "gas", "燃气", "气味")
                .doesNotContain("the", "order", "please", "订单", "call");
        assertThat(found.get(0).complaints()).isEqualTo(2);
    }

    @Test
    void in_aTermOfOneComplaintOnlyIsNoCandidate() {
        assertThat(phrases.in(List.of("The charger melted", "My kettle sparks")))
                .isEmpty();
    }

    @Test
    void terms_areWordsWordPairsAndChineseCharacterPairs() {
        assertThat(MissingPhrases.terms("Smell of GAS, boiler leaking! 燃气味"))
                .containsExactlyInAnyOrder("smell", "gas", "boiler", "leaking", "boiler leaking", "燃气", "气味");
    }
}

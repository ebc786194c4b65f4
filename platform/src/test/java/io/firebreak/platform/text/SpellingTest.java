package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void aPhraseWhoseWordIsTypedWithOneSlipIsFoundAndQuotedAsWritten() {
        PhraseSet set = PhraseSet.of(List.of(
                "my lawyer", "the third time", "escalate this to a supervisor", "speak to your boss", "writing again"));

        assertThat(set.scan(ScannedText.of("My lawer will be writing to you this week.")))
                .as("a letter left out")
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("My lawer"));
        assertThat(set.scan(ScannedText.of("this is the thrid time ive called")))
                .as("two letters swapped")
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("the thrid time"));
        assertThat(set.scan(ScannedText.of("Please escalte this to a supervisr, the agent couldnt help")))
                .as("two slips in one phrase, each in its own word")
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("escalte this to a supervisr"));
        assertThat(set.scan(ScannedText.of("I want to speek to your boss now")))
                .as("a vowel for a vowel")
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("speek to your boss"));
        assertThat(set.scan(ScannedText.of("so now im writting again")))
                .as("a letter doubled")
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("writting again"));
    }

    @Test
    void aMatchAfterACorrectedWordIsQuotedFromWhereItIsWritten() {
        PhraseSet set = PhraseSet.of(List.of("my lawyer", "call me back"));

        assertThat(set.scan(ScannedText.of("My lawer said: call me back!")))
                .extracting(PhraseSet.Hit::asWritten)
                .containsExactly("My lawer", "call me back");
    }

    @Test
    void anEnglishWordIsNeverReadAsASlipForAnother() {
        PhraseSet set = PhraseSet.of(List.of("threat", "press", "fired", "smell"));

        assertThat(set.scan(ScannedText.of("I bought a treat for my dog")))
                .as("treat, not threat")
                .isEmpty();
        assertThat(set.scan(ScannedText.of("The dress was torn"))).isEmpty();
        assertThat(set.scan(ScannedText.of("The fried chicken was cold"))).isEmpty();
        assertThat(set.scan(ScannedText.of("A small box arrived"))).isEmpty();
        assertThat(ScannedText.of("The dress was torn").text()).isEqualTo("The dress was torn");
    }

    @Test
    void aRareEnglishWordIsAWordToo() {
        PhraseSet set = PhraseSet.of(List.of("manager", "leaks", "late"));

        assertThat(set.scan(ScannedText.of("The manger in the nativity scene has fallen over")))
                .as("a nativity scene's manger is no manager")
                .isEmpty();
        assertThat(set.scan(ScannedText.of("The leeks were soft and my latte was cold")))
                .isEmpty();
    }

    @Test
    void anotherEndingOfAKnownWordIsNoSlip() {
        PhraseSet set = PhraseSet.of(List.of("bounced"));

        assertThat(set.scan(ScannedText.of("The email address of your complaints department bounces")))
                .isEmpty();
        assertThat(Spelling.slip("bounces", "bounced")).isNegative();
    }

    @Test
    void aShortWordIsReadOnlyWithALetterDoubled() {
        PhraseSet set = PhraseSet.of(List.of("smell of gas", "my bill"));

        assertThat(set.scan(ScannedText.of("a smell of gass in the kitchen")))
                .singleElement()
                .satisfies(hit -> assertThat(hit.asWritten()).isEqualTo("smell of gass"));
        assertThat(set.scan(ScannedText.of("a smell of gsa in the kitchen, my bil is wrong")))
                .as("any other slip in a short word: too often another word")
                .isEmpty();
    }

    @Test
    void aChineseCharacterAnInputMethodOffersFirstIsReadAsMeantOnlyWhereItIsNoWordOfItsOwn() {
        assertThat(ScannedText.of("你们说是我看措了").text()).isEqualTo("你们说是我看错了");
        assertThat(ScannedText.of("你们采取了什么措施，我不知所措").text()).isEqualTo(ScannedText.normalize("你们采取了什么措施，我不知所措"));
    }

    @Test
    void theKindOfSlipIsRankedAndAnEndingIsNoSlip() {
        assertThat(Spelling.slip("lawer", "lawyer")).isZero();
        assertThat(Spelling.slip("thrid", "third")).isEqualTo(1);
        assertThat(Spelling.slip("writting", "writing")).isEqualTo(2);
        assertThat(Spelling.slip("speek", "speak")).isEqualTo(3);
        assertThat(Spelling.slip("compensasion", "compensation")).isEqualTo(4);
        assertThat(Spelling.slip("courts", "court")).as("a plural").isNegative();
        assertThat(Spelling.slip("smoker", "smoke"))
                .as("another word by its ending")
                .isNegative();
        assertThat(Spelling.slip("solicitor", "supervisor")).isNegative();
    }

    @Test
    void twoKnownWordsEquallyNearLeaveTheWordAsWritten() {
        PhraseSet.of(List.of("tables", "cables", "lawyer", "lager"));

        assertThat(Spelling.meant("xables"))
                .as("a letter changed, towards either")
                .isNull();
        assertThat(Spelling.meant("lawer"))
                .as("a letter left out is likelier than one changed")
                .isEqualTo("lawyer");
    }

    @Test
    void aMeasureWordAfterANumberIsReadAsThePinyinInputMethodMeantIt() {
        ScannedText sum = ScannedText.of("被骗走了两万三千快，钱全没了");
        assertThat(sum.text()).contains("两万三千块");
        assertThat(sum.written(0, sum.length())).isEqualTo(ScannedText.normalize("被骗走了两万三千快，钱全没了"));
        assertThat(ScannedText.of("我们小区三百多护停电了").text()).contains("三百多户");
        assertThat(ScannedText.of("我的快递三天没到，快点处理").text())
                .as("快 not after a number")
                .isEqualTo(ScannedText.normalize("我的快递三天没到，快点处理"));
        assertThat(Amounts.find(ScannedText.of("被骗走了两万三千快"))).singleElement().satisfies(amount -> {
            assertThat(amount.value()).isEqualByComparingTo("23000");
            assertThat(amount.asWritten()).as("quoted as written").isEqualTo("两万三千快");
        });
    }
}

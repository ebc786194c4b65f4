package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chinese phrases as a business customer's letter writes them, found with the phrases as a person writes them. */
class FormalRegisterTest {

    @Test
    void theCompanyIsAddressedAsGuisiAndAPartySaysWithCheng() {
        assertThat(FormalRegister.variants("你们的工程师")).containsExactly("你们的工程师", "贵司的工程师", "贵公司的工程师", "贵方的工程师");
        assertThat(FormalRegister.variants("你们公司")).containsExactly("你们公司", "贵司", "贵公司", "贵方");
        assertThat(FormalRegister.variants("门店说")).containsExactly("门店说", "门店称");
        assertThat(FormalRegister.variants("你们说")).contains("你们称", "贵司说", "贵司称");
        // The customer's own 我方 is left as it is, and so is a phrase with neither.
        assertThat(FormalRegister.variants("我方")).containsExactly("我方");
        assertThat(FormalRegister.variants("说")).containsExactly("说");
    }

    @Test
    void aPhraseSetFindsALetterAsItFindsAPerson() {
        PhraseSet set = PhraseSet.of(List.of("仓库说 ... 物流说"));

        assertThat(set.scan(ScannedText.of("贵司仓库称出库时完好，贵司物流称交付时完好")))
                .extracting(PhraseSet.Hit::phrase)
                .containsExactly(0);
    }
}

package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Chinese phrase as a business customer's letter (函件) writes it: the company is 贵司, 贵公司 or 贵方 where a person
 * writes 你们, and a party 称 what a person says it 说 ("门店说" is also "门店称", "你们说" also "贵司称"). Each phrase is
 * compiled with its variants, so nothing costs more per complaint.
 *
 * <p>Left alone: the customer's own 我方 and 我司, which in an agent's note are the company ({@link ReportedSpeech}).
 */
final class FormalRegister {

    private FormalRegister() {}

    private static final List<String> YOU = List.of("贵司", "贵公司", "贵方");

    /** The phrase and its formal variants; the phrase itself first. */
    static List<String> variants(String phrase) {
        Set<String> out = new LinkedHashSet<>();
        out.add(phrase);
        List<String> addressed = new ArrayList<>(List.of(phrase));
        if (phrase.contains("你们公司") || phrase.contains("你们")) {
            for (String you : YOU) {
                addressed.add(phrase.replace("你们公司", you).replace("你们", you));
            }
        }
        for (String written : addressed) {
            out.add(written);
            // A party's word: 门店说, 厂家说, 你们说 — said in a letter with 称.
            if (written.length() >= 3
                    && written.endsWith("说")
                    && ScannedText.isHan(written.charAt(written.length() - 2))) {
                out.add(written.substring(0, written.length() - 1) + "称");
            }
        }
        return new ArrayList<>(out);
    }
}

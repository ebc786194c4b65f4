package io.firebreak.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextTest {

    /** What the checks promise, as character classes: the definition the loops must keep to. */
    private static final Pattern ONE_LINE = Pattern.compile("[^\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}]*");

    private static final Pattern FREE =
            Pattern.compile("[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\p{Cs}]*");

    @Test
    void everyCodePointAloneAndAmongTextIsJudgedAsTheCharacterClassesJudgeIt() {
        List<String> disagreements = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            for (String value : new String[] {Character.toString(cp), "退款 refund " + Character.toString(cp) + "！"}) {
                if (Text.isOneLine(value) != ONE_LINE.matcher(value).matches()) disagreements.add("one line " + cp);
                if (Text.isFree(value) != FREE.matcher(value).matches()) disagreements.add("free " + cp);
            }
        }
        for (String halves : new String[] {"a\uD83D", "\uDE00b", "\uDE00\uD83D", "😀\uD83D", "ok 😀"}) {
            if (Text.isOneLine(halves) != ONE_LINE.matcher(halves).matches()) disagreements.add("one line " + halves);
            if (Text.isFree(halves) != FREE.matcher(halves).matches()) disagreements.add("free " + halves);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void freeTextTakesLineBreaksAndTabsAndOneLineRefusesThem() {
        assertThat(Text.isFree("第一行\r\n\tsecond line 😀")).isTrue();
        assertThat(Text.isOneLine("第一行\nsecond")).isFalse();
        assertThat(Text.isFree("invoice\u202Egnp.exe")).isFalse();
        assertThat(Text.isFree("\u001b[31mred")).isFalse();
        assertThat(Text.isOneLine(null)).isTrue();
    }
}

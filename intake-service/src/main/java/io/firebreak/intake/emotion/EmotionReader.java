package io.firebreak.intake.emotion;

import io.firebreak.events.EmotionLevel;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Reads the customer's emotion from their words (愤怒感知法): threat words, anger words and intensity marks.
 * A first reading; the full reader with negation and stages comes with the intake-and-triage work.
 */
@Component
public class EmotionReader {

    private static final List<String> THREATS =
            List.of("lawyer", "sue ", "court", "media", "12315", "律师", "起诉", "法院", "媒体", "曝光", "消协");
    private static final List<String> ANGER = List.of("angry", "furious", "unacceptable", "outrageous", "ridiculous",
            "愤怒", "气死", "太差", "垃圾", "骗子");
    private static final List<String> UPSET = List.of("disappointed", "unhappy", "annoyed", "frustrated", "失望", "不满", "烦");

    public EmotionLevel read(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean threat = THREATS.stream().anyMatch(lower::contains);
        boolean anger = ANGER.stream().anyMatch(lower::contains);
        boolean intense = lower.contains("!!!") || lower.contains("！！！");
        if (threat && (anger || intense)) return EmotionLevel.FURIOUS;
        if (threat || anger || intense) return EmotionLevel.ANGRY;
        if (UPSET.stream().anyMatch(lower::contains) || lower.contains("!") || lower.contains("！")) {
            return EmotionLevel.UPSET;
        }
        return EmotionLevel.CALM;
    }
}

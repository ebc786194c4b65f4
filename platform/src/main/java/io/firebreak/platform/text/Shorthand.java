package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A phrase as it is typed in a chat window or a text message: "hasn't worked" is also "hasnt worked", "your manager"
 * "ur manager" and "ur mgr", "you" "u", "please" "pls", "I'm posting" "im posting", "the third time" "the 3rd time",
 * "my fourth message" "my 4th msg", 第三次 第3次, 打了五次 打了5次, and Chinese as typed online: 没有人管 木有人管. Each
 * phrase is compiled with its variants, so the text is scanned as written and nothing costs more per complaint.
 *
 * <p>Left alone: "we're" (its shorthand "were" is a word of its own), and a phrase of a single shorthand word ("u"
 * alone would find every "u" in a product name).
 */
final class Shorthand {

    private Shorthand() {}

    /** Whole words and their shorthand: each is replaced on its own, and all of them together. */
    private static final Map<String, List<String>> WORDS = Map.ofEntries(
            Map.entry("you", List.of("u")),
            Map.entry("your", List.of("ur")),
            Map.entry("you're", List.of("ur", "youre")),
            Map.entry("please", List.of("pls", "plz")),
            Map.entry("i'm", List.of("im")),
            Map.entry("i've", List.of("ive")),
            Map.entry("i'll", List.of("ill")),
            Map.entry("i'd", List.of("id")),
            Map.entry("it's", List.of("its")),
            Map.entry("that's", List.of("thats")),
            Map.entry("what's", List.of("whats")),
            Map.entry("there's", List.of("theres")),
            Map.entry("they're", List.of("theyre")),
            Map.entry("could've", List.of("couldve")),
            Map.entry("would've", List.of("wouldve")),
            Map.entry("should've", List.of("shouldve")),
            Map.entry("second", List.of("2nd")),
            Map.entry("third", List.of("3rd")),
            Map.entry("fourth", List.of("4th")),
            Map.entry("fifth", List.of("5th")),
            Map.entry("sixth", List.of("6th")),
            Map.entry("seventh", List.of("7th")),
            Map.entry("eighth", List.of("8th")),
            Map.entry("ninth", List.of("9th")),
            Map.entry("tenth", List.of("10th")),
            Map.entry("message", List.of("msg")),
            Map.entry("messages", List.of("msgs")),
            Map.entry("about", List.of("abt")),
            Map.entry("through", List.of("thru")),
            Map.entry("weeks", List.of("wks")),
            Map.entry("without", List.of("w/o")),
            Map.entry("manager", List.of("mgr")),
            Map.entry("supervisor", List.of("supv", "supvr")),
            Map.entry("attorney", List.of("atty")),
            Map.entry("account", List.of("acct")),
            // Chinese as it is typed online: 木有 没有, 肿么 怎么, 神马 什么.
            Map.entry("没有", List.of("木有")),
            Map.entry("怎么", List.of("肿么")),
            Map.entry("什么", List.of("神马")));

    /**
     * Words whose shorthand is no word of its own, so that a phrase of the word alone has it too ("manager" "mgr",
     * 没有 木有); "you" alone is not shortened ("u" would find every "u" in a product name).
     */
    private static final Set<String> SHORTENED_ALONE =
            Set.of("message", "messages", "without", "manager", "supervisor", "attorney", "account", "没有");

    /** The Chinese words above, found inside a phrase rather than word by word. */
    private static final List<String> HAN_WORDS = List.of("没有", "怎么", "什么");

    /** Chinese numerals before a count of times, days or weeks, and the digits written for them. */
    private static final String HAN_NUMERALS = "一二三四五六七八九十";

    private static final String HAN_COUNTED = "次天周回遍";

    /** The phrase (folded to lower case) and each way it is typed in shorthand; the phrase itself first. */
    static List<String> variants(String phrase) {
        Set<String> out = new LinkedHashSet<>();
        out.add(phrase);
        String[] words = phrase.split(" ", -1);
        if (words.length > 1 || !WORDS.containsKey(phrase) || SHORTENED_ALONE.contains(phrase)) {
            List<String> spelled = new ArrayList<>(List.of(phrase));
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                List<String> shorts = new ArrayList<>();
                if (WORDS.containsKey(word)) shorts.addAll(WORDS.get(word));
                if (word.endsWith("n't") && word.length() > 3) {
                    shorts.add(word.substring(0, word.length() - 3) + "nt");
                }
                if (shorts.isEmpty()) continue;
                List<String> next = new ArrayList<>(spelled);
                for (String written : spelled) {
                    String[] parts = written.split(" ", -1);
                    for (String s : shorts) {
                        parts[i] = s;
                        next.add(String.join(" ", parts));
                    }
                }
                spelled = next;
            }
            out.addAll(spelled);
        }
        String digits = hanDigits(phrase);
        if (!digits.equals(phrase)) out.add(digits);
        for (String han : HAN_WORDS) {
            if (!phrase.contains(han) || phrase.equals(han) && !SHORTENED_ALONE.contains(han)) continue;
            for (String written : List.copyOf(out)) {
                for (String online : WORDS.get(han)) out.add(written.replace(han, online));
            }
        }
        return new ArrayList<>(out);
    }

    /** 第三次 → 第3次, 打了五次 → 打了5次, 十天 → 10天: a single numeral before a count. */
    private static String hanDigits(String phrase) {
        StringBuilder out = new StringBuilder(phrase.length());
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            int n = HAN_NUMERALS.indexOf(c);
            boolean single = i == 0 || HAN_NUMERALS.indexOf(phrase.charAt(i - 1)) < 0;
            boolean counted = i + 1 < phrase.length() && HAN_COUNTED.indexOf(phrase.charAt(i + 1)) >= 0;
            if (n >= 0 && single && counted) out.append(n + 1);
            else out.append(c);
        }
        return out.toString();
    }
}

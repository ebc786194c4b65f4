package io.firebreak.intake.complaint;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two texts are: the Jaccard similarity of their features, Chinese as character bigrams and English as
 * words (without the commonest little words, which every text shares). 1 is the same text, 0 nothing in common.
 */
final class TextSimilarity {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "from", "by", "is",
            "are", "was", "were", "be", "been", "it", "its", "this", "that", "i", "me", "my", "we", "our", "you",
            "your", "they", "them", "he", "she", "his", "her", "have", "has", "had", "do", "does", "did", "so", "still",
            "just", "please", "not", "no", "yet", "again");

    private TextSimilarity() {}

    static double jaccard(String a, String b) {
        Set<String> x = features(a);
        Set<String> y = features(b);
        if (x.isEmpty() || y.isEmpty()) return 0;
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return (double) common.size() / (x.size() + y.size() - common.size());
    }

    /** Chinese runs give their character bigrams (a lone character itself); English and digits give words. */
    static Set<String> features(String text) {
        Set<String> features = new HashSet<>();
        if (text == null) return features;
        String s = text.toLowerCase(Locale.ROOT);
        StringBuilder han = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flushWord(word, features);
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flushHan(han, features);
                word.appendCodePoint(cp);
            } else {
                flushHan(han, features);
                flushWord(word, features);
            }
        }
        flushHan(han, features);
        flushWord(word, features);
        return features;
    }

    private static void flushHan(StringBuilder run, Set<String> features) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) features.add(new String(cps, 0, 1));
        for (int i = 0; i + 1 < cps.length; i++) features.add(new String(cps, i, 2));
        run.setLength(0);
    }

    private static void flushWord(StringBuilder word, Set<String> features) {
        if (!word.isEmpty() && !STOP_WORDS.contains(word.toString())) features.add(word.toString());
        word.setLength(0);
    }
}

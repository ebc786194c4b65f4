package io.firebreak.triage.corrections;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The phrases a rule set may be missing, from the complaints people raised to a class the rules did not give: the
 * terms (English words and word pairs, Chinese character pairs) that recur across those complaints and are rare in
 * ordinary ones. A list to read before writing a rule, not a rule: {@code POST /rules/dry-run} then shows what a
 * proposed phrase would change. Pure: no store.
 */
final class MissingPhrases {

    /** A term and in how many of the raised complaints it appears. */
    record Candidate(String phrase, int complaints) {}

    /** Terms in more than this share of ordinary complaints are everyday words ("the", "我们", "order"). */
    static final double EVERYDAY_SHARE = 0.02;

    static final int MOST = 10;

    private final Map<String, Integer> ordinaryCounts = new HashMap<>();
    private final int ordinaryTexts;

    /** {@code ordinary}: texts known to be ordinary complaints (the shipped labelled ones). */
    MissingPhrases(Collection<String> ordinary) {
        for (String text : ordinary) terms(text).forEach(t -> ordinaryCounts.merge(t, 1, Integer::sum));
        this.ordinaryTexts = Math.max(1, ordinary.size());
    }

    /** The candidates of these raised complaints' texts: in at least two of them, most frequent first. */
    List<Candidate> in(Collection<String> raised) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : raised) terms(text).forEach(t -> counts.merge(t, 1, Integer::sum));
        List<Candidate> candidates = new ArrayList<>();
        counts.forEach((term, n) -> {
            if (n >= 2 && ordinaryCounts.getOrDefault(term, 0) <= EVERYDAY_SHARE * ordinaryTexts) {
                candidates.add(new Candidate(term, n));
            }
        });
        candidates.sort(Comparator.comparingInt(Candidate::complaints)
                .reversed()
                .thenComparing(c -> -c.phrase().length())
                .thenComparing(Candidate::phrase));
        return candidates.size() <= MOST ? candidates : candidates.subList(0, MOST);
    }

    /** A text's distinct terms: English words of three letters or more and pairs of them, Chinese character pairs. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        String previousWord = null;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z' || c == '\'') {
                word.append(c);
                continue;
            }
            if (word.length() >= 3) {
                String w = word.toString();
                terms.add(w);
                if (previousWord != null) terms.add(previousWord + " " + w);
                previousWord = w;
            } else if (word.length() > 0) {
                previousWord = null; // a short word breaks a pair ("smell of gas": no pair)
            }
            if (!Character.isWhitespace(c)) previousWord = null; // so does a mark or a character of another script
            word.setLength(0);
            if (isHan(c) && i + 1 < lower.length() && isHan(lower.charAt(i + 1))) {
                terms.add(lower.substring(i, i + 2));
            }
        }
        return terms;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}

package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled list of phrases to find in a {@link ScannedText}, in one pass whatever their number. Matching is
 * case-insensitive on the normalized text. A phrase edge that is a Latin letter or digit only matches at a word
 * edge, so "sue" does not fire on "issue" nor "12315" inside "412315"; a trailing {@code *} makes a Latin phrase a
 * word prefix ("injur*" finds "injured"); Chinese has no spaces between words, so a Chinese phrase matches
 * anywhere. {@code "A ... B"} finds A followed by B later in the same sentence (at most
 * {@value #MAX_GAP} characters on), for what people say in many ways: "approved ... reversed". Either side may be
 * alternatives, {@code "微博|抖音 ... 转发|发到"}: any of the one followed by any of the other. A leading {@code *}
 * takes in the word written before: {@code "* themed"} finds "poison-ivy themed" and "lawyer-themed" (the word
 * joined by a hyphen or a space, with the words hyphenated to it), {@code "*主题"} finds "消防主题" and "“救命稻草”主题"
 * (at most {@value #HAN_BEFORE} Chinese characters, not across a particle such as 的 or 被): for what makes the word
 * before it a product's theme, print or flavour. A phrase in the first person ("every time I call", "我打了三次") also
 * finds an agent's report of it in the third person ("every time she calls", "客户打了三次"): see {@link ReportedSpeech};
 * every phrase is also found as typed in a chat or a text ("hasnt worked", "ur manager", "my 3rd call", 第3次): see
 * {@link Shorthand}; a Chinese one as a business's letter writes it (你们 as 贵司, 门店说 as 门店称): see
 * {@link FormalRegister}; and as a bilingual customer types it, with an English word in it (投诉过 as complain过): see
 * {@link MixedLanguage}. A word of a phrase typed with a slip ("lawer", "thrid") is found as the word: see {@link
 * Spelling}.
 */
public final class PhraseSet {

    /** The most characters a gap phrase lets between its two parts. */
    public static final int MAX_GAP = 90;

    /** The most Chinese characters a leading {@code *} takes in. */
    public static final int HAN_BEFORE = 4;

    private static final String GAP = "...";
    /** Where a Chinese word taken in by a leading {@code *} ends: particles and words that join two others. */
    private static final String HAN_STOPS = "的了着被把是在有和跟给让与及或也都就又";
    /** Closing quotes between a word and what follows it: “救命稻草”主题. */
    private static final String CLOSING_QUOTES = "\"”」』'’）)";

    private static final String OR = "|";

    private final List<String> phrases;
    private final List<Part> parts = new ArrayList<>();
    private final List<Integer> phraseOfPart = new ArrayList<>();
    /** Per phrase, its sides: each the range [from, to) of its alternatives' part indices (one side or two). */
    private final int[][] sidesOfPhrase;

    private final AhoCorasick automaton;

    /**
     * One found phrase: which (its index in the list), where, and the words as written in the text; for a phrase with
     * a gap ("posting ... Facebook"), where its first side ends and its second begins (else both at {@code end}).
     */
    public record Hit(int phrase, int start, int end, String asWritten, int firstEnd, int secondStart) {

        public Hit(int phrase, int start, int end, String asWritten) {
            this(phrase, start, end, asWritten, end, end);
        }
    }

    private record Part(String core, boolean wordStart, boolean wordEnd, boolean prefix, boolean wordBefore) {}

    private PhraseSet(List<String> phrases) {
        this(phrases, true);
    }

    /** {@code compile}: false only to check the phrases' form, without the automaton that finds them. */
    private PhraseSet(List<String> phrases, boolean compile) {
        this.phrases = List.copyOf(phrases);
        this.sidesOfPhrase = new int[phrases.size()][];
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = ScannedText.normalize(phrases.get(p).strip());
            int gap = phrase.indexOf(GAP);
            if (gap >= 0) {
                int first = parts.size();
                addSide(phrase.substring(0, gap), phrases.get(p), p);
                int second = parts.size();
                addSide(phrase.substring(gap + GAP.length()), phrases.get(p), p);
                sidesOfPhrase[p] = new int[] {first, second, parts.size()};
            } else {
                int first = parts.size();
                addSide(phrase, phrases.get(p), p);
                sidesOfPhrase[p] = new int[] {first, parts.size()};
            }
        }
        this.automaton =
                compile ? new AhoCorasick(parts.stream().map(Part::core).toList()) : null;
        if (compile) {
            // The words the readers look for are those a slip is read towards ("lawer" as "lawyer").
            for (Part part : parts) {
                if (!part.prefix()) Spelling.learn(part.core());
            }
        }
    }

    /**
     * Compiles the phrases.
     *
     * @throws IllegalArgumentException naming the first phrase that is not one (empty, a lone {@code *}, a gap
     *     without two sides)
     */
    public static PhraseSet of(List<String> phrases) {
        return new PhraseSet(phrases);
    }

    /** Why this phrase cannot be compiled, or null when it can. */
    public static String problemWith(String phrase) {
        try {
            // A rule set checks each of its thousands of phrases this way: their form, not an automaton each.
            new PhraseSet(List.of(phrase), false);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public int size() {
        return phrases.size();
    }

    public String phrase(int index) {
        return phrases.get(index);
    }

    /** Every occurrence of every phrase, ordered by phrase (as listed), then by position. */
    public List<Hit> scan(ScannedText text) {
        if (text.length() == 0 || phrases.isEmpty()) return List.of();
        String read = text.text();
        char[] folded = text.folded();
        List<int[]> partHits = new ArrayList<>();
        automaton.scan(folded, (part, end) -> {
            Part p = parts.get(part);
            int start = end - p.core().length();
            if (p.wordStart() && start > 0 && ScannedText.isWordChar(read.charAt(start - 1))) return;
            if (p.wordBefore()) {
                start = wordBefore(read, start);
                if (start < 0) return;
            }
            int last = end;
            if (p.prefix()) {
                while (last < read.length() && ScannedText.isWordChar(read.charAt(last))) last++;
            } else if (p.wordEnd() && end < read.length() && ScannedText.isWordChar(read.charAt(end))) {
                return;
            }
            partHits.add(new int[] {part, start, last});
        });
        if (partHits.isEmpty()) return List.of();
        List<Hit> hits = new ArrayList<>();
        for (int[] first : partHits) {
            int phrase = phraseOfPart.get(first[0]);
            int[] sides = sidesOfPhrase[phrase];
            if (first[0] >= sides[1]) continue; // the second side of a gap phrase: found from its first
            if (sides.length == 2) {
                hits.add(new Hit(phrase, first[1], first[2], text.written(first[1], first[2])));
            } else {
                int[] second = following(partHits, sides[1], sides[2], first[2], read);
                if (second != null) {
                    hits.add(new Hit(
                            phrase,
                            first[1],
                            second[2],
                            text.written(first[1], first[2]) + " … " + text.written(second[1], second[2]),
                            first[2],
                            second[1]));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::phrase)
                .thenComparingInt(Hit::start)
                .thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        return withoutInner(hits);
    }

    /**
     * The hits without any that lies inside an earlier hit of the same phrase: "customer has called" inside "the
     * customer has called", both ways of reporting one phrase.
     */
    private static List<Hit> withoutInner(List<Hit> sorted) {
        List<Hit> kept = new ArrayList<>(sorted.size());
        for (Hit hit : sorted) {
            Hit last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && last.phrase() == hit.phrase() && hit.start() < last.end() && hit.end() <= last.end()) {
                continue;
            }
            kept.add(hit);
        }
        return kept;
    }

    /**
     * The first hit of a part in [{@code fromPart}, {@code toPart}) starting after {@code from} in the same sentence,
     * within the gap.
     */
    private static int[] following(List<int[]> partHits, int fromPart, int toPart, int from, String text) {
        int[] best = null;
        for (int[] hit : partHits) {
            if (hit[0] < fromPart || hit[0] >= toPart || hit[1] < from || hit[1] - from > MAX_GAP) continue;
            if (best == null || hit[1] < best[1]) best = hit;
        }
        if (best == null) return null;
        for (int i = from; i < best[1]; i++) {
            if (ScannedText.isSentenceEndAt(text, i)) return null;
        }
        return best;
    }

    /**
     * Where the word written before {@code start} begins, for a part with a leading {@code *}, or -1 when there is
     * none: a Latin word (and the words hyphenated to it) joined by one hyphen or space, or a few Chinese characters
     * (after any closing quote).
     */
    private static int wordBefore(String text, int start) {
        if (ScannedText.isWordChar(text.charAt(start))) {
            int joiner = start - 1;
            if (joiner < 1 || text.charAt(joiner) != '-' && text.charAt(joiner) != ' ') return -1;
            int from = joiner;
            while (from > 0
                    && (ScannedText.isWordChar(text.charAt(from - 1))
                            || text.charAt(from - 1) == '-'
                                    && from > 1
                                    && ScannedText.isWordChar(text.charAt(from - 2)))) {
                from--;
            }
            return from < joiner ? from : -1;
        }
        int end = start;
        while (end > 0 && CLOSING_QUOTES.indexOf(text.charAt(end - 1)) >= 0) end--;
        int from = ScannedText.hanRunStart(text, end, HAN_BEFORE, HAN_STOPS);
        return from < end ? from : -1;
    }

    /** The side's alternatives ({@code a|b|c}), each a part. */
    private void addSide(String raw, String phrase, int index) {
        for (String alternative : raw.split(Pattern.quote(OR), -1)) addPart(alternative, phrase, index);
    }

    private void addPart(String raw, String phrase, int index) {
        String core = raw.strip();
        boolean before = core.startsWith("*") && core.length() > 1;
        if (before) {
            core = core.substring(1);
            if (core.startsWith("-")) core = core.substring(1);
            core = core.strip();
        }
        boolean prefix = core.endsWith("*");
        if (prefix) core = core.substring(0, core.length() - 1).strip();
        if (core.isEmpty()) throw new IllegalArgumentException("'" + phrase + "' has nothing to match");
        if (core.contains(GAP) || core.contains("*")) {
            throw new IllegalArgumentException("'" + phrase
                    + "' may have one '...', alternatives split by '|', a '*' at the end of a word and one before it");
        }
        if (before && !ScannedText.isWordChar(core.codePointAt(0)) && !ScannedText.isHan(core.charAt(0))) {
            throw new IllegalArgumentException("'" + phrase + "' takes in the word before only a word");
        }
        // In the customer's words or in an agent's report of them ("every time I call", "every time she calls"), as
        // written out or typed in shorthand ("hasn't worked", "hasnt worked"; the third time, the 3rd time).
        Set<String> written = new LinkedHashSet<>();
        for (String reported : ReportedSpeech.variants(fold(core))) {
            for (String formal : FormalRegister.variants(reported)) {
                for (String mixed : MixedLanguage.variants(formal)) {
                    // The variants' own words folded as the phrase was (a Traditional or Simplified form finds either).
                    for (String variant : Shorthand.variants(mixed)) written.add(fold(variant));
                }
            }
        }
        for (String variant : written) {
            phraseOfPart.add(index);
            parts.add(new Part(
                    variant,
                    ScannedText.isWordChar(variant.codePointAt(0)),
                    ScannedText.isWordChar(variant.codePointBefore(variant.length())),
                    prefix && ScannedText.isWordChar(variant.codePointBefore(variant.length())),
                    before));
        }
    }

    private static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = ScannedText.fold(chars[i]);
        return new String(chars);
    }
}

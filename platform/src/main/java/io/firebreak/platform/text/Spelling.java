package io.firebreak.platform.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A word typed with one slip, read as the word the readers look for: "lawer" as "lawyer", "thrid" as "third",
 * "escalte" as "escalate", "supervisr" as "supervisor", "writting" as "writing", "speek" as "speak", "responsable" as
 * "responsible"; and, in Chinese, what a pinyin input method offers first for a measure word after a number: 两万三千快
 * as 两万三千块, 三百多护 as 三百多户; and 措 for 错 after a verb (看措了 as 看错了).
 *
 * <p>The words it knows are those of every phrase the readers compile ({@link PhraseSet} teaches them here): a slip
 * is corrected only towards one of them, and only in a word that is none of them and no English word either: the
 * 18,000 common words of {@code english-words.txt} ("treat" is not "threat" mistyped, nor "dress" "press", "fried"
 * "fired" or "small" "smell") and the 46,000 rarer ones of {@code english-words-rare.txt} (a nativity scene's "manger"
 * is no manager, "leeks" are no leaks, a "latte" is not late). A slip is one letter left out, added, doubled, changed
 * or two letters swapped, in a word of at least {@value #SHORTEST} letters (of three or four, only a letter doubled:
 * "gass" as "gas"); another ending of a known word ("courts" of "court", "bounces" of "bounced") is the word as meant,
 * not a slip. Where two known words are one slip away, the likelier slip decides (a letter left out, then two swapped,
 * then one doubled, then a vowel for a vowel, then any other); if that leaves two, the word stays as written.
 */
final class Spelling {

    /**
     * The fewest letters a word has for any slip in it to be read: shorter ones are too often other words. A word of
     * three or four letters is read only with a letter doubled ("gass" as "gas").
     */
    static final int SHORTEST = 5;

    private static final int SHORTEST_DOUBLED = 3;

    private static final int LONGEST = 24;

    /** Each known word, and each of them with one letter left out: the known words they come from. */
    private static final Map<String, List<String>> NEAR = new ConcurrentHashMap<>();

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    /** English words: never slips. */
    private static final Set<String> ENGLISH = load("english-words.txt", "english-words-rare.txt");

    private static final String VOWELS = "aeiouy";

    /** Endings that make another word of a known one: not slips. */
    private static final List<String> ENDINGS = List.of("s", "d", "r", "y");

    private static final String HAN_NUMERALS = "零一二两三四五六七八九十百千万亿";

    /** What makes 快 a word of its own after a number: 快递, 快点, 快速, 快乐, 快要, 快到 … */
    private static final String NOT_AFTER_BLOCK = "递点速乐捷要到来去些好了";

    /** What makes 护 a word of its own: 护理, 护士, 护照, 护栏, 护肤, 护送, 护卫 … */
    private static final String NOT_AFTER_HOUSEHOLD = "理士照栏肤送卫航具垫";

    private Spelling() {}

    /**
     * A text with its slips read as meant, and where each of its chars stands in the text as written (null when every
     * char stands where it is: only Chinese characters were read, one for one).
     */
    record Corrected(String text, int[] written) {}

    /** Learns the Latin words of a phrase (lower case), so that a slip in them is read. */
    static void learn(String phrase) {
        int i = 0;
        int n = phrase.length();
        while (i < n) {
            if (!isLetter(phrase.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isLetter(phrase.charAt(i))) i++;
            boolean whole = (start == 0 || !ScannedText.isWordChar(phrase.charAt(start - 1)))
                    && (i == n || !ScannedText.isWordChar(phrase.charAt(i)));
            if (whole && i - start >= SHORTEST_DOUBLED && i - start <= LONGEST) {
                String word = phrase.substring(start, i);
                if (KNOWN.add(word)) {
                    index(word, word);
                    for (String shorter : deletions(word)) index(shorter, word);
                }
            }
        }
    }

    private static void index(String key, String word) {
        NEAR.compute(key, (k, words) -> {
            if (words == null) return List.of(word);
            if (words.contains(word)) return words;
            List<String> more = new ArrayList<>(words);
            more.add(word);
            return List.copyOf(more);
        });
    }

    /**
     * The text with its slips read as meant, or null when it has none. {@code text} is normalized ({@link
     * ScannedText#normalize}).
     */
    static Corrected correct(String text) {
        StringBuilder out = null;
        List<int[]> moves = null; // [position in out, position in text] where a replaced word starts and ends
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char meantHan = hanSlip(text, i);
            if (meantHan != 0) {
                if (out == null) out = new StringBuilder(n + 8);
                out.append(text, copied, i).append(meantHan);
                copied = i + 1;
                i++;
                continue;
            }
            if (!isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isLetter(text.charAt(i))) i++;
            boolean whole =
                    (start == 0 || !ScannedText.isWordChar(text.charAt(start - 1)) && text.charAt(start - 1) != '\'')
                            && (i == n || !ScannedText.isWordChar(text.charAt(i)) && text.charAt(i) != '\'');
            int length = i - start;
            if (!whole || length <= SHORTEST_DOUBLED || length > LONGEST) continue;
            String typed = text.substring(start, i);
            String meant = meant(typed.toLowerCase(Locale.ROOT));
            if (meant == null) continue;
            if (out == null) out = new StringBuilder(n + 8);
            if (moves == null) moves = new ArrayList<>();
            out.append(text, copied, start);
            moves.add(new int[] {out.length(), start});
            out.append(
                    Character.isUpperCase(typed.charAt(0))
                            ? Character.toUpperCase(meant.charAt(0)) + meant.substring(1)
                            : meant);
            moves.add(new int[] {out.length(), i});
            copied = i;
        }
        if (out == null) return null;
        out.append(text, copied, n);
        return new Corrected(out.toString(), moves == null ? null : positions(out.length(), n, moves));
    }

    private static final int DOUBLED = 2;

    /** Where each char of the corrected text (and its end) stands in the text as written. */
    private static int[] positions(int length, int writtenLength, List<int[]> moves) {
        int[] written = new int[length + 1];
        int at = 0; // in the corrected text
        int shift = 0; // written position − corrected position, outside replaced words
        for (int m = 0; m < moves.size(); m += 2) {
            int[] from = moves.get(m);
            int[] to = moves.get(m + 1);
            for (; at < from[0]; at++) written[at] = at + shift;
            int writtenWord = to[1] - from[1];
            for (int k = 0; at < to[0]; at++, k++) written[at] = from[1] + Math.min(k, writtenWord - 1);
            shift = to[1] - to[0];
        }
        for (; at <= length; at++) written[at] = Math.min(at + shift, writtenLength);
        return written;
    }

    /** The known word {@code typed} (lower case) was meant to be, or null. */
    static String meant(String typed) {
        if (KNOWN.isEmpty() || KNOWN.contains(typed) || ENGLISH.contains(typed)) return null;
        List<String> candidates = new ArrayList<>(2);
        add(candidates, NEAR.get(typed));
        for (String shorter : deletions(typed)) add(candidates, NEAR.get(shorter));
        String best = null;
        int bestKind = Integer.MAX_VALUE;
        boolean tie = false;
        for (String word : candidates) {
            int kind = slip(typed, word);
            if (kind < 0 || kind != DOUBLED && (typed.length() < SHORTEST || word.length() < SHORTEST)) continue;
            if (kind < bestKind) {
                best = word;
                bestKind = kind;
                tie = false;
            } else if (kind == bestKind) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static void add(List<String> to, List<String> words) {
        if (words == null) return;
        for (String w : words) {
            if (!to.contains(w)) to.add(w);
        }
    }

    /**
     * Which slip makes {@code typed} of {@code word}, the likelier the smaller: 0 a letter left out, 1 two letters
     * swapped, 2 a letter doubled, 3 a vowel for a vowel, 4 any other letter changed or added; -1 when it is no one
     * slip, or an ending that makes another word ("courts" of "court", "bounces" of "bounced").
     */
    static int slip(String typed, String word) {
        int t = typed.length();
        int w = word.length();
        if (t == w - 1) {
            return isDeletion(word, typed) ? 0 : -1;
        }
        if (t == w + 1) {
            if (typed.startsWith(word)
                    && ENDINGS.contains(typed.substring(w))
                    && typed.charAt(w) != word.charAt(w - 1)) {
                return -1; // an ending, unless the last letter doubled: "courts", but "gass"
            }
            if (!isDeletion(typed, word)) return -1;
            int at = firstDifference(typed, word);
            return at > 0 && typed.charAt(at) == typed.charAt(at - 1)
                            || at + 1 < t && typed.charAt(at) == typed.charAt(at + 1)
                    ? 2
                    : 4;
        }
        if (t != w) return -1;
        int at = firstDifference(typed, word);
        if (at == t) return -1;
        if (at + 1 < t
                && typed.charAt(at) == word.charAt(at + 1)
                && typed.charAt(at + 1) == word.charAt(at)
                && typed.regionMatches(at + 2, word, at + 2, t - at - 2)) {
            return 1;
        }
        if (!typed.regionMatches(at + 1, word, at + 1, t - at - 1)) return -1;
        if (at == t - 1) return -1; // another ending of the same word: "bounces" of "bounced"
        return VOWELS.indexOf(typed.charAt(at)) >= 0 && VOWELS.indexOf(word.charAt(at)) >= 0 ? 3 : 4;
    }

    /** Whether {@code shorter} is {@code longer} with one letter left out. */
    private static boolean isDeletion(String longer, String shorter) {
        int at = firstDifference(longer, shorter);
        return longer.regionMatches(at + 1, shorter, at, shorter.length() - at);
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }

    private static List<String> deletions(String word) {
        List<String> out = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i > 0 && word.charAt(i) == word.charAt(i - 1)) continue;
            out.add(word.substring(0, i) + word.substring(i + 1));
        }
        return out;
    }

    private static Set<String> load(String... names) {
        Set<String> words = new HashSet<>(1 << 17);
        for (String name : names) {
            try (InputStream in = Spelling.class.getResourceAsStream(name)) {
                if (in == null)
                    throw new IllegalStateException(name + " is missing beside " + Spelling.class.getName());
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) words.add(line.strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(words);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * The Chinese character meant at {@code i}, or 0: 快 for 块 after a number (三千快, 50快; not 多快, nor 快递 or
     * 快点), 护 for 户 after a number or 多 (三百多护; not 护理, 护士 or 护照), 措 for 错 after a verb.
     */
    private static char hanSlip(String text, int i) {
        char c = text.charAt(i);
        if (c == '措') return wrongly(text, i);
        if (c != '快' && c != '护' || i == 0) return 0;
        char before = text.charAt(i - 1);
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        if (c == '快') {
            return isNumeral(before) && NOT_AFTER_BLOCK.indexOf(after) < 0 ? '块' : 0;
        }
        return (isNumeral(before) || before == '多' || before == '几') && NOT_AFTER_HOUSEHOLD.indexOf(after) < 0
                ? '户'
                : 0;
    }

    /**
     * 错 for 措 after a verb (看措了, 写措, 算措): 措 is a word only in 措施, 措辞, 举措, 筹措, 不知所措, 手足无措 and
     * 措手不及.
     */
    private static char wrongly(String text, int i) {
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return i > 0 && isHanChar(before) && "举筹所无".indexOf(before) < 0 && "施辞手置".indexOf(after) < 0 ? '错' : 0;
    }

    private static boolean isHanChar(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }

    private static boolean isNumeral(char c) {
        return c >= '0' && c <= '9' || HAN_NUMERALS.indexOf(c) >= 0;
    }
}

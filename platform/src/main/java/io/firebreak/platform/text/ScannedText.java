package io.firebreak.platform.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complaint's text prepared once for every matcher that reads it: the NFKC form (so full-width "１２３１５" is
 * "12315" and "￥" is "¥"), curly apostrophes made straight, and a lower-case copy of the same length, so a match
 * found in the copy is reported as written; in the copy Traditional Chinese and written Cantonese are read as
 * Simplified Mandarin ({@link WrittenChinese}: 漏電 as 漏电, 你哋 as 你们). A word typed with a slip is read as the
 * word meant ({@link Spelling}: "lawer" as "lawyer"), and what a match found is still quoted as written. The copy
 * leaves out an agent's opening ({@link ReportingFrame}: "Customer says", "客户称"), which is who speaks, not what
 * they said.
 */
public final class ScannedText {

    private static final ScannedText EMPTY = new ScannedText("");

    private final String text;
    private final String simplified;
    private final char[] folded;
    private final boolean han;
    private final boolean latin;
    /** The folded copy as a string, made when a reader with patterns of its own first asks. */
    private String foldedString;
    /** The text as written, when a slip in it is read as meant ({@link Spelling}); else null. */
    private final String written;
    /** Where each char of {@link #text} (and its end) stands in {@link #written}; null when that is where it is. */
    private final int[] writtenAt;

    private ScannedText(String normalized) {
        Spelling.Corrected corrected = Spelling.correct(normalized);
        this.text = corrected == null ? normalized : corrected.text();
        this.written = corrected == null ? null : normalized;
        this.writtenAt = corrected == null ? null : corrected.written();
        this.simplified = WrittenChinese.simplified(text);
        this.folded = new char[text.length()];
        boolean anyHan = false;
        boolean anyLatin = false;
        for (int i = 0; i < folded.length; i++) {
            char c = simplified.charAt(i);
            // One char for one char: offsets in the folded copy are offsets in the text.
            folded[i] = Character.toLowerCase(c);
            if (!anyHan && isHan(c)) anyHan = true;
            if (!anyLatin && folded[i] >= 'a' && folded[i] <= 'z') anyLatin = true;
        }
        this.han = anyHan;
        this.latin = anyLatin;
        // An agent's opening ("Customer says", "客户称", "客戶稱") is not the customer's words: matchers do not see it.
        int opening = ReportingFrame.openingEnd(simplified);
        for (int i = 0; i < opening; i++) folded[i] = ' ';
    }

    /** A char as every matcher compares it: lower case, a Traditional or Cantonese character as Simplified Mandarin. */
    static char fold(char c) {
        return Character.toLowerCase(WrittenChinese.simplified(c));
    }

    public static ScannedText of(String text) {
        if (text == null || text.isEmpty()) return EMPTY;
        return new ScannedText(normalize(text));
    }

    /** The NFKC form with straight apostrophes, as phrases are compared. */
    public static String normalize(String text) {
        String nfkc = Normalizer.isNormalized(text, Normalizer.Form.NFKC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
        return nfkc.indexOf('\u2019') < 0 ? nfkc : nfkc.replace('\u2019', '\'');
    }

    /** The normalized text, a slip in a word read as the word meant ({@link Spelling}): what matchers read. */
    public String text() {
        return text;
    }

    /** The text from {@code start} to {@code end} (offsets in {@link #text()}) as the customer wrote it. */
    public String written(int start, int end) {
        if (written == null) return text.substring(start, end);
        if (writtenAt == null) return written.substring(start, end);
        return written.substring(writtenAt[start], Math.max(writtenAt[start], writtenAt[end]));
    }

    /**
     * The normalized text with its Traditional and Cantonese characters read as Simplified Mandarin ({@link
     * WrittenChinese}), as long as the text: what a reader with patterns of its own (sums, openings) looks in.
     */
    String simplified() {
        return simplified;
    }

    public int length() {
        return folded.length;
    }

    char[] folded() {
        return folded;
    }

    /** The folded copy as a string (lower case, Simplified, an agent's opening blanked), made once. */
    String foldedString() {
        String made = foldedString;
        if (made == null) foldedString = made = new String(folded);
        return made;
    }

    /**
     * What a reader has for each language, as far as this text has it: {@code chinese} when it has Chinese characters,
     * {@code english} when it has Latin letters, both in that order when it has both — a reader's English patterns
     * need not look in a text with no Latin letter, nor its Chinese ones in a text with no Chinese.
     */
    <T> List<T> inItsLanguages(List<T> chinese, List<T> english) {
        if (han && latin) {
            List<T> both = new ArrayList<>(chinese);
            both.addAll(english);
            return both;
        }
        return han ? chinese : latin ? english : List.of();
    }

    /**
     * The first match of a reader's patterns for this text's languages ({@link #inItsLanguages}), looked for in order
     * in the folded text, as written; null when none matches.
     */
    String firstWritten(List<Pattern> chinese, List<Pattern> english) {
        String s = foldedString();
        for (Pattern p : inItsLanguages(chinese, english)) {
            Matcher m = p.matcher(s);
            if (m.find()) return written(m.start(), m.end()).strip();
        }
        return null;
    }

    /** Whether the text has Latin letters: English patterns have something to read. */
    boolean hasLatin() {
        return latin;
    }

    /** Whether the text has Chinese characters: the language an owner must read. */
    public boolean hasHan() {
        return han;
    }

    /**
     * Whether a text has Chinese characters, as {@code of(text).hasHan()} says, without preparing it: a Chinese
     * character is usually there as written; only a text with neither one nor plain ASCII alone is normalized to see
     * (a compatibility form such as ㈱ is one in its NFKC form).
     */
    public static boolean hasHan(String text) {
        if (text == null) return false;
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHan(c)) return true;
            if (c >= 0x80) ascii = false;
        }
        return !ascii && of(text).hasHan();
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    /** How a question about what would happen opens: "If …", "Hypothetically, …", "What happens if …", "如果…", "假如…". */
    private static final List<String> WHAT_IF = List.of(
            "if ",
            "hypothetically",
            "what would happen if",
            "what happens if",
            "what if ",
            "suppose ",
            "supposing ",
            "如果",
            "假如",
            "要是",
            "万一",
            "假设");

    /**
     * Whether the text asks what would happen ("If a parcel gets lost, do I get compensation?", "假如冰箱过了保修期坏了，
     * 你们还能付费维修吗？"): it opens with a condition and asks a question. Such a text reports nothing that happened;
     * a reader that compares it with complaints by topic would take its topic for an incident.
     */
    public boolean asksWhatIf() {
        if (text.indexOf('?') < 0) return false;
        int start = 0;
        while (start < folded.length && !Character.isLetterOrDigit(folded[start])) start++;
        for (String opening : WHAT_IF) {
            if (startsWith(start, opening)) return true;
        }
        return false;
    }

    private boolean startsWith(int at, String s) {
        if (at + s.length() > folded.length) return false;
        for (int i = 0; i < s.length(); i++) {
            if (folded[at + i] != s.charAt(i)) return false;
        }
        return true;
    }

    /** How many sentences the text has: each run of words up to a sentence's end, or to the text's. */
    public int sentences() {
        int sentences = 0;
        boolean words = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSentenceEndAt(text, i)) {
                if (words) sentences++;
                words = false;
            } else if (Character.isLetterOrDigit(c)) {
                words = true;
            }
        }
        return words ? sentences + 1 : sentences;
    }

    /** Whether no sentence ends between {@code from} and {@code to}. */
    public boolean sameSentence(int from, int to) {
        for (int i = from; i < to && i < text.length(); i++) {
            if (isSentenceEndAt(text, i)) return false;
        }
        return true;
    }

    /** Latin letters and digits make words; a Latin phrase edge only matches at a word edge. */
    public static boolean isWordChar(int c) {
        // Asked at the edges of every phrase found: ASCII and Chinese characters answered without looking up the
        // character's script, which is a binary search over Unicode's ranges.
        if (c < 0x80) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        if (c >= '\u3400' && c <= '\u9fff') return false;
        return Character.isDigit(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /** Where {@code c} first stands in {@code f} from {@code from} on, or -1. */
    static int indexOf(char[] f, char c, int from) {
        for (int i = from; i < f.length; i++) {
            if (f[i] == c) return i;
        }
        return -1;
    }

    /**
     * Where the run of Chinese characters just before {@code end} begins, going back at most {@code atMost}
     * characters and never past one of {@code stops} (particles such as 的 or 被) or a character that is not Chinese;
     * {@code end} when there is none.
     */
    static int hanRunStart(CharSequence s, int end, int atMost, String stops) {
        int from = end;
        while (from > 0 && end - from < atMost && isHan(s.charAt(from - 1)) && stops.indexOf(s.charAt(from - 1)) < 0) {
            from--;
        }
        return from;
    }

    static boolean isHan(char c) {
        return c >= '\u3400' && c <= '\u9fff' || c >= '\uf900' && c <= '\ufaff';
    }

    /** Where a sentence ends: a gap phrase never reaches across it (a semicolon joins two clauses of one sentence). */
    static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '。';
    }

    /**
     * Whether a sentence ends at {@code i} of {@code s}: at a sentence's punctuation ({@link #isSentenceEnd}), but not
     * at the point of a number ("£6.80", "-2.50 for my left eye"), which ends nothing.
     */
    static boolean isSentenceEndAt(CharSequence s, int i) {
        return isSentenceEnd(s.charAt(i)) && !insideNumber(s, i);
    }

    /** A point or a comma with a digit on each side: "6.80", "1,200". */
    private static boolean insideNumber(CharSequence s, int i) {
        char c = s.charAt(i);
        return (c == '.' || c == ',')
                && i > 0
                && i + 1 < s.length()
                && isAsciiDigit(s.charAt(i - 1))
                && isAsciiDigit(s.charAt(i + 1));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whether a clause ends at {@code i} of {@code s}: at a clause's punctuation ({@link #isClauseEnd}) other than the
     * point or the comma of a number ("1,200"), or at a space
     * between two Chinese characters — Chinese is written without spaces between words, so a space there is a pause, as
     * a speech-to-text transcript or a quick message writes one instead of a comma ("师傅一直没来 这个误工费").
     */
    static boolean isClauseEndAt(String s, int i) {
        char c = s.charAt(i);
        if (isClauseEnd(c)) return !insideNumber(s, i);
        if (!Character.isWhitespace(c)) return false;
        int before = i - 1;
        while (before >= 0 && Character.isWhitespace(s.charAt(before))) before--;
        int after = i + 1;
        while (after < s.length() && Character.isWhitespace(s.charAt(after))) after++;
        return before >= 0 && after < s.length() && isHan(s.charAt(before)) && isHan(s.charAt(after));
    }

    /** Where a clause ends: a negation never reaches across it. */
    static boolean isClauseEnd(char c) {
        return isSentenceEnd(c)
                || c == ';'
                || c == ','
                || c == ':'
                || c == '、'
                || c == '('
                || c == ')'
                || c == '"'
                || c == '\u201c'
                || c == '\u201d'
                || c == '\u300c'
                || c == '\u300d';
    }
}

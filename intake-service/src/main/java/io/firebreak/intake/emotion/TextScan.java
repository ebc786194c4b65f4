package io.firebreak.intake.emotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One text prepared for reading: links and addresses blanked out (positions kept), a lower-case copy, its English
 * words as tokens. Finds phrases in it, and tells whether a negation cue switches a found phrase off.
 */
public final class TextScan {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+(?:'[a-z]+)?(?:-[a-z0-9]+)*");
    private static final Pattern LINKS =
            Pattern.compile("(?i)https?://\\S+|www\\.\\S+|[^\\s@]+@[^\\s@]+\\.[a-z]{2,}");
    /**
     * {@link #LINKS} for a text without an {@code @}, where its e-mail branch cannot match: that branch tries every
     * start in a run without spaces (all of a Chinese text) to its end, quadratic in the run's length.
     */
    private static final Pattern LINKS_WITHOUT_EMAIL = Pattern.compile("(?i)https?://\\S+|www\\.\\S+");
    /** Punctuation that ends a clause: a negation does not reach across it. */
    private static final String CLAUSE_ENDS = ",.;:!?，。；：！？\n\r";

    /** Where a phrase was found, and what the text says there. */
    record Found(int start, int end, String text) {
        boolean overlaps(Found other) {
            return start < other.end && other.start < end;
        }
    }

    private record Token(int start, int end, String text) {}

    /** A phrase as {@link #find} reads it, prepared once: the phrases are the configured ones, read in every text. */
    private record Phrase(String text, boolean han, boolean prefix, List<String> words) {
        static Phrase of(String phrase) {
            String p = phrase.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
            boolean prefix = p.endsWith("*");
            String words = prefix ? p.substring(0, p.length() - 1) : p;
            return new Phrase(p, hasHan(p), prefix, List.copyOf(TextScan.words(words)));
        }
    }

    private static final Map<String, Phrase> PHRASES = new ConcurrentHashMap<>();
    /** The configured phrases are far fewer; beyond this, phrases are prepared on every call. */
    private static final int MAX_PHRASES = 10_000;

    private final String text;
    private final String lower;
    private final List<Token> tokens = new ArrayList<>();

    TextScan(String raw) {
        String value = raw == null ? "" : raw.replace('’', '\'');
        Matcher links = (value.indexOf('@') >= 0 ? LINKS : LINKS_WITHOUT_EMAIL).matcher(value);
        StringBuilder blanked = new StringBuilder(value);
        while (links.find()) {
            for (int i = links.start(); i < links.end(); i++) blanked.setCharAt(i, ' ');
        }
        text = blanked.toString();
        StringBuilder low = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) low.append(Character.toLowerCase(text.charAt(i)));
        lower = low.toString();
        Matcher m = TOKEN.matcher(lower);
        while (m.find()) tokens.add(new Token(m.start(), m.end(), m.group()));
    }

    /** The text with links and e-mail addresses blanked out. */
    String text() {
        return text;
    }

    /** Every place the phrase occurs: Chinese anywhere, English as whole words (plural too; {@code *} = any ending). */
    List<Found> find(String phrase) {
        List<Found> found = new ArrayList<>();
        Phrase prepared = PHRASES.get(phrase);
        if (prepared == null) {
            prepared = Phrase.of(phrase);
            if (PHRASES.size() < MAX_PHRASES) PHRASES.put(phrase, prepared);
        }
        String p = prepared.text();
        if (p.isEmpty()) return found;
        if (prepared.han()) {
            for (int at = lower.indexOf(p); at >= 0; at = lower.indexOf(p, at + 1)) {
                found.add(new Found(at, at + p.length(), text.substring(at, at + p.length())));
            }
            return found;
        }
        boolean prefix = prepared.prefix();
        List<String> words = prepared.words();
        if (words.isEmpty()) return found;
        // Every token is a piece of the lower-case text: a phrase whose first word is nowhere in it is not there.
        if (!lower.contains(words.get(0))) return found;
        for (int i = 0; i + words.size() <= tokens.size(); i++) {
            if (matchesAt(i, words, prefix)) {
                int start = tokens.get(i).start();
                int end = tokens.get(i + words.size() - 1).end();
                found.add(new Found(start, end, text.substring(start, end).replaceAll("\\s+", " ")));
            }
        }
        return found;
    }

    private boolean matchesAt(int i, List<String> words, boolean prefix) {
        for (int j = 0; j < words.size(); j++) {
            String token = tokens.get(i + j).text();
            String word = words.get(j);
            boolean last = j == words.size() - 1;
            boolean ok = last && prefix
                    ? token.startsWith(word)
                    : token.equals(word) || last && (token.equals(word + "s") || token.equals(word + "es"));
            if (!ok) return false;
        }
        return true;
    }

    /**
     * Whether a negation cue stands before the found phrase, in the same clause, with at most {@code reach} words
     * or Chinese characters between, none of them a connective ("不退款就找律师" is still a threat). A cue that is
     * part of an exception ("不断冒烟", "不得不") is no negation.
     */
    boolean negated(Found phrase, List<String> cues, List<String> exceptions, List<String> connectives, int reach) {
        int clauseStart = phrase.start();
        while (clauseStart > 0 && CLAUSE_ENDS.indexOf(text.charAt(clauseStart - 1)) < 0) clauseStart--;
        List<Found> exempt = new ArrayList<>();
        for (String exception : exceptions) exempt.addAll(find(exception));
        List<Found> candidates = new ArrayList<>();
        for (String cue : cues) candidates.addAll(findExact(cue));
        for (Token token : tokens) {
            if (token.text().endsWith("n't")) candidates.add(new Found(token.start(), token.end(), token.text()));
        }
        for (Found cue : candidates) {
            if (cue.start() < clauseStart || cue.end() > phrase.start()) continue;
            if (exempt.stream().anyMatch(e -> e.start() <= cue.start() && cue.start() < e.end())) continue;
            String gap = lower.substring(cue.end(), phrase.start());
            if (units(gap) <= reach && !hasConnective(gap, connectives)) return true;
        }
        return false;
    }

    /** As {@link #find}, without plural forms: a cue is a cue only as written. */
    private List<Found> findExact(String cue) {
        String c = cue.strip().toLowerCase(Locale.ROOT);
        if (c.isEmpty() || hasHan(c)) return find(c);
        List<Found> found = new ArrayList<>();
        List<String> words = words(c);
        for (int i = 0; i + words.size() <= tokens.size(); i++) {
            boolean all = true;
            for (int j = 0; j < words.size() && all; j++) all = tokens.get(i + j).text().equals(words.get(j));
            if (all) found.add(new Found(tokens.get(i).start(), tokens.get(i + words.size() - 1).end(), c));
        }
        return found;
    }

    /** How far apart: English words and Chinese characters count one each. */
    static int units(String gap) {
        int units = 0;
        boolean inWord = false;
        for (int i = 0; i < gap.length(); i++) {
            char ch = gap.charAt(i);
            boolean wordChar = ch < 128 && (Character.isLetterOrDigit(ch) || ch == '\'' || ch == '-');
            if (wordChar) {
                if (!inWord) units++;
                inWord = true;
            } else {
                inWord = false;
                if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN) units++;
            }
        }
        return units;
    }

    private static boolean hasConnective(String gap, List<String> connectives) {
        List<String> gapWords = words(gap);
        for (String connective : connectives) {
            String c = connective.strip().toLowerCase(Locale.ROOT);
            if (c.isEmpty()) continue;
            if (hasHan(c) ? gap.contains(c) : gapWords.contains(c)) return true;
        }
        return false;
    }

    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) words.add(m.group());
        return words;
    }

    /** Whether the text has a Chinese (Han) character. */
    public static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            // Below U+2E80 there is no Han character: the script lookup is skipped for Latin text.
            if (cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return true;
            i += Character.charCount(cp);
        }
        return false;
    }
}

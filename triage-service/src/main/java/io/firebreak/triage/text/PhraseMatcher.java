package io.firebreak.triage.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds configured phrases in a complaint's text, in Chinese and English. Matching is case-insensitive on the
 * NFKC form of the text (so full-width "１２３１５" is "12315"). A phrase edge that is a Latin letter or digit
 * only matches at a word edge, so "sue" does not fire on "issue" nor "court" on "courteous"; a trailing
 * {@code *} makes a Latin phrase a word prefix ("injur*" finds "injured"). Chinese has no spaces between
 * words, so a Chinese phrase matches anywhere.
 */
public final class PhraseMatcher {

    private static final String WORD_CHAR = "[\\p{IsLatin}\\p{Nd}]";

    private final List<Pattern> patterns;

    public PhraseMatcher(List<String> phrases) {
        this.patterns = phrases.stream().map(PhraseMatcher::compile).toList();
    }

    /** The distinct phrases found, as written in the text, in the order of the configured phrases. */
    public List<String> find(String text) {
        if (text == null || text.isBlank()) return List.of();
        String normalized = normalize(text);
        Set<String> found = new LinkedHashSet<>();
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(normalized);
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return new ArrayList<>(found);
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static Pattern compile(String phrase) {
        String normalized = normalize(phrase.strip());
        boolean prefix = normalized.endsWith("*");
        String core = prefix ? normalized.substring(0, normalized.length() - 1) : normalized;
        if (core.isEmpty()) {
            throw new IllegalArgumentException("Empty phrase: '" + phrase + "'");
        }
        StringBuilder regex = new StringBuilder();
        if (isWordChar(core.codePointAt(0))) regex.append("(?<!").append(WORD_CHAR).append(')');
        regex.append(Pattern.quote(core));
        boolean wordEnd = isWordChar(core.codePointBefore(core.length()));
        if (prefix && wordEnd) {
            regex.append(WORD_CHAR).append('*');
        } else if (wordEnd) {
            regex.append("(?!").append(WORD_CHAR).append(')');
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isDigit(codePoint)
                || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN;
    }
}

package io.firebreak.intake.emotion;

import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.platform.text.Lexicon;
import io.firebreak.platform.text.PhraseSet;
import io.firebreak.platform.text.ScannedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads the customer's emotion from their words as a complaint handler listens (愤怒感知法): anger and threat words,
 * demands for a superior, regulators, lawyers and media, intensity marks (!!!, ALL CAPS, repeated characters), and
 * the number of earlier contacts on the same matter. Words are read as triage reads them (one
 * {@link io.firebreak.platform.text.Reading}, from the
 * shared {@link Lexicon}, whose lists the threat, regulator, media, superior and safety signals name): a negation
 * before a word switches it off ("没有受伤", "no need to escalate") unless it is a condition or a hedge ("要是不想上
 * 热搜…"), and a word in its ordinary sense ("Fire TV", "曝光过度") is no signal. The level is the sum of the weights
 * of the kinds of signal found ({@link SignalKind}): 1 upset, 2 angry, 4 or more furious.
 */
@Component
public class EmotionReader {

    /** Whether a signal is the repeat-contact one ({@code earlier-contacts:2}), which tells of earlier complaints. */
    public static boolean isRepeatContact(String signal) {
        return signal.startsWith(SignalKind.EARLIER_CONTACTS.label() + ":");
    }

    static final int UPSET_AT = 1;
    static final int ANGRY_AT = 2;
    static final int FURIOUS_AT = 4;
    private static final int MAX_SIGNALS_PER_KIND = 3;
    private static final int MAX_EVIDENCE = 40;

    private static final Pattern CAPS_RUN =
            Pattern.compile("(?<![A-Za-z0-9_'-])[A-Z]{2,}(?:[ \\t]+[A-Z]{2,})*(?![A-Za-z0-9_'-])");

    /** The emotion a text reads, the signals that set it, and the customer's stage it suggests. */
    public record Reading(EmotionLevel level, List<String> signals, CustomerStage stage) {}

    private static final Pattern LINKS = Pattern.compile("(?i)https?://\\S+|www\\.\\S+|[^\\s@]+@[^\\s@]+\\.[a-z]{2,}");
    /**
     * {@link #LINKS} for a text without an {@code @}, where its e-mail branch cannot match: that branch tries every
     * start in a run without spaces (all of a Chinese text) to its end, quadratic in the run's length.
     */
    private static final Pattern LINKS_WITHOUT_EMAIL = Pattern.compile("(?i)https?://\\S+|www\\.\\S+");

    /** Every signal word of every kind, in one automaton: a text is scanned once, whatever the number of kinds. */
    private final PhraseSet words;

    private final SignalKind[] kindOfPhrase;
    private final PhraseSet grievanceWords;
    private final io.firebreak.platform.text.Reading wordsRead;
    private final Set<String> capsIgnored;
    private final Set<String> repeatIgnored;

    public EmotionReader(IntakeProperties properties) {
        Lexicon lexicon = Lexicon.shipped();
        IntakeProperties.Emotion settings = properties.emotion();
        IntakeProperties.Words w = settings.words();
        Map<SignalKind, List<String>> byKind = new EnumMap<>(SignalKind.class);
        byKind.put(SignalKind.UPSET_WORD, w.upset());
        byKind.put(SignalKind.ANGER_WORD, w.anger());
        byKind.put(SignalKind.THREAT, w.threat());
        byKind.put(SignalKind.REGULATOR, w.regulator());
        byKind.put(SignalKind.MEDIA, w.media());
        byKind.put(SignalKind.SUPERIOR, w.superior());
        byKind.put(SignalKind.SAFETY, w.safety());
        byKind.put(SignalKind.ABUSE, w.abuse());
        byKind.put(SignalKind.SARCASM, w.sarcasm());
        List<String> all = new ArrayList<>();
        List<SignalKind> kinds = new ArrayList<>();
        byKind.forEach((kind, phrases) -> lexicon.expand(phrases).forEach(phrase -> {
            all.add(phrase);
            kinds.add(kind);
        }));
        words = PhraseSet.of(all);
        kindOfPhrase = kinds.toArray(SignalKind[]::new);
        grievanceWords = PhraseSet.of(lexicon.expand(settings.grievanceWords()));
        wordsRead = lexicon.reading();
        capsIgnored = new LinkedHashSet<>();
        settings.capsIgnored().forEach(word -> capsIgnored.add(word.strip().toUpperCase(Locale.ROOT)));
        repeatIgnored = new LinkedHashSet<>();
        settings.repeatIgnored()
                .forEach(letter -> repeatIgnored.add(letter.strip().toLowerCase(Locale.ROOT)));
    }

    /** How recent a customer's messages count towards how fast they write (听语速). */
    public static final java.time.Duration BURST_WINDOW = java.time.Duration.ofMinutes(2);
    /** This many messages within {@link #BURST_WINDOW} is a signal: the customer is pressing. */
    static final int BURST = 3;

    /** Reads a text with no earlier contacts and no remedy asked for. */
    public Reading read(String text) {
        return read(text, 0, false);
    }

    /**
     * Reads one text. {@code earlierContacts}: how often the customer contacted us before about the same matter;
     * {@code remedySought}: whether they named what they want (which makes the grievance explicit).
     */
    public Reading read(String text, int earlierContacts, boolean remedySought) {
        return read(text, earlierContacts, remedySought, 1);
    }

    /**
     * As above, for a message that is the {@code burst}-th of the customer's within {@link #BURST_WINDOW}: three
     * or more in a row is a signal of its own (message-rate).
     */
    public Reading read(String text, int earlierContacts, boolean remedySought, int burst) {
        String written = withoutLinks(text);
        ScannedText scan = ScannedText.of(written);
        Map<SignalKind, List<String>> found = new EnumMap<>(SignalKind.class);
        List<PhraseSet.Hit> hits = words.scan(scan);
        if (!hits.isEmpty()) {
            io.firebreak.platform.text.Reading.Scope scope = wordsRead.scope(scan, hits);
            Map<SignalKind, List<PhraseSet.Hit>> hitsByKind = new EnumMap<>(SignalKind.class);
            for (PhraseSet.Hit hit : hits) {
                hitsByKind
                        .computeIfAbsent(kindOfPhrase[hit.phrase()], k -> new ArrayList<>())
                        .add(hit);
            }
            hitsByKind.forEach((kind, ofKind) -> {
                List<String> evidence = counted(ofKind, scope);
                if (!evidence.isEmpty()) found.put(kind, evidence);
            });
        }
        marks(written, found); // as written: "！！！" stays what the customer typed
        if (earlierContacts > 0) found.put(SignalKind.EARLIER_CONTACTS, List.of(String.valueOf(earlierContacts)));
        if (burst >= BURST) {
            found.put(SignalKind.MESSAGE_RATE, List.of(burst + " in " + BURST_WINDOW.toMinutes() + " min"));
        }

        int score = 0;
        List<String> signals = new ArrayList<>();
        for (Map.Entry<SignalKind, List<String>> e : found.entrySet()) {
            SignalKind kind = e.getKey();
            score += kind == SignalKind.EARLIER_CONTACTS ? Math.min(earlierContacts, 2) : kind.weight();
            e.getValue().stream().limit(MAX_SIGNALS_PER_KIND).forEach(evidence -> signals.add(kind.signal(evidence)));
        }
        EmotionLevel level = score >= FURIOUS_AT
                ? EmotionLevel.FURIOUS
                : score >= ANGRY_AT ? EmotionLevel.ANGRY : score >= UPSET_AT ? EmotionLevel.UPSET : EmotionLevel.CALM;
        boolean grievance = remedySought || !grievanceWords.scan(scan).isEmpty();
        Set<SignalKind> kinds = found.isEmpty() ? EnumSet.noneOf(SignalKind.class) : EnumSet.copyOf(found.keySet());
        return new Reading(level, List.copyOf(signals), CustomerStages.infer(level, kinds, grievance));
    }

    /**
     * The phrases found that count (not negated, not in an ordinary sense), the longest where two overlap ("social
     * media" over "media"), in the order of the text.
     */
    private static List<String> counted(List<PhraseSet.Hit> found, io.firebreak.platform.text.Reading.Scope scope) {
        List<PhraseSet.Hit> hits = new ArrayList<>();
        for (PhraseSet.Hit hit : found) {
            if (scope.discounted(hit) == null) hits.add(hit);
        }
        hits.sort(Comparator.comparingInt((PhraseSet.Hit h) -> h.end() - h.start())
                .reversed());
        List<PhraseSet.Hit> kept = new ArrayList<>();
        for (PhraseSet.Hit hit : hits) {
            if (kept.stream().noneMatch(k -> hit.start() < k.end() && k.start() < hit.end())) kept.add(hit);
        }
        kept.sort(Comparator.comparingInt(PhraseSet.Hit::start));
        return kept.stream().map(h -> evidence(h.asWritten())).distinct().toList();
    }

    /** The text with links and e-mail addresses blanked out (positions kept): no signal is read in an address. */
    private static String withoutLinks(String raw) {
        String value = raw == null ? "" : raw;
        boolean email = value.indexOf('@') >= 0;
        if (!email && !mayHoldLink(value)) return value;
        Matcher links = (email ? LINKS : LINKS_WITHOUT_EMAIL).matcher(value);
        StringBuilder blanked = null;
        while (links.find()) {
            if (blanked == null) blanked = new StringBuilder(value);
            for (int i = links.start(); i < links.end(); i++) blanked.setCharAt(i, ' ');
        }
        return blanked == null ? value : blanked.toString();
    }

    /** Whether a text has a {@code ://} or a {@code www.} (in any case): without one, no link is there to blank. */
    private static boolean mayHoldLink(String value) {
        if (value.contains("://")) return true;
        for (int dot = value.indexOf('.', 3); dot >= 0; dot = value.indexOf('.', dot + 1)) {
            if (isW(value.charAt(dot - 1)) && isW(value.charAt(dot - 2)) && isW(value.charAt(dot - 3))) return true;
        }
        return false;
    }

    private static boolean isIntensityMark(char c) {
        return c == '!' || c == '！' || c == '?' || c == '？';
    }

    private static boolean isW(char c) {
        return c == 'w' || c == 'W';
    }

    /** Intensity marks: runs of !!! or ？？？, shouting in capitals, letters held long (啊啊啊, sooo). */
    private void marks(String text, Map<SignalKind, List<String>> found) {
        List<String> intensity = new ArrayList<>();
        // Three or more of ! ！ ? ？ in a row, read in one pass.
        for (int i = 0; i < text.length(); ) {
            int end = i;
            while (end < text.length() && isIntensityMark(text.charAt(end))) end++;
            if (end - i >= 3) intensity.add(evidence(text.substring(i, end)));
            i = end > i ? end : i + 1;
        }
        if (!intensity.isEmpty())
            found.put(SignalKind.INTENSITY, intensity.stream().distinct().toList());

        List<String> caps = caps(text);
        if (!caps.isEmpty()) found.put(SignalKind.CAPS, caps);

        List<String> repeated = new ArrayList<>();
        // A letter three or more times in a row, read in one pass (a pattern with a back-reference tries every
        // position of the text).
        for (int i = 0; i < text.length(); ) {
            int letter = text.codePointAt(i);
            int width = Character.charCount(letter);
            int end = i + width;
            int times = 1;
            while (end < text.length() && text.codePointAt(end) == letter) {
                end += width;
                times++;
            }
            if (times >= 3
                    && Character.isLetter(letter)
                    && !repeatIgnored.contains(Character.toString(letter).toLowerCase(Locale.ROOT))) {
                repeated.add(evidence(text.substring(i, end)));
            }
            i = end;
        }
        if (!repeated.isEmpty())
            found.put(SignalKind.REPEATED_CHARS, repeated.stream().distinct().toList());
    }

    /**
     * Upper-case words of three or more letters that are not names on the ignore list. One such word alone may be a
     * brand (IKEA); it shouts when there are two or more, or when it stands before an exclamation mark.
     */
    private List<String> caps(String text) {
        List<String> runs = new ArrayList<>();
        int shouting = 0;
        boolean exclaimed = false;
        // Most texts have no two capitals in a row: the pattern, which tries every position, is not needed then.
        if (!hasCapitalPair(text)) return List.of();
        Matcher m = CAPS_RUN.matcher(text);
        while (m.find()) {
            int inRun = 0;
            for (String word : m.group().split("[ \\t]+")) {
                if (word.length() >= 3 && !capsIgnored.contains(word)) inRun++;
            }
            if (inRun == 0) continue;
            shouting += inRun;
            int after = m.end();
            while (after < text.length() && text.charAt(after) == ' ') after++;
            exclaimed |= after < text.length() && (text.charAt(after) == '!' || text.charAt(after) == '！');
            runs.add(evidence(m.group().replaceAll("[ \\t]+", " ")));
        }
        return shouting >= 2 || exclaimed ? runs.stream().distinct().toList() : List.of();
    }

    private static boolean hasCapitalPair(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char before = text.charAt(i - 1);
                if (before >= 'A' && before <= 'Z') return true;
            }
        }
        return false;
    }

    private static String evidence(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= MAX_EVIDENCE ? one : one.substring(0, MAX_EVIDENCE);
    }
}

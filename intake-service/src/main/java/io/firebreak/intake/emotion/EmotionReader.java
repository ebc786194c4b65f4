package io.firebreak.intake.emotion;

import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.intake.IntakeProperties;
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
 * the number of earlier contacts on the same matter. A negation or hedge before a word switches it off ("没有受伤",
 * "no need to escalate"). The level is the sum of the weights of the kinds of signal found ({@link SignalKind}):
 * 1 upset, 2 angry, 4 or more furious.
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

    private static final Pattern INTENSITY = Pattern.compile("[!！?？]{3,}");
    private static final Pattern CAPS_RUN =
            Pattern.compile("(?<![A-Za-z0-9_'-])[A-Z]{2,}(?:[ \\t]+[A-Z]{2,})*(?![A-Za-z0-9_'-])");
    private static final Pattern REPEATED = Pattern.compile("(\\p{L})\\1{2,}");

    /** The emotion a text reads, the signals that set it, and the customer's stage it suggests. */
    public record Reading(EmotionLevel level, List<String> signals, CustomerStage stage) {}

    private final Map<SignalKind, List<String>> words = new EnumMap<>(SignalKind.class);
    private final IntakeProperties.Emotion settings;
    private final Set<String> capsIgnored;
    private final Set<String> repeatIgnored;

    public EmotionReader(IntakeProperties properties) {
        this.settings = properties.emotion();
        IntakeProperties.Words w = settings.words();
        words.put(SignalKind.UPSET_WORD, w.upset());
        words.put(SignalKind.ANGER_WORD, w.anger());
        words.put(SignalKind.THREAT, w.threat());
        words.put(SignalKind.REGULATOR, w.regulator());
        words.put(SignalKind.MEDIA, w.media());
        words.put(SignalKind.SUPERIOR, w.superior());
        words.put(SignalKind.SAFETY, w.safety());
        capsIgnored = new LinkedHashSet<>();
        settings.capsIgnored().forEach(word -> capsIgnored.add(word.strip().toUpperCase(Locale.ROOT)));
        repeatIgnored = new LinkedHashSet<>();
        settings.repeatIgnored().forEach(letter -> repeatIgnored.add(letter.strip().toLowerCase(Locale.ROOT)));
    }

    /** Reads a text with no earlier contacts and no remedy asked for. */
    public Reading read(String text) {
        return read(text, 0, false);
    }

    /**
     * Reads one text. {@code earlierContacts}: how often the customer contacted us before about the same matter;
     * {@code remedySought}: whether they named what they want (which makes the grievance explicit).
     */
    public Reading read(String text, int earlierContacts, boolean remedySought) {
        TextScan scan = new TextScan(text);
        Map<SignalKind, List<String>> found = new EnumMap<>(SignalKind.class);
        words.forEach((kind, phrases) -> {
            List<String> evidence = phrases(scan, phrases);
            if (!evidence.isEmpty()) found.put(kind, evidence);
        });
        marks(scan.text(), found);
        if (earlierContacts > 0) found.put(SignalKind.EARLIER_CONTACTS, List.of(String.valueOf(earlierContacts)));

        int score = 0;
        List<String> signals = new ArrayList<>();
        for (Map.Entry<SignalKind, List<String>> e : found.entrySet()) {
            SignalKind kind = e.getKey();
            score += kind == SignalKind.EARLIER_CONTACTS ? Math.min(earlierContacts, 2) : kind.weight();
            e.getValue().stream().limit(MAX_SIGNALS_PER_KIND).forEach(evidence -> signals.add(kind.signal(evidence)));
        }
        EmotionLevel level = score >= FURIOUS_AT ? EmotionLevel.FURIOUS
                : score >= ANGRY_AT ? EmotionLevel.ANGRY
                : score >= UPSET_AT ? EmotionLevel.UPSET
                : EmotionLevel.CALM;
        boolean grievance = remedySought || settings.grievanceWords().stream().anyMatch(g -> !scan.find(g).isEmpty());
        Set<SignalKind> kinds = found.isEmpty() ? EnumSet.noneOf(SignalKind.class) : EnumSet.copyOf(found.keySet());
        return new Reading(level, List.copyOf(signals), CustomerStages.infer(level, kinds, grievance));
    }

    /** The phrases found and not negated, the longest first where two overlap ("social media" over "media"). */
    private List<String> phrases(TextScan scan, List<String> phrases) {
        List<TextScan.Found> hits = new ArrayList<>();
        for (String phrase : phrases) {
            for (TextScan.Found hit : scan.find(phrase)) {
                if (!scan.negated(hit, settings.negationCues(), settings.negationExceptions(), settings.connectives(),
                        settings.negationReach())) {
                    hits.add(hit);
                }
            }
        }
        hits.sort(Comparator.comparingInt((TextScan.Found f) -> f.end() - f.start()).reversed());
        List<TextScan.Found> kept = new ArrayList<>();
        for (TextScan.Found hit : hits) {
            if (kept.stream().noneMatch(hit::overlaps)) kept.add(hit);
        }
        kept.sort(Comparator.comparingInt(TextScan.Found::start));
        return kept.stream().map(f -> evidence(f.text())).distinct().toList();
    }

    /** Intensity marks: runs of !!! or ？？？, shouting in capitals, letters held long (啊啊啊, sooo). */
    private void marks(String text, Map<SignalKind, List<String>> found) {
        List<String> intensity = new ArrayList<>();
        Matcher m = INTENSITY.matcher(text);
        while (m.find()) intensity.add(evidence(m.group()));
        if (!intensity.isEmpty()) found.put(SignalKind.INTENSITY, intensity.stream().distinct().toList());

        List<String> caps = caps(text);
        if (!caps.isEmpty()) found.put(SignalKind.CAPS, caps);

        List<String> repeated = new ArrayList<>();
        m = REPEATED.matcher(text);
        while (m.find()) {
            if (!repeatIgnored.contains(m.group(1).toLowerCase(Locale.ROOT))) repeated.add(evidence(m.group()));
        }
        if (!repeated.isEmpty()) found.put(SignalKind.REPEATED_CHARS, repeated.stream().distinct().toList());
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

package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether a phrase found in a text is negated or waved away ("No injury or anything", "我不打算找律师",
 * "no need to escalate"): a negation cue ends at most {@code window} words before the phrase (a Chinese character
 * counts as a word), or an after-cue starts at most {@code window} words after it ("律师就不必了"), with no clause
 * end (punctuation, or a boundary word such as "but" or "但是") in between. Cue-like words that do not negate what
 * follows ("没想到", "not only", "no choice but") are listed to be ignored, and a cue inside one of them is no cue.
 * A threat said with a condition or a hedge is still a threat: a cue with a conditional before it in its clause
 * ("要是不想上热搜…", "if you don't want the press involved") negates nothing, nor does a cue whose phrase is followed,
 * in the same sentence, by a hedge that takes the denial back ("I don't want to get lawyers involved, but if…",
 * "我本来不想找律师，但你们再拖…").
 */
public final class Negation {

    private static final int CUE = 0;
    private static final int AFTER = 1;
    private static final int IGNORE = 2;
    private static final int BOUNDARY = 3;
    private static final int CONDITIONAL = 4;
    private static final int HEDGE = 5;

    private final PhraseSet phrases;
    private final int[] kind;
    private final int window;

    /**
     * @param conditionals words that make a cue after them in the clause a condition ("要是", "if", "unless")
     * @param hedges words that take a denial back when they follow the phrase in its sentence ("but if", "但如果")
     */
    public Negation(
            List<String> cues,
            List<String> after,
            List<String> ignore,
            List<String> boundaries,
            List<String> conditionals,
            List<String> hedges,
            int window) {
        List<String> all = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        add(all, kinds, cues, CUE);
        add(all, kinds, after, AFTER);
        add(all, kinds, ignore, IGNORE);
        add(all, kinds, boundaries, BOUNDARY);
        add(all, kinds, conditionals, CONDITIONAL);
        add(all, kinds, hedges, HEDGE);
        this.phrases = PhraseSet.of(all);
        this.kind = kinds.stream().mapToInt(Integer::intValue).toArray();
        this.window = window;
    }

    /** The cues of one text, found once and asked about each phrase found in it. */
    public Scope scope(ScannedText text) {
        return scope(text, List.of());
    }

    /**
     * As {@link #scope(ScannedText)}, with the phrases found in the text: a cue that is a word of one of them is that
     * phrase's and negates nothing else. "No" in "no food" says what was missing, and "no food for two days" is two
     * days without food, not "days" denied; "家里没有暖气三天了" is three days without heating. A cue before a phrase
     * ("no smoke or fire") still negates what follows it.
     */
    public Scope scope(ScannedText text, List<PhraseSet.Hit> found) {
        return new Scope(text, phrases.scan(text), found);
    }

    /**
     * Whether the cue is a word of a longer phrase found (inside it, or inside one side of a gap phrase) that does not
     * share words with the phrase from {@code start} to {@code end}: two readings of the same words ("没有燃气" and
     * "燃气的味道" in "没有燃气的味道") do not take the cue from each other.
     */
    private static boolean ownedElsewhere(PhraseSet.Hit cue, List<PhraseSet.Hit> found, int start, int end) {
        for (PhraseSet.Hit hit : found) {
            boolean inFirst = hit.start() <= cue.start() && cue.end() <= hit.firstEnd();
            boolean inSecond =
                    hit.secondStart() < hit.end() && hit.secondStart() <= cue.start() && cue.end() <= hit.end();
            boolean longer = hit.end() - hit.start() > cue.end() - cue.start();
            boolean apart = hit.end() <= start || end <= hit.start();
            if ((inFirst || inSecond) && longer && apart) return true;
        }
        return false;
    }

    /** The negation cues of one text. */
    public final class Scope {

        private final ScannedText text;
        private final List<PhraseSet.Hit> found;
        private final List<PhraseSet.Hit> cues = new ArrayList<>();
        private final List<PhraseSet.Hit> afterCues = new ArrayList<>();
        private final List<PhraseSet.Hit> ignored = new ArrayList<>();
        private final List<PhraseSet.Hit> boundaries = new ArrayList<>();
        private final List<PhraseSet.Hit> conditionals = new ArrayList<>();
        private final List<PhraseSet.Hit> hedges = new ArrayList<>();

        private Scope(ScannedText text, List<PhraseSet.Hit> hits, List<PhraseSet.Hit> found) {
            this.text = text;
            this.found = found;
            for (PhraseSet.Hit hit : hits) {
                switch (kind[hit.phrase()]) {
                    case CUE -> cues.add(hit);
                    case AFTER -> afterCues.add(hit);
                    case IGNORE -> ignored.add(hit);
                    case CONDITIONAL -> conditionals.add(hit);
                    case HEDGE -> hedges.add(hit);
                    default -> boundaries.add(hit);
                }
            }
        }

        /**
         * The cue that negates the text from {@code start} to {@code end}, as written (the nearest before it, else one
         * after it); null if none does.
         */
        public String negating(int start, int end) {
            PhraseSet.Hit nearest = null;
            for (PhraseSet.Hit cue : cues) {
                if (cue.end() <= start
                        && !isIgnored(cue)
                        && !ownedElsewhere(cue, found, start, end)
                        && near(cue.end(), start)
                        && (nearest == null || cue.end() > nearest.end())) {
                    nearest = cue;
                }
            }
            if (nearest != null && conditional(nearest)) return null;
            for (PhraseSet.Hit cue : afterCues) {
                if (nearest == null
                        && cue.start() >= end
                        && !isIgnored(cue)
                        && !ownedElsewhere(cue, found, start, end)
                        && near(end, cue.start())) {
                    nearest = cue;
                }
            }
            if (nearest == null || hedged(end)) return null;
            return nearest.asWritten();
        }

        /** Whether a conditional stands before the cue in its clause: "要是不想…", "if you don't…". */
        private boolean conditional(PhraseSet.Hit cue) {
            String s = text.text();
            for (PhraseSet.Hit c : conditionals) {
                if (c.end() > cue.start()) continue;
                boolean sameClause = true;
                for (int i = c.end(); i < cue.start() && sameClause; i++) {
                    if (ScannedText.isClauseEndAt(s, i)) sameClause = false;
                }
                if (sameClause) return true;
            }
            return false;
        }

        /** Whether a hedge follows the phrase in its sentence, taking the denial back: "…, but if". */
        private boolean hedged(int end) {
            String s = text.text();
            for (PhraseSet.Hit h : hedges) {
                if (h.start() < end) continue;
                boolean sameSentence = true;
                for (int i = end; i < h.start() && sameSentence; i++) {
                    if (ScannedText.isSentenceEndAt(s, i)) sameSentence = false;
                }
                if (sameSentence) return true;
            }
            return false;
        }

        private boolean isIgnored(PhraseSet.Hit cue) {
            for (PhraseSet.Hit pseudo : ignored) {
                if (pseudo.start() <= cue.start() && pseudo.end() >= cue.end()) return true;
            }
            return false;
        }

        /**
         * Whether {@code from} and {@code to} are in one clause and at most the window apart: a boundary that starts
         * between them ends the clause, even one that runs into the phrase ("没发货我到底找谁": 我到底 before 到底找谁).
         */
        private boolean near(int from, int to) {
            for (PhraseSet.Hit boundary : boundaries) {
                if (boundary.start() >= from && boundary.start() < to) return false;
            }
            String s = text.text();
            int words = 0;
            boolean inWord = false;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (ScannedText.isClauseEndAt(s, i)) return false;
                if (ScannedText.isHan(c)) {
                    words++;
                    inWord = false;
                } else if (ScannedText.isWordChar(c) || c == '\'' && inWord) {
                    if (!inWord) words++;
                    inWord = true;
                } else {
                    inWord = false;
                }
                if (words > window) return false;
            }
            return true;
        }
    }

    private static void add(List<String> all, List<Integer> kinds, List<String> phrases, int kindOf) {
        if (phrases == null) return;
        for (String phrase : phrases) {
            all.add(phrase);
            kinds.add(kindOf);
        }
    }
}

package io.firebreak.platform.text;

import java.util.List;

/**
 * How a phrase found in a text is read, the same way wherever the customer's words are read (intake's emotion,
 * triage's rules): it does not count when it is negated or waved away ({@link Negation}), nor when it stands inside
 * one of the ordinary senses of the word ("Fire TV Stick", "food court", "曝光过度", "在朋友圈看到"), where it does not
 * mean what the rule or the signal is about; a phrase that shares words with an ordinary sense ("the press" in "the
 * press release") is read in that sense, unless it holds the whole sense and more ("smoke alarm went off"); nor when
 * the customer quotes it from the company's own texts ({@link CompanyWords}: "the leaflet says “risk of fire if …”"); nor
 * when it stands in a part of an e-mail or a ticket that is not the customer's words ({@link MessageParts}: a header
 * field, the signature, its disclaimer). Immutable and thread-safe.
 */
public final class Reading {

    private final Negation negation;
    private final PhraseSet senses;

    public Reading(Negation negation, List<String> senses) {
        this.negation = negation;
        this.senses = PhraseSet.of(senses == null ? List.of() : senses);
    }

    /** The cues and senses of one text, found once and asked about each phrase found in it. */
    public Scope scope(ScannedText text) {
        return scope(text, List.of());
    }

    /**
     * As {@link #scope(ScannedText)}, knowing the phrases found in the text: a negation cue that is a word of one of
     * them is that phrase's ({@link Negation#scope(ScannedText, List)}).
     */
    public Scope scope(ScannedText text, List<PhraseSet.Hit> found) {
        return new Scope(negation.scope(text, found), senses.scan(text), CompanyWords.in(text), MessageParts.in(text));
    }

    /** The negation cues and ordinary senses of one text. */
    public static final class Scope {

        private final Negation.Scope negation;
        private final List<PhraseSet.Hit> senses;
        private final List<CompanyWords.Quote> quotes;
        private final List<MessageParts.Part> parts;

        private Scope(
                Negation.Scope negation,
                List<PhraseSet.Hit> senses,
                List<CompanyWords.Quote> quotes,
                List<MessageParts.Part> parts) {
            this.negation = negation;
            this.senses = senses;
            this.quotes = quotes;
            this.parts = parts;
        }

        /**
         * Why the words from {@code start} to {@code end} (or words they share with an ordinary sense) do not count, as a person would read the reason
         * ("negated: 没有", "ordinary sense: Fire TV", "the company's words: the leaflet", "not the customer's words: the
         * signature"), or null when they count.
         */
        public String discounted(int start, int end) {
            return discounted(start, end, end, end);
        }

        /**
         * As {@link #discounted(int, int)} for a phrase found: a phrase with a gap is read in an ordinary sense when
         * either of its sides is ("I'm posting on behalf of my mum … Facebook": the posting is not a post).
         */
        public String discounted(PhraseSet.Hit hit) {
            return discounted(hit.start(), hit.end(), hit.firstEnd(), hit.secondStart());
        }

        private String discounted(int start, int end, int firstEnd, int secondStart) {
            for (CompanyWords.Quote quote : quotes) {
                if (quote.start() <= start && end <= quote.end()) return "the company's words: " + quote.source();
            }
            for (MessageParts.Part part : parts) {
                if (part.start() <= start && end <= part.end()) return "not the customer's words: " + part.what();
            }
            for (PhraseSet.Hit sense : senses) {
                String why = inSense(sense, start, firstEnd);
                if (why == null && secondStart < end) why = inSense(sense, secondStart, end);
                if (why != null) return why;
            }
            String cue = negation.negating(start, end);
            return cue == null ? null : "negated: " + cue;
        }

        /**
         * Overlapping is enough: "the press" shares its word with "press release", where it is that word's ordinary
         * sense. But words that hold the whole sense and say more are read as written: "the smoke alarm went off" is
         * not the alarm's name.
         */
        private static String inSense(PhraseSet.Hit sense, int start, int end) {
            boolean overlaps = sense.start() < end && sense.end() > start;
            boolean holdsIt = start <= sense.start() && sense.end() <= end && end - start > sense.end() - sense.start();
            return overlaps && !holdsIt ? "ordinary sense: " + sense.asWritten() : null;
        }
    }
}

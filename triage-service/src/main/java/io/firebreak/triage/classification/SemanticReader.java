package io.firebreak.triage.classification;

import io.firebreak.events.ComplaintClass;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A second reader of the customer's words, beside the rules: the class of the labelled complaints the words read
 * most like, by meaning rather than by listed phrases. The rules explain and are negation-aware; this reader catches
 * what no phrase lists (a calm hazard in new words, a threat put another way). Its opinion never changes the class:
 * when it reads MAJOR where the rules read less, a supervisor decides (the review queue).
 */
public interface SemanticReader {

    /** No second reader: the rules alone decide. */
    SemanticReader NONE = text -> Optional.empty();

    /** The opinion on these words; empty when the reader has none (not ready, no examples in the text's language). */
    Optional<Opinion> read(String text);

    /** A person gave these words this class (a reclassification, a confirmed review): compared with from now on. */
    default void learn(String text, ComplaintClass complaintClass, String source) {}

    /** The words learned from this source are compared with no longer (the customer's personal data was erased). */
    default void forget(String source) {}

    /** The source a correction of this complaint is learned under. */
    static String correctionOf(String complaintId) {
        return CORRECTED + complaintId;
    }

    /**
     * A labelled complaint near the words read, how near (cosine similarity, 1 = the same meaning), and where it came
     * from (a labelled set, or {@link #correctionOf} a complaint).
     */
    record Neighbour(String text, ComplaintClass complaintClass, double similarity, String source) {

        public Neighbour(String text, ComplaintClass complaintClass, double similarity) {
            this(text, complaintClass, similarity, null);
        }

        /** Whether the example is a person's class for a complaint's words ({@link #correctionOf}). */
        public boolean corrected() {
            return source != null && source.startsWith(CORRECTED);
        }

        /**
         * The example as another complaint's record may show it: a labelled set's words, quoted; a correction's, not
         * (they are a customer's, and stay on that customer's complaint alone), but named by their complaint.
         */
        public String shown() {
            return corrected()
                    ? "the words of " + source.substring(CORRECTED.length()) + ", classed by a person"
                    : "“" + text + "”";
        }
    }

    /** How {@link #correctionOf} a complaint begins. */
    String CORRECTED = "corrected ";

    /**
     * What a linear reading of the words says ({@code LinearProbe}: one weighted sum per class over the embedding,
     * learned from every labelled complaint of the language): its class, how probable, and the labelled complaint of
     * that class nearest the words, as evidence.
     */
    record Probed(ComplaintClass complaintClass, double probability, Neighbour example) {}

    /**
     * What the nearest labelled complaints say: the class with the most similarity among them, its share of it, and
     * the neighbours (nearest first); and, when the reader has one, what the linear reading says ({@code probed}, else
     * null).
     */
    record Opinion(ComplaintClass complaintClass, double share, List<Neighbour> nearest, Probed probed) {

        public Opinion(ComplaintClass complaintClass, double share, List<Neighbour> nearest) {
            this(complaintClass, share, nearest, null);
        }

        /**
         * Whether the linear reading bears the vote out: it reads the same class, or there is none, or the vote's
         * example is a person's correction — a person's class for words like these outranks a model's.
         */
        public boolean borneOut() {
            return probed == null
                    || probed.complaintClass() == complaintClass
                    || example().corrected();
        }

        /**
         * The vote of the nearest: each counts with its similarity; on a tie the more severe class wins (a missed
         * MAJOR costs more than a supervisor's look). Empty when there are none.
         */
        public static Optional<Opinion> of(List<Neighbour> nearest) {
            return of(nearest, null);
        }

        /** The vote of the nearest, with the linear reading beside it (or null). */
        public static Optional<Opinion> of(List<Neighbour> nearest, Probed probed) {
            if (nearest.isEmpty()) return Optional.empty();
            Map<ComplaintClass, Double> votes = new EnumMap<>(ComplaintClass.class);
            double total = 0;
            for (Neighbour n : nearest) {
                double weight = Math.max(0, n.similarity());
                votes.merge(n.complaintClass(), weight, Double::sum);
                total += weight;
            }
            ComplaintClass winner = votes.entrySet().stream()
                    .max(Map.Entry.<ComplaintClass, Double>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.comparingInt(ComplaintClass::severity))))
                    .orElseThrow()
                    .getKey();
            List<Neighbour> sorted = nearest.stream()
                    .sorted(Comparator.comparingDouble(Neighbour::similarity).reversed())
                    .toList();
            return Optional.of(new Opinion(winner, total == 0 ? 0 : votes.get(winner) / total, sorted, probed));
        }

        /** The nearest neighbour of the winning class: the example shown as evidence. */
        public Neighbour example() {
            return nearest.stream()
                    .filter(n -> n.complaintClass() == complaintClass)
                    .findFirst()
                    .orElseThrow();
        }
    }
}

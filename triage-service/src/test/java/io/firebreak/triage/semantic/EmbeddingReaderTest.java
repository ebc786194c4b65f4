package io.firebreak.triage.semantic;

import static io.firebreak.events.ComplaintClass.DIFFICULT;
import static io.firebreak.events.ComplaintClass.MAJOR;
import static io.firebreak.events.ComplaintClass.ORDINARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.triage.classification.SemanticReader.Neighbour;
import io.firebreak.triage.classification.SemanticReader.Opinion;
import io.firebreak.triage.corrections.LabelledExamples;
import io.firebreak.triage.semantic.EmbeddingReader.Labelled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The semantic reader with its real models, offline: words are compared by meaning, in their own language, with
 * the labelled complaints it was given, and a correction counts at once.
 */
class EmbeddingReaderTest {

    private static EmbeddingReader reader;

    @BeforeAll
    static void load() {
        reader = EmbeddingReader.load();
        reader.learn(List.of(
                new Labelled("The heater gave off sparks and a smell of burning plastic.", MAJOR, "a"),
                new Labelled("My parcel arrived two days late.", ORDINARY, "a"),
                new Labelled("The courier and the shop each say the other must pay for the damage.", DIFFICULT, "a"),
                new Labelled("电暖器冒火花，还有一股烧塑料的味道。", MAJOR, "b"),
                new Labelled("快递晚到了两天。", ORDINARY, "b")));
    }

    @Test
    void words_are_read_by_meaning_in_their_own_language() {
        Opinion heater = reader.read("Sparks came out of the radiator and it smelled like melting plastic.")
                .orElseThrow();
        assertThat(heater.nearest().get(0).text())
                .isEqualTo("The heater gave off sparks and a smell of burning plastic.");
        assertThat(heater.nearest()).extracting(Neighbour::text).noneMatch(t -> t.matches(".*\\p{IsHan}.*"));

        Opinion late = reader.read("包裹比说好的晚了两天才到。").orElseThrow();
        assertThat(late.nearest().get(0).text()).isEqualTo("快递晚到了两天。");
        assertThat(late.nearest()).hasSize(2);
    }

    @Test
    void beside_the_vote_a_linear_reading_learned_from_the_examples_gives_its_class_and_the_nearest_of_that_class() {
        Opinion heater = reader.read("Sparks came out of the radiator and it smelled like melting plastic.")
                .orElseThrow();

        assertThat(heater.probed()).isNotNull();
        assertThat(heater.probed().complaintClass()).isEqualTo(MAJOR);
        assertThat(heater.probed().probability()).isBetween(0.25, 1.0);
        assertThat(heater.probed().example().text())
                .isEqualTo("The heater gave off sparks and a smell of burning plastic.");
        assertThat(heater.borneOut()).isTrue();
    }

    @Test
    void only_a_long_texts_beginning_is_read_cut_between_whole_characters() {
        assertThat(EmbeddingReader.beginning("快递晚到了两天。", true)).isEqualTo("快递晚到了两天。");
        String clefs = "𝄞".repeat(EmbeddingReader.READ_LATIN + 40);
        String read = EmbeddingReader.beginning(clefs, false);
        assertThat(read.codePointCount(0, read.length())).isEqualTo(EmbeddingReader.READ_LATIN);
        assertThat(read).isEqualTo("𝄞".repeat(EmbeddingReader.READ_LATIN));
        assertThat(EmbeddingReader.beginning("快".repeat(EmbeddingReader.READ_LATIN), true))
                .as("a Chinese character is a token: less of a Chinese text is read")
                .isEqualTo("快".repeat(EmbeddingReader.READ_HAN));
        // What comes after the beginning does not change the reading.
        String heater = "The heater gave off sparks and a smell of burning plastic. ";
        String padded = heater + "x".repeat(EmbeddingReader.READ_LATIN);
        assertThat(reader.read(padded + " and more words after it")
                        .orElseThrow()
                        .nearest())
                .isEqualTo(
                        reader.read(padded + " and other words").orElseThrow().nearest());
    }

    @Test
    void a_set_left_out_is_not_compared_with_and_a_correction_counts_at_once_until_forgotten() {
        EmbeddingReader withoutB = reader.only(labelled -> !labelled.source().equals("b"));
        assertThat(withoutB.read("电暖器冒火花。")).isEmpty();
        assertThat(withoutB.size()).isEqualTo(reader.size() - 2);

        int before = reader.size();
        reader.learn("The smoke alarm chirps every night though the battery is new.", ORDINARY, "corrected C1");
        assertThat(reader.read("My smoke alarm keeps chirping at night even with a fresh battery.")
                        .orElseThrow()
                        .nearest()
                        .get(0))
                .extracting(Neighbour::complaintClass, Neighbour::text)
                .containsExactly(ORDINARY, "The smoke alarm chirps every night though the battery is new.");

        // The same person's later class for the same complaint replaces the earlier one.
        reader.learn("The smoke alarm chirps every night though the battery is new.", MAJOR, "corrected C1");
        assertThat(reader.size()).isEqualTo(before + 1);
        assertThat(reader.read("My smoke alarm keeps chirping at night even with a fresh battery.")
                        .orElseThrow()
                        .nearest()
                        .get(0)
                        .complaintClass())
                .isEqualTo(MAJOR);

        // Erased: the words are compared with no longer.
        reader.forget("corrected C1");
        assertThat(reader.size()).isEqualTo(before);
        assertThat(reader.read("My smoke alarm keeps chirping at night even with a fresh battery.")
                        .orElseThrow()
                        .nearest())
                .extracting(Neighbour::text)
                .doesNotContain("The smoke alarm chirps every night though the battery is new.");
    }

    /**
     * An example's own words, read, are compared by the vector learned for them (not run through the model again):
     * the example is their nearest, alike to the last bit of a float; so are a correction's words, read again.
     */
    @Test
    void an_examples_own_words_are_read_as_the_example() {
        String example = "电暖器冒火花，还有一股烧塑料的味道。";
        Neighbour nearest = reader.read(example).orElseThrow().nearest().get(0);
        assertThat(nearest.text()).isEqualTo(example);
        assertThat(nearest.similarity())
                .isEqualTo(EmbeddingReader.dot(reader.vectorOf(example), reader.vectorOf(example)));
        assertThat(nearest.similarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));

        EmbeddingReader corrected = EmbeddingReader.load();
        corrected.learn("The smoke alarm went off when the heater was on.", MAJOR, "correction:x");
        Neighbour itself = corrected
                .read("The smoke alarm went off when the heater was on.")
                .orElseThrow()
                .nearest()
                .get(0);
        assertThat(itself.source()).isEqualTo("correction:x");
        assertThat(itself.similarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void the_nearest_are_the_most_similar_of_all_examples_nearest_first() {
        EmbeddingReader many = EmbeddingReader.load();
        List<String> texts = List.of(
                "The heater gave off sparks and a smell of burning plastic.",
                "My parcel arrived two days late.",
                "The courier lost my parcel.",
                "The charger got too hot to touch and the plug is brown.",
                "I was charged twice for one order.",
                "The fridge stopped cooling and the food went off.",
                "Nobody answered my three emails about the refund.",
                "The kettle leaks and tripped the fuse box.");
        for (int i = 0; i < texts.size(); i++) {
            many.learn(List.of(new Labelled(texts.get(i), i % 2 == 0 ? MAJOR : ORDINARY, "s" + i)));
        }
        String query = "Sparks flew from the plug of the heater and it smelled of burning.";
        // Each example alone: its similarity to the query, as the reader with it alone finds it.
        Map<String, Double> similarity = new java.util.HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String source = "s" + i;
            similarity.put(
                    texts.get(i),
                    many.only(l -> l.source().equals(source))
                            .read(query)
                            .orElseThrow()
                            .nearest()
                            .get(0)
                            .similarity());
        }
        List<String> expected = similarity.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(EmbeddingReader.NEAREST)
                .map(Map.Entry::getKey)
                .toList();

        List<Neighbour> nearest = many.read(query).orElseThrow().nearest();

        assertThat(nearest).extracting(Neighbour::text).containsExactlyElementsOf(expected);
        assertThat(nearest).extracting(Neighbour::similarity).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void the_dot_product_sums_every_component_whatever_the_length() {
        for (int length : new int[] {0, 1, 3, 4, 5, 383, 384}) {
            float[] a = new float[length];
            float[] b = new float[length];
            double expected = 0;
            for (int i = 0; i < length; i++) {
                a[i] = (i % 7) - 3;
                b[i] = (i % 5) + 0.5f;
                expected += a[i] * b[i];
            }
            assertThat((double) EmbeddingReader.dot(a, b))
                    .as("length %d", length)
                    .isEqualTo(expected);
        }
    }

    @Test
    void a_shipped_labelled_complaint_longer_than_the_reader_reads_or_of_several_sentences_is_no_example() {
        String beginning = "I am asking for compensation beyond a refund for my order.";
        String longer = beginning + " " + "x".repeat(EmbeddingReader.READ_LATIN);
        assertThat(EmbeddingReader.isExample(beginning)).isTrue();
        assertThat(EmbeddingReader.isExample(longer)).isFalse();
        assertThat(EmbeddingReader.isExample("快".repeat(EmbeddingReader.READ_HAN)))
                .isTrue();
        assertThat(EmbeddingReader.isExample("快".repeat(EmbeddingReader.READ_HAN + 1)))
                .isFalse();
        assertThat(EmbeddingReader.isExample("冰箱不制冷。师傅来过两次，还是不行。"))
                .as("two sentences, short as they are")
                .isFalse();
        assertThat(EmbeddingReader.isExample("冰箱不制冷，师傅来过两次，还是不行。")).isTrue();

        List<Labelled> shipped = EmbeddingReader.shipped();
        assertThat(shipped).allMatch(l -> EmbeddingReader.isExample(l.text()));
        assertThat(shipped).extracting(Labelled::source).doesNotContain("fresh-complaints-18.tsv");
        // The probes of the rules' vocabulary are no examples: mostly MAJOR, they would draw ordinary words to MAJOR.
        assertThat(shipped).extracting(Labelled::source).doesNotContain(LabelledExamples.PROBES);

        // A person's class counts whatever the length: the complaint is compared with complaints written as it was.
        int before = reader.size();
        reader.learn(longer, MAJOR, "corrected C9");
        assertThat(reader.size()).isEqualTo(before + 1);
        reader.forget("corrected C9");
        assertThat(reader.size()).isEqualTo(before);
    }

    /**
     * The shipped complaints' vectors are kept between runs: a reader loaded later reads them back instead of running
     * the model, and compares the same vectors; a damaged file is made again; a person's correction is never kept.
     */
    @Test
    void the_shipped_complaints_vectors_are_kept_for_the_next_run_and_read_back_the_same(@TempDir Path kept)
            throws IOException {
        List<Labelled> shipped = List.of(
                new Labelled("The heater gave off sparks and a smell of burning plastic.", MAJOR, "a"),
                new Labelled("My parcel arrived two days late.", ORDINARY, "a"),
                new Labelled("电暖器冒火花，还有一股烧塑料的味道。", MAJOR, "b"),
                new Labelled("快递晚到了两天。", ORDINARY, "b"));
        EmbeddingReader first = EmbeddingReader.load(kept);
        first.learn("My name is Ann Lee and the boiler leaked.", MAJOR, "correction:c1");
        first.learnShipped(shipped);
        assertThat(first.modelReadings()).isEqualTo(5);
        List<Path> files = files(kept);
        assertThat(files).hasSize(2);
        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .anySatisfy(
                        f -> assertThat(f).startsWith("bge-small-en-v1.5-q-").endsWith(".vectors"))
                .anySatisfy(
                        f -> assertThat(f).startsWith("bge-small-zh-v1.5-q-").endsWith(".vectors"));
        for (Path file : files) {
            assertThat(KeptVectors.read(file).keySet())
                    .as("the shipped complaints' words only, not a correction's")
                    .hasSize(2)
                    .noneMatch(words -> words.contains("Ann Lee"));
        }

        EmbeddingReader next = EmbeddingReader.load(kept);
        next.learnShipped(shipped);
        assertThat(next.modelReadings()).as("read back, not made again").isZero();
        for (Labelled l : shipped) {
            assertThat(next.vectorOf(l.text())).isEqualTo(first.vectorOf(l.text()));
        }
        first.forget("correction:c1");
        String query = "Sparks flew from the plug of the heater and it smelled of burning.";
        assertThat(next.read(query).orElseThrow()).isEqualTo(first.read(query).orElseThrow());

        // A file cut short: read as none, made again by the model, and kept whole again.
        Path english = files.stream()
                .filter(f -> f.getFileName().toString().startsWith("bge-small-en"))
                .findFirst()
                .orElseThrow();
        byte[] whole = Files.readAllBytes(english);
        Files.write(english, java.util.Arrays.copyOf(whole, whole.length - 100));
        EmbeddingReader afterDamage = EmbeddingReader.load(kept);
        afterDamage.learnShipped(shipped);
        assertThat(afterDamage.modelReadings()).isEqualTo(2);
        assertThat(afterDamage.vectorOf(shipped.get(0).text()))
                .isEqualTo(first.vectorOf(shipped.get(0).text()));
        assertThat(KeptVectors.read(english)).hasSize(2);
        // A byte changed inside: the checksum tells.
        byte[] changed = Files.readAllBytes(english);
        changed[changed.length / 2] ^= 1;
        Files.write(english, changed);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeptVectors.read(english))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("checksum");
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.sorted().toList();
        }
    }
}

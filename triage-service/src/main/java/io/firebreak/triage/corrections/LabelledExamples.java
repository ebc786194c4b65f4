package io.firebreak.triage.corrections;

import io.firebreak.events.ComplaintClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The complaints a person classified, shipped with triage ({@code labelled/*.tsv}): what the accuracy tests measure
 * the production path against and what a proposed rule set is replayed on before it becomes active. Rows of
 * {@code text <TAB> class <TAB> earlier complaints on the same matter <TAB> note}; # starts a comment. A line break in a
 * text (an e-mail's lines) is written {@code \n}.
 */
public final class LabelledExamples {

    /**
     * The sets: the first, tuned on; its held-out complement; hard cases written from the classes' definitions (word
     * senses, calm hazards, hedged threats, amounts, repeat contacts in words, sarcasm, difficult customers), tuned
     * on; every fourth of those, held out; and the fresh sets written later the same way, each measured once
     * before the rules were changed for it, then tuned on; and the near misses, ordinary complaints written to try the
     * newer words the other way before they shipped.
     */
    public static final List<String> SETS = List.of(
            "labelled-complaints.tsv",
            "held-out-complaints.tsv",
            "hard-complaints.tsv",
            "hard-held-out.tsv",
            "fresh-complaints.tsv",
            "fresh-complaints-2.tsv",
            "fresh-complaints-3.tsv",
            "fresh-complaints-4.tsv",
            "fresh-complaints-5.tsv",
            "fresh-complaints-6.tsv",
            "fresh-complaints-7.tsv",
            "fresh-complaints-8.tsv",
            "fresh-complaints-9.tsv",
            "fresh-complaints-10.tsv",
            "fresh-complaints-11.tsv",
            "fresh-complaints-12.tsv",
            "fresh-complaints-13.tsv",
            "fresh-complaints-14.tsv",
            "fresh-complaints-15.tsv",
            "fresh-complaints-16.tsv",
            "fresh-complaints-17.tsv",
            "fresh-complaints-18.tsv",
            "fresh-complaints-19.tsv",
            "fresh-complaints-20.tsv",
            "fresh-complaints-21.tsv",
            "fresh-complaints-22.tsv",
            "fresh-complaints-23.tsv",
            "fresh-complaints-24.tsv",
            "fresh-complaints-25.tsv",
            "fresh-complaints-26.tsv",
            "fresh-complaints-27.tsv",
            "fresh-complaints-28.tsv",
            "fresh-complaints-29.tsv",
            "fresh-complaints-30.tsv",
            "fresh-complaints-31.tsv",
            "fresh-complaints-32.tsv",
            "fresh-complaints-33.tsv",
            "fresh-complaints-34.tsv",
            "fresh-complaints-35.tsv",
            "fresh-complaints-36.tsv",
            "fresh-complaints-37.tsv",
            "fresh-complaints-38.tsv",
            "fresh-complaints-39.tsv",
            "fresh-complaints-40.tsv",
            "fresh-complaints-41.tsv",
            "fresh-complaints-42.tsv",
            "fresh-complaints-43.tsv",
            "fresh-complaints-44.tsv",
            "fresh-complaints-45.tsv",
            "fresh-complaints-46.tsv",
            "fresh-complaints-47.tsv",
            "fresh-complaints-48.tsv",
            "fresh-complaints-49.tsv",
            "fresh-complaints-50.tsv",
            "fresh-complaints-51.tsv",
            "fresh-complaints-52.tsv",
            "fresh-complaints-53.tsv",
            "fresh-complaints-54.tsv",
            "fresh-complaints-55.tsv",
            "fresh-complaints-56.tsv",
            "fresh-complaints-57.tsv",
            "fresh-complaints-58.tsv",
            "fresh-complaints-59.tsv",
            "fresh-complaints-60.tsv",
            "fresh-complaints-61.tsv",
            "fresh-complaints-62.tsv",
            "fresh-complaints-63.tsv",
            "fresh-complaints-64.tsv",
            "fresh-complaints-65.tsv",
            "fresh-complaints-66.tsv",
            "fresh-complaints-67.tsv",
            "fresh-complaints-68.tsv",
            "fresh-complaints-69.tsv",
            "fresh-complaints-70.tsv",
            "fresh-complaints-71.tsv",
            "fresh-complaints-72.tsv",
            "fresh-complaints-73.tsv",
            "fresh-complaints-74.tsv",
            "fresh-complaints-75.tsv",
            "fresh-complaints-76.tsv",
            "fresh-complaints-77.tsv",
            "fresh-complaints-78.tsv",
            "fresh-complaints-79.tsv",
            "fresh-complaints-80.tsv",
            "fresh-complaints-81.tsv",
            "fresh-complaints-82.tsv",
            "fresh-complaints-83.tsv",
            "fresh-complaints-84.tsv",
            "fresh-complaints-85.tsv",
            "fresh-complaints-86.tsv",
            "fresh-complaints-87.tsv",
            "fresh-complaints-88.tsv",
            "fresh-complaints-89.tsv",
            "fresh-complaints-90.tsv",
            "fresh-complaints-91.tsv",
            "fresh-complaints-92.tsv",
            "fresh-complaints-93.tsv",
            "fresh-complaints-94.tsv",
            "fresh-complaints-95.tsv",
            "fresh-complaints-96.tsv",
            "fresh-complaints-97.tsv",
            "fresh-complaints-98.tsv",
            "fresh-complaints-99.tsv",
            "fresh-complaints-100.tsv",
            "fresh-complaints-101.tsv",
            "fresh-complaints-102.tsv",
            "core-phrasings.tsv",
            "near-misses.tsv");

    /**
     * The probes of the rules' vocabulary: the common ways to say what decides each class, written without a trade's
     * words on purpose. Classified like every set; not an example the semantic reader compares with, nor counted in
     * how many labelled complaints their words route.
     */
    public static final String PROBES = "core-phrasings.tsv";

    /** One labelled complaint. */
    public record Example(
            String set, int line, String text, ComplaintClass expected, int earlierComplaints, String note) {

        /** Made-up ids of the earlier complaints, as intake would give them. */
        public List<String> earlierComplaintIds() {
            return IntStream.rangeClosed(1, earlierComplaints)
                    .mapToObj(i -> "earlier-" + line + "-" + i)
                    .toList();
        }
    }

    private LabelledExamples() {}

    /** Every set's examples. */
    public static List<Example> all() {
        return SETS.stream().flatMap(set -> load(set).stream()).toList();
    }

    public static List<Example> load(String set) {
        try (InputStream in = LabelledExamples.class.getResourceAsStream("/labelled/" + set)) {
            if (in == null) throw new IllegalStateException(set + " is not on the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Example> examples = new ArrayList<>();
            String row;
            int line = 0;
            while ((row = reader.readLine()) != null) {
                line++;
                if (row.isBlank() || row.startsWith("#")) continue;
                String[] cells = row.split("\t", -1);
                int earlier = cells.length > 2 && !cells[2].isBlank() ? Integer.parseInt(cells[2].strip()) : 0;
                examples.add(new Example(
                        set,
                        line,
                        cells[0].replace("\\n", "\n"),
                        ComplaintClass.valueOf(cells[1].strip()),
                        earlier,
                        cells.length > 3 ? cells[3] : ""));
            }
            return List.copyOf(examples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

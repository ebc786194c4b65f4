package io.firebreak.triage.semantic;

import io.firebreak.triage.corrections.LabelledExamples;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the semantic reader costs one thread per complaint: the CPU time of a reading (the embedding of the words and
 * the comparison with every shipped labelled complaint) on the labelled complaints' own words, half Chinese, and the
 * time to load the models and read the examples at start. CPU time, not wall time: a shared machine slows the clock,
 * less the work. A plain program, not a test, run as the README says.
 *
 * <p>Arguments: readings per round (default 200).
 */
public final class SemanticReaderBenchmark {

    private static final int ROUNDS = 5;

    private SemanticReaderBenchmark() {}

    public static void main(String[] args) {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> texts = LabelledExamples.all().stream()
                .map(LabelledExamples.Example::text)
                .toList();

        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        EmbeddingReader reader = EmbeddingReader.load();
        reader.learn(EmbeddingReader.shipped());
        System.out.printf(
                Locale.ROOT,
                "start: %d examples in %.1f s (%.1f s of this thread's CPU); %d texts, average %.0f characters%n",
                reader.size(),
                (System.nanoTime() - wall) / 1e9,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                texts.size(),
                texts.stream().mapToInt(String::length).average().orElse(0));

        double[] perReading = new double[ROUNDS];
        int next = 0;
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms up
            long before = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                reader.read(texts.get(next++ % texts.size()));
            }
            double ms = (threads.getCurrentThreadCpuTime() - before) / 1e6 / perRound;
            if (round >= 0) perReading[round] = ms;
            System.out.printf(Locale.ROOT, "round %d: %.2f ms of CPU per reading%n", round, ms);
        }
        Arrays.sort(perReading);
        // A long complaint, as the benchmark's (0.5–2 KB): the labelled texts run together; at most its beginning is
        // read.
        String longText = String.join(" ", texts.subList(0, 60));
        long before = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound / 4; i++) reader.read(longText);
        double longMs = (threads.getCurrentThreadCpuTime() - before) / 1e6 / (perRound / 4);
        System.out.printf(
                Locale.ROOT,
                "RESULT %.2f ms of CPU per reading (median of %d rounds of %d); %.2f ms for a %d-character text%n",
                perReading[ROUNDS / 2],
                ROUNDS,
                perRound,
                longMs,
                longText.length());
    }
}

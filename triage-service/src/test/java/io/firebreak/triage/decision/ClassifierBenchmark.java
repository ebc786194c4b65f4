package io.firebreak.triage.decision;

import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.platform.text.ScannedText;
import io.firebreak.triage.Shipped;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.corrections.LabelledExamples;
import io.firebreak.triage.settings.ActiveSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How many complaints one thread classifies per second with the shipped rules, on the labelled complaints (typical
 * complaints, half Chinese). Three figures: the classifier alone, the whole assessment a received complaint gets
 * (routing, then the rules with the routing's facts), and that assessment of complaints as long as real ones (half a
 * kilobyte and more). A plain program, not a test: speed goals live here, never in
 * the unit tests. Run it as the README says; pin it to one core with {@code taskset -c 0}.
 *
 * <p>Arguments: seconds to measure each figure, spread over its rounds (default 10).
 */
public final class ClassifierBenchmark {

    private ClassifierBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        List<LabelledExamples.Example> items = LabelledExamples.all();
        ActiveSettings settings = Shipped.settings();
        Classifier classifier = settings.classifier();
        System.out.printf(
                Locale.ROOT,
                "%d complaints, %d Chinese, average %.0f characters; JVM %s, %d CPUs visible%n",
                items.size(),
                items.stream()
                        .filter(i -> i.text()
                                .codePoints()
                                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                        .count(),
                items.stream().mapToInt(i -> i.text().length()).average().orElse(0),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        Runnable classify = new Runnable() {
            int next;

            @Override
            public void run() {
                sink(classifier
                        .classify(items.get(next++ % items.size()).text())
                        .complaintClass());
            }
        };
        Runnable assess = new Runnable() {
            int next;

            @Override
            public void run() {
                LabelledExamples.Example item = items.get(next++ % items.size());
                sink(TriageDecisions.assess(
                                settings, item.text(), null, Channel.WEB_FORM, item.earlierComplaintIds(), null)
                        .result()
                        .complaintClass());
            }
        };

        // Complaints as long as real ones (the benchmark's are 0.5–2 KB): labelled complaints of one language joined
        // until about 500 Chinese or 1,200 Latin characters, where reading each character is what costs.
        List<String> longer = longComplaints(items);
        Runnable assessLonger = new Runnable() {
            int next;

            @Override
            public void run() {
                sink(TriageDecisions.assess(
                                settings, longer.get(next++ % longer.size()), null, Channel.WEB_FORM, List.of(), null)
                        .result()
                        .complaintClass());
            }
        };

        measure("warm-up (classifier)", classify, Math.max(1, seconds / 2));
        measure("warm-up (routing + classifier)", assess, Math.max(1, seconds / 2));
        measure("warm-up (long complaints)", assessLonger, Math.max(1, seconds / 2));
        // Rounds in turn, the median of each: one round alone is at the mercy of the JIT and the collector.
        double[] rules = new double[ROUNDS];
        double[] whole = new double[ROUNDS];
        double[] wholeLonger = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            rules[round] = measure("classifier alone", classify, seconds / ROUNDS);
            whole[round] = measure("routing + classifier", assess, seconds / ROUNDS);
            wholeLonger[round] = measure("the same, long complaints", assessLonger, seconds / ROUNDS);
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT classifier %.0f/s, routing + classifier %.0f/s, long complaints %.0f/s (%.0f µs each; medians"
                        + " of %d rounds; goal > 10000/s)%n",
                median(rules),
                median(whole),
                median(wholeLonger),
                1e6 / median(wholeLonger),
                ROUNDS);
        if (checksum == 42) System.out.println(); // keeps the results alive
    }

    private static final int ROUNDS = 5;

    private static List<String> longComplaints(List<LabelledExamples.Example> items) {
        Random random = new Random(1);
        List<String> longer = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            boolean chinese = i % 2 == 0;
            StringBuilder text = new StringBuilder();
            while (text.length() < (chinese ? 500 : 1200)) {
                String next = items.get(random.nextInt(items.size())).text();
                if (ScannedText.hasHan(next) == chinese) text.append(next).append(chinese ? "" : " ");
            }
            longer.add(text.toString());
        }
        return longer;
    }

    private static int checksum;

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void sink(ComplaintClass complaintClass) {
        checksum += complaintClass.ordinal();
    }

    private static double measure(String what, Runnable task, double seconds) {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 1000; i++) task.run();
            count += 1000;
        }
        double perSecond = count / ((System.nanoTime() - started) / 1e9);
        System.out.printf(
                Locale.ROOT, "%-32s %,12.0f classifications/s (%.2f µs each)%n", what, perSecond, 1e6 / perSecond);
        return perSecond;
    }
}

package io.firebreak.triage.semantic;

import io.firebreak.events.ComplaintClass;
import io.firebreak.platform.text.ScannedText;
import io.firebreak.triage.corrections.LabelledExamples;
import io.firebreak.triage.corrections.LabelledExamples.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How the semantic reader's bars would have done on words nobody had tuned on: each fresh set's first reading
 * replayed. The rules' readings come from files (one line per complaint: set, line, expected class, the rules' class,
 * whether they found nothing, whether they judged MAJOR words negated or everyday), made by running the accuracy test
 * at the commit that added each set, before any word changed for it; the reader compares each complaint only with the
 * sets written before it, as it could have then. A second file holds the rules of today on every set, read by the
 * reader without the set's own examples (the tuned sets and the near misses). For each bar it prints accuracy, MAJOR
 * complaints read as ORDINARY and the share of ordinary ones read as MAJOR, per population. A plain program, not a
 * test, run as the README says.
 *
 * <p>Arguments: the directory of the readings (default {@code bench/results/2026-12-04/first-readings}).
 */
public final class FirstReadingsReplay {

    private static final int NEAREST = EmbeddingReader.NEAREST;
    private static final int CLASSES = ComplaintClass.values().length;
    private static final int ORDINARY = ComplaintClass.ORDINARY.ordinal();
    private static final int MAJOR = ComplaintClass.MAJOR.ordinal();

    /** The first set whose first reading was kept, in {@link LabelledExamples#SETS} order. */
    private static final String FIRST_REPLAYED = "fresh-complaints-6.tsv";

    private record Labelled(String set, int expected, boolean chinese, float[] vector) {}

    /** The rules' reading of one complaint, the reader's shares and the similarity of each class's nearest. */
    private record Case(int expected, int rules, boolean foundNothing, double[] share, double[] nearest) {}

    /** A bar: the share to decide DIFFICULT or ESCALATED, the share to decide MAJOR, the nearest's least similarity. */
    private record Bar(double decides, double decidesMajor, double near) {

        int classOf(Case c) {
            int read = argmax(c.share);
            if (!c.foundNothing || read == ORDINARY) return c.rules;
            boolean clear = c.share[read] >= (read == MAJOR ? decidesMajor : decides) && c.nearest[read] >= near;
            return clear ? read : c.rules;
        }
    }

    private FirstReadingsReplay() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/results/2026-12-04/first-readings");
        EmbeddingReader reader = EmbeddingReader.load();
        Map<String, Labelled> labelled = new HashMap<>();
        List<Labelled> all = new ArrayList<>();
        for (Example e : LabelledExamples.all()) {
            if (e.earlierComplaints() != 0) continue;
            Labelled l = new Labelled(
                    e.set(), e.expected().ordinal(), ScannedText.hasHan(e.text()), unit(reader.embed(e.text())));
            labelled.put(e.set() + "#" + e.line(), l);
            all.add(l);
        }

        Map<String, List<Case>> populations = new LinkedHashMap<>();
        List<String> sets = LabelledExamples.SETS;
        for (int i = sets.indexOf(FIRST_REPLAYED); i < sets.size(); i++) {
            Path file = dir.resolve("rules-" + sets.get(i));
            if (!Files.exists(file)) continue;
            Set<String> before = new HashSet<>(sets.subList(0, i));
            read(file, set -> true, l -> before.contains(l.set()), labelled, all, populations, "first readings");
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-all-sets.tsv"))
                    .toList()) {
                for (String set : sets) {
                    read(
                            file,
                            set::equals,
                            l -> !l.set().equals(set),
                            labelled,
                            all,
                            populations,
                            set.equals("near-misses.tsv") ? "near misses" : "tuned");
                }
            }
        }

        for (double decides : new double[] {0, 0.5, 0.6, 0.7}) {
            for (double major : new double[] {0, 0.5, 0.6, 0.7, 0.8, 0.9}) {
                for (double near : new double[] {0, 0.6, 0.65, 0.7}) {
                    Bar bar = new Bar(decides, major, near);
                    StringBuilder line = new StringBuilder(
                            String.format(Locale.ROOT, "decides %.2f, MAJOR %.2f, nearest %.2f", decides, major, near));
                    populations.forEach((name, cases) -> line.append(score(name, cases, bar::classOf)));
                    System.out.println(line);
                }
            }
        }
        StringBuilder rules = new StringBuilder("the rules alone");
        populations.forEach((name, cases) -> rules.append(score(name, cases, c -> c.rules)));
        System.out.println(rules);
        populations.forEach((name, cases) -> {
            Map<String, int[]> pairs = new java.util.TreeMap<>();
            for (Case c : cases) {
                int read = argmax(c.share);
                if (read == c.rules) continue;
                String pair = ComplaintClass.values()[c.rules] + " by the rules, " + ComplaintClass.values()[read]
                        + " by the reader" + (c.foundNothing ? " (the rules found nothing)" : "");
                int[] counts = pairs.computeIfAbsent(pair, k -> new int[3]);
                counts[0]++;
                if (c.rules == c.expected) counts[1]++;
                if (read == c.expected) counts[2]++;
            }
            pairs.forEach((pair, n) -> System.out.printf(
                    Locale.ROOT,
                    "%s, they disagree: %s: %d, the rules right %d, the reader right %d%n",
                    name,
                    pair,
                    n[0],
                    n[1],
                    n[2]));
        });
        // A MAJOR of the rules the reader reads as clearly ordinary waits for a supervisor (the rules' class stays):
        // how often, and how often the complaint was not MAJOR. (The export does not say whether the rules read the
        // MAJOR from words alone; a MAJOR from a sum or a fact is never doubted in triage.)
        populations.forEach((name, cases) -> {
            int doubted = 0, notMajor = 0;
            for (Case c : cases) {
                if (c.rules != MAJOR || argmax(c.share) != ORDINARY || c.share[ORDINARY] < 0.7) continue;
                doubted++;
                if (c.expected != MAJOR) notMajor++;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: a MAJOR of the rules doubted by the reader: %d, not MAJOR: %d%n",
                    name,
                    doubted,
                    notMajor);
        });
        StringBuilder alone = new StringBuilder("the reader alone");
        populations.forEach((name, cases) -> alone.append(score(name, cases, c -> argmax(c.share))));
        System.out.println(alone);
    }

    /**
     * Adds to a population the complaints of the file whose set {@code ofSet} accepts, each read by the reader among
     * the labelled complaints {@code known} accepts.
     */
    private static void read(
            Path file,
            Predicate<String> ofSet,
            Predicate<Labelled> known,
            Map<String, Labelled> labelled,
            List<Labelled> all,
            Map<String, List<Case>> populations,
            String population)
            throws IOException {
        for (String row : Files.readAllLines(file)) {
            String[] cells = row.split("\t");
            if (!ofSet.test(cells[1])) continue;
            Labelled l = labelled.get(cells[1] + "#" + cells[2]);
            if (l == null || !cells[7].equals("0")) continue;
            populations.computeIfAbsent(population, p -> new ArrayList<>()).add(reading(cells, l, all, known));
        }
    }

    /** The rules' reading from the file's cells, and the reader's among the labelled complaints it could know. */
    private static Case reading(String[] cells, Labelled read, List<Labelled> all, Predicate<Labelled> known) {
        PriorityQueue<double[]> nearest = new PriorityQueue<>(Comparator.comparingDouble(a -> a[0]));
        for (Labelled l : all) {
            if (l.chinese() != read.chinese() || !known.test(l)) continue;
            nearest.add(new double[] {dot(l.vector(), read.vector()), l.expected()});
            if (nearest.size() > NEAREST) nearest.poll();
        }
        double[] share = new double[CLASSES];
        double[] near = new double[CLASSES];
        double total = 0;
        for (double[] n : nearest) {
            int c = (int) n[1];
            share[c] += Math.max(0, n[0]);
            total += Math.max(0, n[0]);
            near[c] = Math.max(near[c], n[0]);
        }
        for (int c = 0; c < CLASSES; c++) share[c] = total == 0 ? 0 : share[c] / total;
        return new Case(
                ComplaintClass.valueOf(cells[3]).ordinal(),
                ComplaintClass.valueOf(cells[4]).ordinal(),
                Boolean.parseBoolean(cells[5]),
                share,
                near);
    }

    private static String score(String name, List<Case> cases, java.util.function.ToIntFunction<Case> classOf) {
        int right = 0, majorAsOrdinary = 0, ordinary = 0, falseMajor = 0;
        for (Case c : cases) {
            int read = classOf.applyAsInt(c);
            if (read == c.expected) right++;
            if (c.expected == MAJOR && read == ORDINARY) majorAsOrdinary++;
            if (c.expected == ORDINARY) {
                ordinary++;
                if (read == MAJOR) falseMajor++;
            }
        }
        return String.format(
                Locale.ROOT,
                " | %s (%d): %.1f%%, %d MAJOR as ORDINARY, false MAJOR %.1f%%",
                name,
                cases.size(),
                100.0 * right / cases.size(),
                majorAsOrdinary,
                100.0 * falseMajor / Math.max(1, ordinary));
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) unit[i] = (float) (v[i] / norm);
        return unit;
    }

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
        return dot;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}

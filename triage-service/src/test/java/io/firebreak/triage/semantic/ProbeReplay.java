package io.firebreak.triage.semantic;

import io.firebreak.events.ComplaintClass;
import io.firebreak.platform.text.ScannedText;
import io.firebreak.triage.corrections.LabelledExamples;
import io.firebreak.triage.corrections.LabelledExamples.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How the linear reading ({@link LinearProbe}) would have done on words nobody had tuned on, beside the nearest-neighbour
 * vote: each fresh set's first reading replayed as {@link FirstReadingsReplay} does (the rules' class from the export,
 * the readers knowing only the sets written before it), and the never-tuned and near-miss sets from the export of all
 * sets (the readers knowing every set but the one read). Prints, per population: the rules alone, the vote alone, the
 * linear reading alone, the bar shipped before it, and variants; "F" is what triage does ({@code
 * TriageDecisions.byVote} and {@code byLinearReading}).
 *
 * <p>"H" and "J" lower a MAJOR the rules read where both readings read ordinary, and raise where the vote reads MAJOR
 * and the rules less (bench/results/2026-12-05/lowered-30th/: not adopted). {@code -Dmissed=true} lists the MAJOR
 * complaints "F" reads ORDINARY on first readings and the rules' false MAJORs, with both readings; {@code
 * -Dlowered=true} lists what "H" lowers, by population. {@code -Dsentences=true} reads each sentence of a text of
 * several alone as well, for "K" and "L".
 *
 * <p>Arguments: the first-readings directory, the L2 penalty (default {@value LinearProbe#L2}) and the steps
 * (default {@value LinearProbe#ITERATIONS}), to try others. About two minutes.
 */
public final class ProbeReplay {

    /** Whether each sentence of several is read alone too ({@code -Dsentences=true}; several minutes more). */
    private static final boolean SENTENCES = Boolean.getBoolean("sentences");

    record Case(
            String set,
            int expected,
            int rules,
            boolean foundNothing,
            int knn,
            double knnShare,
            int probe,
            double probeP,
            String text,
            double knnNearest,
            double majorNearest,
            boolean majorDiscounted,
            double sentenceMajorVote,
            double sentenceMajorNearest,
            double sentenceMajorLinear) {

        /**
         * One sentence of several read MAJOR alone: by the vote at this share (its example this near) and by the
         * linear reading this sure.
         */
        boolean sentenceReadsMajor(double vote, double near, double linear) {
            return sentenceMajorVote >= vote && sentenceMajorNearest >= near && sentenceMajorLinear >= linear;
        }

        /** The bar before the linear reading: the vote decides where the rules found nothing, clearly and near enough. */
        /**
         * The vote as {@link #bar}, a class below MAJOR borne out by the linear reading; else MAJOR where the linear
         * reading is this sure, the vote is not this much ORDINARY and a MAJOR example is this near.
         */
        int combined(double linear, double ordinaryVote, double majorNear) {
            return combined(linear, ordinaryVote, majorNear, 1.01);
        }

        /** As above, and a MAJOR vote is set aside where the linear reading reads ORDINARY at least this sure. */
        int combined(double linear, double ordinaryVote, double majorNear, double ordinaryLinear) {
            if (bar() && knn == 3 && probe == 0 && probeP >= ordinaryLinear) return rules;
            if (bar() && (knn == 3 || probe == knn)) return knn;
            boolean major = foundNothing
                    && probe == 3
                    && probeP >= linear
                    && !(knn == 0 && knnShare >= ordinaryVote)
                    && majorNearest >= majorNear;
            return major ? 3 : rules;
        }

        /** A MAJOR of the rules both readings read as ordinary: the vote at this share, the linear reading this sure. */
        boolean readOrdinaryByBoth(double share, double linear) {
            return rules == 3 && knn == 0 && knnShare >= share && probe == 0 && probeP >= linear;
        }

        boolean bar() {
            return foundNothing && knn != 0 && knnShare >= (knn == 3 ? 0.7 : 0.6) && knnNearest >= 0.65;
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        double l2 = args.length > 1 ? Double.parseDouble(args[1]) : LinearProbe.L2;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : LinearProbe.ITERATIONS;
        EmbeddingReader reader = EmbeddingReader.load();
        List<EmbeddingReader.Labelled> shipped = EmbeddingReader.shipped();
        reader.learn(shipped);
        Map<String, float[]> vectors = new HashMap<>();
        for (EmbeddingReader.Labelled l : shipped) vectors.computeIfAbsent(l.text(), reader::vectorOf);
        Map<String, String> texts = new HashMap<>();
        for (Example e : LabelledExamples.all()) {
            if (e.earlierComplaints() == 0) texts.put(e.set() + "#" + e.line(), e.text());
        }
        Map<String, List<Case>> populations = new LinkedHashMap<>();
        List<String> sets = LabelledExamples.SETS;
        for (int i = sets.indexOf("fresh-complaints-6.tsv"); i < sets.size(); i++) {
            Path file = dir.resolve("rules-" + sets.get(i));
            if (!Files.exists(file)) continue;
            Set<String> before = new HashSet<>(sets.subList(0, i));
            read(
                    file,
                    s -> true,
                    l -> before.contains(l.source()),
                    reader,
                    shipped,
                    vectors,
                    texts,
                    populations,
                    i < sets.indexOf("fresh-complaints-12.tsv") ? "first readings, earlier" : "first readings, later",
                    l2,
                    iterations);
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-all-sets.tsv"))
                    .toList()) {
                for (String set : List.of("near-misses.tsv", "hard-held-out.tsv", "held-out-complaints.tsv")) {
                    read(
                            file,
                            set::equals,
                            l -> !l.source().equals(set),
                            reader,
                            shipped,
                            vectors,
                            texts,
                            populations,
                            set,
                            l2,
                            iterations);
                }
            }
        }
        // One set alone too, when asked (-Dset=fresh-complaints-38.tsv): a fresh set's first reading.
        String alone = System.getProperty("set");
        if (alone != null) {
            List<Case> ofSet = new ArrayList<>();
            populations.forEach(
                    (k, v) -> v.stream().filter(c -> c.set().equals(alone)).forEach(ofSet::add));
            populations.put(alone + ", alone", ofSet);
        }
        List<Case> all = new ArrayList<>();
        populations.forEach((k, v) -> {
            if (k.startsWith("first readings,")) all.addAll(v);
        });
        populations.put("first readings", all);
        System.out.printf(Locale.ROOT, "l2 %.4f, iterations %d%n", l2, iterations);
        populations.forEach((name, cases) -> {
            System.out.println(name + " (" + cases.size() + ")");
            System.out.println("  rules alone     " + score(cases, c -> c.rules));
            System.out.println("  knn alone       " + score(cases, c -> c.knn));
            System.out.println("  probe alone     " + score(cases, c -> c.probe));
            System.out.println("  bar, no nearest "
                    + score(
                            cases,
                            c -> c.foundNothing && c.knn != 0 && c.knnShare >= (c.knn == 3 ? 0.7 : 0.6)
                                    ? c.knn
                                    : c.rules));
            for (double t : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
                System.out.printf(
                        Locale.ROOT,
                        "  probe at %.1f    %s%n",
                        t,
                        score(cases, c -> c.foundNothing && c.probe != 0 && c.probeP >= t ? c.probe : c.rules));
            }
            System.out.println("  bar before     " + score(cases, c -> c.bar() ? c.knn : c.rules));
            for (double t : new double[] {0.0, 0.4, 0.5, 0.6, 0.7}) {
                System.out.printf(
                        Locale.ROOT,
                        "  bar, probe %.1f  %s%n",
                        t,
                        score(cases, c -> c.bar() && c.probe == c.knn && c.probeP >= t ? c.knn : c.rules));
            }
            System.out.println("  A: MAJOR as the bar, others probe agrees "
                    + score(cases, c -> c.bar() && (c.knn == 3 || c.probe == c.knn) ? c.knn : c.rules));
            for (double x : new double[] {0.5, 0.7, 0.9, 1.01}) {
                System.out.printf(
                        Locale.ROOT,
                        "  E 0.9, vote not ORDINARY at %.2f: %s%n",
                        x,
                        score(cases, c -> c.combined(0.9, x, 0)));
            }
            System.out.println(
                    "  F (shipped): E at 0.5, nearest MAJOR 0.65: " + score(cases, c -> c.combined(0.9, 0.5, 0.65)));
            for (double t : new double[] {0.5, 0.7, 0.8, 0.9}) {
                System.out.printf(
                        Locale.ROOT,
                        "  G: F, a MAJOR vote set aside where the linear reading is ORDINARY at %.1f: %s%n",
                        t,
                        score(cases, c -> c.combined(0.9, 0.5, 0.65, t)));
            }
            for (double share : new double[] {0.7, 0.9}) {
                for (double t : new double[] {0.0, 0.7, 0.9}) {
                    System.out.printf(
                            Locale.ROOT,
                            "  H: F, a MAJOR of the rules lowered where the vote is ORDINARY at %.1f and the linear reading at %.1f: %s%n",
                            share,
                            t,
                            score(cases, c -> c.readOrdinaryByBoth(share, t) ? 0 : c.combined(0.9, 0.5, 0.65)));
                }
            }
            for (double share : new double[] {0.7, 0.8, 0.9}) {
                for (boolean linear : new boolean[] {false, true}) {
                    System.out.printf(
                            Locale.ROOT,
                            "  J: H 0.7/0.0, and MAJOR where the rules read less, no MAJOR word discounted, the vote MAJOR at %.1f%s: %s%n",
                            share,
                            linear ? " and the linear reading MAJOR" : "",
                            score(cases, c -> {
                                if (c.readOrdinaryByBoth(0.7, 0)) return 0;
                                if (c.rules != 3
                                        && !c.majorDiscounted
                                        && c.knn == 3
                                        && c.knnShare >= share
                                        && c.knnNearest >= 0.65
                                        && (!linear || c.probe == 3)) return 3;
                                return c.combined(0.9, 0.5, 0.65);
                            }));
                }
            }
            if (SENTENCES) sentenceVariants(cases);
            for (double near : new double[] {0.6, 0.65, 0.7}) {
                for (double t : new double[] {0.8, 0.9}) {
                    System.out.printf(
                            Locale.ROOT,
                            "  D %.1f, nearest MAJOR %.2f: %s%n",
                            t,
                            near,
                            score(cases, c -> c.combined(t, 1.01, near)));
                }
            }
            for (double t : new double[] {0.6, 0.7, 0.8, 0.9}) {
                System.out.printf(
                        Locale.ROOT,
                        "  B %.1f: A, or MAJOR by the probe %s%n",
                        t,
                        score(cases, c -> c.combined(t, 1.01, 0)));
                System.out.printf(
                        Locale.ROOT,
                        "  C %.1f: bar, or MAJOR by the probe %s%n",
                        t,
                        score(
                                cases,
                                c -> c.bar() ? c.knn : c.foundNothing && c.probe == 3 && c.probeP >= t ? 3 : c.rules));
            }
            for (double t : new double[] {0.5, 0.7}) {
                System.out.printf(
                        Locale.ROOT,
                        "  both agree %.1f  %s%n",
                        t,
                        score(
                                cases,
                                c -> c.foundNothing && c.probe != 0 && c.probe == c.knn && c.probeP >= t
                                        ? c.probe
                                        : c.rules));
            }
        });
        if (Boolean.getBoolean("missed")) {
            for (Case c : populations.get("first readings")) {
                if (c.expected == 3 && c.combined(0.9, 0.5, 0.65) == 0 || c.expected == 0 && c.rules == 3)
                    System.out.printf(
                            Locale.ROOT,
                            "  %s %s rules %s nothing %s discounted %s, vote %s %.2f (nearest %.2f), linear %s %.2f: %s%n",
                            c.expected == 3 ? "MISSED" : "FALSE",
                            c.set,
                            ComplaintClass.values()[c.rules],
                            c.foundNothing,
                            c.majorDiscounted,
                            ComplaintClass.values()[c.knn],
                            c.knnShare,
                            c.knnNearest,
                            ComplaintClass.values()[c.probe],
                            c.probeP,
                            c.text);
            }
        }
        if (Boolean.getBoolean("lowered")) {
            populations.forEach((name, cases) -> {
                if (name.equals("first readings")) return;
                for (Case c : cases) {
                    if (c.readOrdinaryByBoth(0.7, 0))
                        System.out.printf(
                                Locale.ROOT,
                                "  LOWERED %s %s %s, vote %.2f (nearest %.2f), linear %.2f: %s%n",
                                ComplaintClass.values()[c.expected],
                                name,
                                c.set,
                                c.knnShare,
                                c.knnNearest,
                                c.probeP,
                                c.text);
                }
            });
        }
        if (Boolean.getBoolean("list")) {
            for (Case c : populations.get("near-misses.tsv")) {
                if (c.probe != c.expected)
                    System.out.printf(
                            Locale.ROOT,
                            "  NM probe %s (%.2f) for %s: %s%n",
                            ComplaintClass.values()[c.probe],
                            c.probeP,
                            ComplaintClass.values()[c.expected],
                            c.text);
            }
        }
    }

    /**
     * "K" and "L": H kept from lowering where one sentence of several reads MAJOR alone, and MAJOR raised where one
     * does (bench/results/2026-12-06/sentences/: not adopted).
     */
    private static void sentenceVariants(List<Case> cases) {
        for (double linear : new double[] {0.0, 0.5}) {
            System.out.printf(
                    Locale.ROOT,
                    "  K: H 0.7/0.0 unless a sentence alone reads MAJOR (the vote at 0.5, the linear reading at %.1f): %s%n",
                    linear,
                    score(
                            cases,
                            c -> c.readOrdinaryByBoth(0.7, 0) && !c.sentenceReadsMajor(0.5, 0, linear)
                                    ? 0
                                    : c.combined(0.9, 0.5, 0.65)));
        }
        for (double share : new double[] {0.6, 0.7, 0.9}) {
            for (double near : new double[] {0.65, 0.7}) {
                for (double linear : new double[] {0.0, 0.8}) {
                    System.out.printf(
                            Locale.ROOT,
                            "  L: F, and MAJOR where the rules read less, no MAJOR word discounted, a sentence's vote MAJOR at %.1f, nearest %.2f, linear %.1f: %s | with K: %s%n",
                            share,
                            near,
                            linear,
                            score(
                                    cases,
                                    c -> c.rules != 3 && !c.majorDiscounted && c.sentenceReadsMajor(share, near, linear)
                                            ? 3
                                            : c.combined(0.9, 0.5, 0.65)),
                            score(cases, c -> {
                                if (c.readOrdinaryByBoth(0.7, 0) && !c.sentenceReadsMajor(0.5, 0, 0)) return 0;
                                if (c.rules != 3 && !c.majorDiscounted && c.sentenceReadsMajor(share, near, linear))
                                    return 3;
                                return c.combined(0.9, 0.5, 0.65);
                            }));
                }
            }
        }
    }

    static void read(
            Path file,
            Predicate<String> ofSet,
            Predicate<EmbeddingReader.Labelled> known,
            EmbeddingReader reader,
            List<EmbeddingReader.Labelled> shipped,
            Map<String, float[]> vectors,
            Map<String, String> texts,
            Map<String, List<Case>> populations,
            String population,
            double l2,
            int iterations)
            throws IOException {
        // One probe per language, trained on the examples the reader may know.
        List<float[]> xe = new ArrayList<>(), xz = new ArrayList<>();
        List<ComplaintClass> ye = new ArrayList<>(), yz = new ArrayList<>();
        for (EmbeddingReader.Labelled l : shipped) {
            if (!known.test(l)) continue;
            boolean han = ScannedText.hasHan(l.text());
            (han ? xz : xe).add(vectors.get(l.text()));
            (han ? yz : ye).add(l.complaintClass());
        }
        LinearProbe en = LinearProbe.learn(xe, ye, l2, iterations);
        LinearProbe zh = LinearProbe.learn(xz, yz, l2, iterations);
        EmbeddingReader knn = reader.only(known);
        for (String row : Files.readAllLines(file)) {
            String[] cells = row.split("\t");
            if (!ofSet.test(cells[1])) continue;
            String text = texts.get(cells[1] + "#" + cells[2]);
            if (text == null || !cells[7].equals("0")) continue;
            var opinion = knn.read(text).orElseThrow();
            LinearProbe probe = ScannedText.hasHan(text) ? zh : en;
            LinearProbe.Reading linear = probe.read(reader.vectorOf(text));
            double sentenceVote = 0, sentenceNearest = 0, sentenceLinear = 0;
            List<String> sentences = SENTENCES ? sentences(text) : List.of();
            if (sentences.size() > 1) {
                for (String sentence : sentences) {
                    var read = knn.read(sentence).orElse(null);
                    LinearProbe.Reading alone = probe.read(reader.vectorOf(sentence));
                    if (read == null || read.complaintClass() != ComplaintClass.MAJOR) continue;
                    double p = alone.complaintClass() == ComplaintClass.MAJOR ? alone.probability() : 0;
                    if (read.share() + p > sentenceVote + sentenceLinear) {
                        sentenceVote = read.share();
                        sentenceNearest = read.example().similarity();
                        sentenceLinear = p;
                    }
                }
            }
            populations
                    .computeIfAbsent(population, k -> new ArrayList<>())
                    .add(new Case(
                            cells[1],
                            ComplaintClass.valueOf(cells[3]).ordinal(),
                            ComplaintClass.valueOf(cells[4]).ordinal(),
                            Boolean.parseBoolean(cells[5]),
                            opinion.complaintClass().ordinal(),
                            opinion.share(),
                            linear.complaintClass().ordinal(),
                            linear.probability(),
                            text,
                            opinion.example().similarity(),
                            knn.only(l -> l.complaintClass() == ComplaintClass.MAJOR)
                                    .read(text)
                                    .map(o -> o.nearest().get(0).similarity())
                                    .orElse(0.0),
                            Boolean.parseBoolean(cells[6]),
                            sentenceVote,
                            sentenceNearest,
                            sentenceLinear));
        }
    }

    /** The text's sentences of some length (a fragment of a few characters says nothing alone). */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            if (!end) {
                char c = text.charAt(i);
                end = c == '。'
                        || c == '！'
                        || c == '？'
                        || c == '；'
                        || c == '\n'
                        || c == '!'
                        || c == '?'
                        || c == ';'
                        || (c == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
            }
            if (!end) continue;
            String sentence =
                    text.substring(from, Math.min(text.length(), i + 1)).strip();
            from = i + 1;
            if (sentence.codePointCount(0, sentence.length()) >= (ScannedText.hasHan(sentence) ? 6 : 20))
                sentences.add(sentence);
        }
        return sentences;
    }

    static String score(List<Case> cases, java.util.function.ToIntFunction<Case> classOf) {
        int right = 0, mo = 0, ord = 0, fm = 0;
        for (Case c : cases) {
            int r = classOf.applyAsInt(c);
            if (r == c.expected) right++;
            if (c.expected == 3 && r == 0) mo++;
            if (c.expected == 0) {
                ord++;
                if (r == 3) fm++;
            }
        }
        return String.format(
                Locale.ROOT,
                "%.1f%%, %d MAJOR as ORDINARY, false MAJOR %.1f%%",
                100.0 * right / cases.size(),
                mo,
                100.0 * fm / Math.max(1, ord));
    }
}

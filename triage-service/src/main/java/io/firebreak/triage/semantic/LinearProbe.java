package io.firebreak.triage.semantic;

import io.firebreak.events.ComplaintClass;
import java.util.List;

/**
 * A linear reading of sentence embeddings: the probability of each class from one weighted sum per class (softmax
 * regression), learned from the labelled complaints of one language. The nearest-neighbour vote reads a text like
 * the few examples most like it, which are mostly those on the same topic; a linear reading weighs every example,
 * so a direction in the embedding that separates the classes across topics (a danger, a threat, a demand for someone
 * senior) counts for more than the topic does. Pure: vectors in, probabilities out.
 *
 * <p>Learned deterministically (full batch, Adam from zero weights, {@value #ITERATIONS} steps, each class weighted
 * by its rarity, an L2 penalty of {@value #L2}), on features centred and scaled per dimension over the examples.
 * Replayed on the fresh sets' first readings, 100 steps read as 200 did, and a penalty ten times larger or smaller
 * read worse (bench/results/2026-12-05/probe/).
 */
final class LinearProbe {

    static final int ITERATIONS = 100;
    static final double L2 = 0.01;

    private static final double LEARNING_RATE = 0.05;
    private static final ComplaintClass[] CLASSES = ComplaintClass.values();

    /** What the probe reads: the likeliest class and its probability. */
    record Reading(ComplaintClass complaintClass, double probability) {}

    private final double[] mean;
    private final double[] scale;
    /** Per class, a weight per feature and the bias last. */
    private final double[][] weights;

    private LinearProbe(double[] mean, double[] scale, double[][] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /**
     * Learns from these vectors (all of one length) and their classes; null when there is nothing to learn from (no
     * examples, or all of one class).
     */
    static LinearProbe learn(List<float[]> vectors, List<ComplaintClass> classes) {
        return learn(vectors, classes, L2, ITERATIONS);
    }

    /** The same with another penalty and number of steps (to replay others). */
    static LinearProbe learn(List<float[]> vectors, List<ComplaintClass> classes, double l2, int iterations) {
        int n = vectors.size();
        if (n == 0 || classes.stream().distinct().count() < 2) return null;
        int d = vectors.get(0).length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) mean[j] += v[j];
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) scale[j] += (v[j] - mean[j]) * (v[j] - mean[j]);
        }
        for (int j = 0; j < d; j++) scale[j] = 1 / Math.sqrt(scale[j] / n + 1e-8);
        double[][] weights = new double[CLASSES.length][d + 1];
        LinearProbe probe = new LinearProbe(mean, scale, weights);

        double[][] x = new double[n][];
        int[] y = new int[n];
        int[] counts = new int[CLASSES.length];
        for (int i = 0; i < n; i++) {
            x[i] = probe.features(vectors.get(i));
            y[i] = classes.get(i).ordinal();
            counts[y[i]]++;
        }
        double[] weightOf = new double[CLASSES.length];
        for (int c = 0; c < CLASSES.length; c++)
            weightOf[c] = counts[c] == 0 ? 0 : (double) n / (CLASSES.length * counts[c]);

        double[][] first = new double[CLASSES.length][d + 1];
        double[][] second = new double[CLASSES.length][d + 1];
        double[][] gradient = new double[CLASSES.length][d + 1];
        double[] p = new double[CLASSES.length];
        double beta1 = 0.9, beta2 = 0.999;
        for (int step = 1; step <= iterations; step++) {
            for (double[] g : gradient) java.util.Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                probe.probabilities(x[i], p);
                for (int c = 0; c < CLASSES.length; c++) {
                    double error = (p[c] - (c == y[i] ? 1 : 0)) * weightOf[y[i]] / n;
                    double[] g = gradient[c];
                    double[] xi = x[i];
                    for (int j = 0; j <= d; j++) g[j] += error * xi[j];
                }
            }
            double correction1 = 1 - Math.pow(beta1, step);
            double correction2 = 1 - Math.pow(beta2, step);
            for (int c = 0; c < CLASSES.length; c++) {
                for (int j = 0; j <= d; j++) {
                    double g = gradient[c][j] + (j < d ? l2 * weights[c][j] : 0);
                    first[c][j] = beta1 * first[c][j] + (1 - beta1) * g;
                    second[c][j] = beta2 * second[c][j] + (1 - beta2) * g * g;
                    weights[c][j] -= LEARNING_RATE
                            * (first[c][j] / correction1)
                            / (Math.sqrt(second[c][j] / correction2) + 1e-8);
                }
            }
        }
        return probe;
    }

    /** The likeliest class of a vector of the length learned from, and its probability. */
    Reading read(float[] vector) {
        double[] p = new double[CLASSES.length];
        probabilities(features(vector), p);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) best = c;
        }
        return new Reading(CLASSES[best], p[best]);
    }

    private double[] features(float[] v) {
        double[] f = new double[v.length + 1];
        for (int j = 0; j < v.length; j++) f[j] = (v[j] - mean[j]) * scale[j];
        f[v.length] = 1;
        return f;
    }

    /**
     * The probability of each class for these features. The four classes' sums are taken in one pass, each still
     * added in the order of the features (so each sum is the same to the last bit): one sum at a time, each addition
     * waited for the one before, and learning spent 86% of its time here (the accuracy test's 97 readers, each
     * learned without its set, took 225 s with it and 97 s with this and the two languages learned at once).
     */
    private void probabilities(double[] features, double[] p) {
        if (weights.length == 4) {
            double[] w0 = weights[0], w1 = weights[1], w2 = weights[2], w3 = weights[3];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < features.length; j++) {
                double f = features[j];
                s0 += w0[j] * f;
                s1 += w1[j] * f;
                s2 += w2[j] * f;
                s3 += w3[j] * f;
            }
            p[0] = s0;
            p[1] = s1;
            p[2] = s2;
            p[3] = s3;
        } else {
            for (int c = 0; c < p.length; c++) {
                double sum = 0;
                double[] w = weights[c];
                for (int j = 0; j < features.length; j++) sum += w[j] * features[j];
                p[c] = sum;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double sum : p) max = Math.max(max, sum);
        double total = 0;
        for (int c = 0; c < p.length; c++) total += p[c] = Math.exp(p[c] - max);
        for (int c = 0; c < p.length; c++) p[c] /= total;
    }
}

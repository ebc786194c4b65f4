package io.firebreak.feedback.prevention;

import io.firebreak.feedback.FeedbackProperties;
import java.util.Collection;

/**
 * Whether a cause's count in the recent window is a spark (源头火苗): at least the minimum count, and at least
 * {@code zScore} spreads above the daily mean of the baseline days. The spread is never taken below √mean (counts of
 * independent complaints are Poisson-like, so a flat history still has that much noise) nor below the configured
 * floor (so an empty history asks for mean + zScore × floor). Pure: the counts come from {@link CauseCounts}.
 */
final class SparkDetector {

    private final FeedbackProperties.Sparks settings;

    SparkDetector(FeedbackProperties.Sparks settings) {
        this.settings = settings;
    }

    /** The verdict with its numbers, which a prevention action shows (why it was raised). */
    record Verdict(boolean spark, int windowCount, double mean, double spread, double threshold) {}

    /**
     * {@code baselineDaily}: the counts of each baseline day, zeros included. The window is compared with one
     * day's count, scaled to the window's length in days.
     */
    Verdict judge(int windowCount, Collection<Integer> baselineDaily) {
        Level level = level(baselineDaily);
        boolean spark = windowCount >= settings.minCount() && windowCount >= level.threshold();
        return new Verdict(
                spark, windowCount, round(level.expected()), round(level.spread()), round(level.threshold()));
    }

    /**
     * The least count in the window that is a spark over these baseline days, so that a watch need count no further
     * than that.
     */
    int sparksAt(Collection<Integer> baselineDaily) {
        return Math.max(
                settings.minCount(), (int) Math.ceil(level(baselineDaily).threshold()));
    }

    /** The window's expected count, its spread and the count at which it sparks. */
    private record Level(double expected, double spread, double threshold) {}

    private Level level(Collection<Integer> baselineDaily) {
        int n = baselineDaily.size();
        double windowDays = Math.max(settings.window().toMinutes() / 1440.0, 1.0 / 24);
        double mean =
                n == 0 ? 0 : baselineDaily.stream().mapToInt(Integer::intValue).sum() / (double) n;
        double variance = n == 0
                ? 0
                : baselineDaily.stream()
                                .mapToDouble(c -> (c - mean) * (c - mean))
                                .sum()
                        / n;
        // Scaled to the window: mean × days, and for independent days the spread grows with √days.
        double expected = mean * windowDays;
        double spread = Math.max(Math.max(Math.sqrt(variance * windowDays), Math.sqrt(expected)), settings.minSpread());
        return new Level(expected, spread, expected + settings.zScore() * spread);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

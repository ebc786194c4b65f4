package io.firebreak.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Intake latency second by second through a step (each request in the second it was meant to be sent): a step's p99
 * says how long the tail is, this says when it happened — a few bad seconds (a pause, a checkpoint, a compile) or a
 * tail spread over every second — and, by the wall clock, lines them up with the system's own logs.
 */
record TailBySecond(List<Second> seconds) {

    /** One second of the step: from its start, how many requests, and their latency. */
    record Second(long second, Instant start, long count, double p50Ms, double p99Ms, double maxMs) {}

    static TailBySecond of(Map<Long, Histogram> bySecond, long stepStartEpochMillis) {
        List<Second> seconds = new ArrayList<>();
        new TreeMap<>(bySecond)
                .forEach((second, h) -> seconds.add(new Second(
                        second,
                        Instant.ofEpochMilli(stepStartEpochMillis + second * 1000),
                        h.getTotalCount(),
                        h.getValueAtPercentile(50) / 1e6,
                        h.getValueAtPercentile(99) / 1e6,
                        h.getMaxValue() / 1e6)));
        return new TailBySecond(seconds);
    }

    /** The seconds whose own p99 is over the limit. */
    long over(double limitMs) {
        return seconds.stream().filter(s -> s.p99Ms() > limitMs).count();
    }

    /** The {@code n} seconds with the longest p99, longest first, as "+123 s (04:25:13): p99 410 / max 520 ms". */
    String worst(int n) {
        return String.join(
                "; ",
                seconds.stream()
                        .sorted(Comparator.comparingDouble(Second::p99Ms).reversed())
                        .limit(n)
                        .map(s -> String.format(
                                Locale.ROOT,
                                "+%d s (%s): p99 %.0f / max %.0f ms",
                                s.second(),
                                s.start().toString().substring(11, 19),
                                s.p99Ms(),
                                s.maxMs()))
                        .toList());
    }

    /** One line per second: its offset, its start (UTC), requests, p50, p99 and max in ms. */
    String csv() {
        StringBuilder csv = new StringBuilder("second,start_utc,requests,p50_ms,p99_ms,max_ms\n");
        for (Second s : seconds) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%d,%s,%d,%.1f,%.1f,%.1f%n",
                    s.second(),
                    s.start(),
                    s.count(),
                    s.p50Ms(),
                    s.p99Ms(),
                    s.maxMs()));
        }
        return csv.toString();
    }
}

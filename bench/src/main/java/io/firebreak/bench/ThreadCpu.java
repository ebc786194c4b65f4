package io.firebreak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standalone system's CPU by part, from its threads ({@code /proc/<pid>/task/<tid>/stat}, named by the first 15
 * characters of their Java names as Linux keeps them): what the JIT compilers spend beside the pipeline in a fresh
 * JVM's first minutes, what the store, the broker, the two HTTP hops, the consumers and the relays each cost. A thread
 * that ended between two readings loses what it spent since the first (request threads live on in their pools).
 */
final class ThreadCpu {

    /** The JIT compilers' part: a fresh JVM's first minutes, not the pipeline's work. */
    static final String JIT = "JIT compilers";

    /** The parts, in the report's order; a thread whose name none claims is "other". */
    static final List<String> PARTS = List.of(
            JIT,
            "GC and VM",
            "store",
            "Kafka broker",
            "gateway requests",
            "services' requests",
            "consumers",
            "relays and producers",
            "other");

    private ThreadCpu() {}

    /** Thread id → [CPU seconds so far, part index]; empty when /proc cannot be read. */
    static Map<Long, double[]> read(long pid) {
        Map<Long, double[]> threads = new HashMap<>();
        if (pid <= 0) return threads;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) Probes.TICKS_PER_SECOND;
                    threads.put(Long.parseLong(task.getFileName().toString()), new double[] {seconds, partOf(name)});
                } catch (IOException | RuntimeException e) {
                    // the thread ended while it was read
                }
            });
        } catch (IOException | RuntimeException e) {
            // not on Linux, or the process is gone
        }
        return threads;
    }

    /** CPU seconds by part between two readings (a thread started in between counts from its start). */
    static Map<String, Double> since(Map<Long, double[]> before, Map<Long, double[]> after) {
        double[] spent = new double[PARTS.size()];
        after.forEach((tid, now) -> {
            double[] then = before.get(tid);
            spent[(int) now[1]] += Math.max(0, now[0] - (then == null ? 0 : then[0]));
        });
        Map<String, Double> byPart = new LinkedHashMap<>();
        for (int i = 0; i < spent.length; i++) byPart.put(PARTS.get(i), spent[i]);
        return byPart;
    }

    /**
     * Thread names as Linux keeps them (their first 15 characters) and the part each belongs to: the first prefix that
     * a name starts with decides. A listener container's consumer thread is named after its group and topics
     * ("triage-firebreak.intake+…", kept as "triage-firebrea"; "resolution-fire"), so it is found by "-fire" anywhere.
     */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("C1 Compiler", JIT),
            Map.entry("C2 Compiler", JIT),
            Map.entry("GC Thread", "GC and VM"),
            Map.entry("G1 ", "GC and VM"),
            Map.entry("VM ", "GC and VM"),
            Map.entry("Sweeper", "GC and VM"),
            Map.entry("Service Thread", "GC and VM"),
            Map.entry("Monitor Deflat", "GC and VM"),
            Map.entry("mongo-server", "store"),
            Map.entry("H2-", "store"),
            Map.entry("store-", "store"),
            Map.entry("http-nio-8080", "gateway requests"),
            Map.entry("http-nio-", "services' requests"),
            Map.entry("outbox-relay", "relays and producers"),
            Map.entry("kafka-producer", "relays and producers"),
            Map.entry("resolution.answ", "consumers"),
            Map.entry("gateway.webhook", "consumers"),
            Map.entry("kafka-coordinat", "consumers"),
            Map.entry("kafka-admin", "other"),
            Map.entry("kafka-", "Kafka broker"),
            Map.entry("data-plane-kafk", "Kafka broker"),
            Map.entry("controller-", "Kafka broker"),
            Map.entry("broker-", "Kafka broker"),
            Map.entry("group-coordinat", "Kafka broker"),
            Map.entry("share-", "Kafka broker"),
            Map.entry("quorum-", "Kafka broker"),
            Map.entry("raft-", "Kafka broker"),
            Map.entry("executor-", "Kafka broker"),
            Map.entry("ExpirationReape", "Kafka broker"),
            Map.entry("transaction-log", "Kafka broker"),
            Map.entry("persister-", "Kafka broker"),
            Map.entry("network-partiti", "Kafka broker"),
            Map.entry("ReplicaFetcher", "Kafka broker"),
            Map.entry("LogDirFailure", "Kafka broker"));

    /** The part a thread belongs to, by its name as Linux keeps it. */
    static int partOf(String name) {
        String part = name.contains("-fire") ? "consumers" : "other";
        for (Map.Entry<String, String> prefix : PREFIXES) {
            if (name.startsWith(prefix.getKey())) {
                part = prefix.getValue();
                break;
            }
        }
        return PARTS.indexOf(part);
    }
}

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

    /** The parts, in the report's order; a thread whose name none claims is "other". */
    static final List<String> PARTS = List.of(
            "JIT compilers",
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

    /** The part a thread belongs to, by its name as Linux keeps it (at most 15 characters). */
    static int partOf(String name) {
        String part;
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            part = "JIT compilers";
        } else if (name.startsWith("GC Thread")
                || name.startsWith("G1 ")
                || name.startsWith("VM ")
                || name.startsWith("Sweeper")
                || name.startsWith("Service Thread")
                || name.startsWith("Monitor Deflat")) {
            part = "GC and VM";
        } else if (name.startsWith("mongo-server") || name.startsWith("H2-") || name.startsWith("store-")) {
            part = "store";
        } else if (name.startsWith("http-nio-8080")) {
            part = "gateway requests";
        } else if (name.startsWith("http-nio-")) {
            part = "services' requests";
        } else if (name.startsWith("outbox-relay") || name.startsWith("kafka-producer")) {
            part = "relays and producers";
        } else if (name.contains("firebreak.")
                || name.contains("-firebre")
                || name.startsWith("resolution.answ")
                || name.startsWith("gateway.webhook")
                || name.startsWith("kafka-coordinat")) {
            // A listener container's consumer thread is named after its group and topics; the heartbeat thread too.
            part = "consumers";
        } else if (name.startsWith("data-plane-kafk")
                || (name.startsWith("kafka-") && !name.startsWith("kafka-admin"))
                || name.startsWith("controller-")
                || name.startsWith("broker-")
                || name.startsWith("group-coordinat")
                || name.startsWith("share-")
                || name.startsWith("quorum-")
                || name.startsWith("raft-")
                || name.startsWith("executor-")
                || name.startsWith("ExpirationReape")
                || name.startsWith("transaction-log")
                || name.startsWith("persister-")
                || name.startsWith("network-partiti")
                || name.startsWith("ReplicaFetcher")
                || name.startsWith("LogDirFailure")) {
            part = "Kafka broker";
        } else {
            part = "other";
        }
        return PARTS.indexOf(part);
    }
}

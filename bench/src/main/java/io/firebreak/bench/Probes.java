package io.firebreak.bench;

import io.firebreak.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the benchmark reads from outside the services: consumer lag and topic sizes from the broker (Admin API),
 * CPU and memory of the standalone process from {@code /proc} and {@code jcmd}.
 */
final class Probes implements AutoCloseable {

    /** The services' consumer groups (each service's group is its name). */
    static final List<String> GROUPS = List.of("intake", "triage", "resolution", "feedback", "gateway");

    static final long TICKS_PER_SECOND = 100;

    private final Admin admin;
    private final long pid;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<TopicPartition> deadLetterPartitions = new ArrayList<>();

    Probes(String bootstrap, long pid) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(props);
        this.pid = pid;
        try {
            List<String> topics = new ArrayList<>(Topics.ALL);
            Topics.ALL.forEach(t -> topics.add(Topics.deadLetter(t)));
            Map<String, TopicDescription> described =
                    admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            described.forEach((name, d) -> d.partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(name, p.partition());
                (name.endsWith(Topics.DEAD_LETTER_SUFFIX) ? deadLetterPartitions : partitions).add(tp);
            }));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot describe the topics at " + bootstrap, e);
        }
    }

    long pid() {
        return pid;
    }

    /** The end offsets of the given partitions. */
    Map<TopicPartition, Long> endOffsets(List<TopicPartition> of) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        of.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> result = new HashMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
                    admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet()) {
                result.put(e.getKey(), e.getValue().offset());
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read end offsets", e);
        }
    }

    /** Records on the services' four topics so far. */
    long recordsOnTopics() {
        return endOffsets(partitions).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Records on the dead-letter topics so far. */
    long deadLetters() {
        return endOffsets(deadLetterPartitions).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Per group, the records on the topics it reads that it has not yet committed. */
    Map<String, Long> lag() {
        Map<TopicPartition, Long> ends = endOffsets(partitions);
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String group : GROUPS) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                long sum = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    Long end = ends.get(e.getKey());
                    if (end != null && e.getValue() != null)
                        sum += Math.max(0, end - e.getValue().offset());
                }
                lag.put(group, sum);
            } catch (Exception e) {
                lag.put(group, -1L);
            }
        }
        return lag;
    }

    static long totalLag(Map<String, Long> lag) {
        return lag.values().stream().mapToLong(v -> Math.max(0, v)).sum();
    }

    /** CPU seconds (user + system) the process has used so far, from {@code /proc/<pid>/stat}. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3, utime 14 and stime 15 (1-based) of the whole line.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident memory of the process, in MB. */
    static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on Linux, or the process is gone
        }
        return Double.NaN;
    }

    /** Heap in use and committed, in MB, from {@code jcmd <pid> GC.heap_info}; NaN when jcmd is not at hand. */
    double[] heapMegabytes() {
        String out = jcmd("GC.heap_info");
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
        long total = 0;
        long used = 0;
        boolean found = false;
        // G1 prints one "garbage-first heap total ..K, used ..K"; other collectors one line per generation.
        while (m.find()) {
            found = true;
            total += Long.parseLong(m.group(1));
            used += Long.parseLong(m.group(2));
            if (out.contains("garbage-first")) break;
        }
        return found ? new double[] {used / 1024.0, total / 1024.0} : new double[] {Double.NaN, Double.NaN};
    }

    /** Runs {@code jcmd <pid> <command...>} and returns what it printed (empty on failure). */
    String jcmd(String... command) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The standalone system's process: the JVM whose command line names its main class. */
    static long findStandalone() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                            return cmd.contains("io.firebreak.standalone.Firebreak") && !cmd.contains("plexus");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}

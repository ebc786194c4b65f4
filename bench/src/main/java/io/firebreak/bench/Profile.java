package io.firebreak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordedThreadGroup;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of the standalone process during one step, read back: CPU samples by part of the system (each
 * service, the broker and the store run in a thread group of their own) and by thread, the hottest methods, and
 * for each part the Firebreak code the samples were under.
 */
final class Profile {

    private static final int TOP = 15;

    /** Frames kept of each sampled stack. */
    private static final int STACK_DEPTH = 256;

    private final Map<String, Long> byPart = new HashMap<>();
    private final Map<String, Long> byThread = new HashMap<>();
    private final Map<String, Long> selfFrames = new HashMap<>();
    private final Map<String, Map<String, Long>> firebreakFramesByPart = new HashMap<>();
    private final Map<String, Long> blockedByPart = new HashMap<>();
    private final Map<String, Long> byMechanism = new HashMap<>();
    private long samples;

    static boolean start(Probes probes, long seconds, Path file) {
        String out = probes.jcmd(
                "JFR.start",
                "name=bench",
                "settings=profile",
                "duration=" + seconds + "s",
                "filename=" + file.toAbsolutePath());
        System.out.println("JFR: " + out.strip().replace('\n', ' '));
        return out.contains("Started recording");
    }

    /**
     * A recording with the profile's settings over the warm-up, kept nowhere: JFR's first recording in a process is
     * the dear one (it instruments JDK classes, whose callers are compiled again), so the step's recording starts warm.
     */
    static boolean prime(Probes probes) {
        // Before JFR starts, as it cannot be changed after: the services' stacks run deeper than JFR's 64 frames
        // (a request passes some 40 servlet and security filters), and a stack cut at 64 loses the frames that say
        // which request or listener the work was for.
        System.out.println("JFR stack depth: "
                + probes.jcmd("JFR.configure", "stackdepth=" + STACK_DEPTH)
                        .strip()
                        .replace('\n', ' '));
        String out = probes.jcmd("JFR.start", "name=bench-warm-up", "settings=profile");
        System.out.println("JFR over the warm-up: " + out.strip().replace('\n', ' '));
        return out.contains("Started recording");
    }

    static void unprime(Probes probes) {
        probes.jcmd("JFR.stop", "name=bench-warm-up");
    }

    static Profile read(Path file) throws IOException {
        Profile profile = new Profile();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                profile.sample(event);
            } else if (type.equals("jdk.ThreadPark")
                    || type.equals("jdk.SocketRead")
                    || type.equals("jdk.JavaMonitorEnter")) {
                RecordedThread thread = event.getThread();
                String key = part(thread) + " " + type.substring(4);
                profile.blockedByPart.merge(key, event.getDuration().toMillis(), Long::sum);
            }
        }
        return profile;
    }

    private void sample(RecordedEvent event) {
        samples++;
        RecordedThread thread = event.getThread("sampledThread");
        String part = part(thread);
        byPart.merge(part, 1L, Long::sum);
        byThread.merge(part + " / " + threadName(thread), 1L, Long::sum);
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) return;
        List<RecordedFrame> frames = stack.getFrames();
        selfFrames.merge(frame(frames.get(0)), 1L, Long::sum);
        String mechanism = mechanism(frames.stream().map(Profile::frame).toList());
        // The embedded broker runs in threads of its own, through Kafka's Java packages as well as its Scala ones.
        if (part.equals("kafka") && mechanism.equals(KAFKA_CLIENTS)) mechanism = KAFKA_BROKER;
        byMechanism.merge(mechanism, 1L, Long::sum);
        for (RecordedFrame f : frames) {
            String name = frame(f);
            if (name.startsWith("io.firebreak.")) {
                firebreakFramesByPart
                        .computeIfAbsent(part, p -> new HashMap<>())
                        .merge(name, 1L, Long::sum);
                break;
            }
        }
    }

    /**
     * What kind of work a sample is, by the first frame from the innermost outward that belongs to a library or a part
     * of Firebreak (the JDK's own frames are whoever called them): a store command's three sides (the driver in the
     * service, the store's wire, its engine), Kafka's clients and broker, the HTTP stack, observation, JSON, reading
     * text, and the rest.
     */
    static String mechanism(List<String> frames) {
        for (String frame : frames) {
            if (frame.startsWith("java.")
                    || frame.startsWith("jdk.")
                    || frame.startsWith("sun.")
                    || frame.startsWith("javax.")
                    || frame.startsWith("com.sun.")) continue;
            for (String[] kind : MECHANISMS) {
                for (int i = 1; i < kind.length; i++) {
                    if (frame.startsWith(kind[i])) return kind[0];
                }
            }
        }
        return "the JDK alone";
    }

    private static final String KAFKA_BROKER = "Kafka broker";
    private static final String KAFKA_CLIENTS = "Kafka clients";

    /** Each: a name, then the prefixes of the frames that are it; the first that matches wins. */
    private static final String[][] MECHANISMS = {
        {
            "store engine (mongo-java-server, H2, standalone/store)",
            "de.bwaldvogel.",
            "org.h2.",
            "io.firebreak.standalone.store."
        },
        {"store wire (netty)", "io.netty."},
        {
            "store commands, the services' side (MongoDB driver, BSON)",
            "com.mongodb.",
            "org.bson.",
            "io.firebreak.platform.mongo."
        },
        {"JSON (Jackson)", "tools.jackson.", "com.fasterxml."},
        {"observation: tracing and metrics", "io.micrometer.", "io.opentelemetry.", "io.prometheus."},
        {"Spring Security and JWT", "org.springframework.security.", "com.nimbusds."},
        {KAFKA_BROKER, "kafka."},
        {KAFKA_CLIENTS, "org.apache.kafka.", "org.springframework.kafka."},
        {"HTTP client (the gateway's proxy)", "org.apache.hc."},
        {"Tomcat", "org.apache.coyote.", "org.apache.tomcat.", "org.apache.catalina."},
        {"logging", "ch.qos.logback.", "org.slf4j."},
        {"reading text (platform/text)", "io.firebreak.platform.text."},
        {"embeddings (triage's semantic reader)", "ai.djl.", "ai.onnxruntime.", "dev.langchain4j."},
        {"Firebreak, other", "io.firebreak."},
        {"Spring, other", "org.springframework."},
        {"other libraries", ""}
    };

    private static String part(RecordedThread thread) {
        if (thread == null) return "?";
        for (RecordedThreadGroup g = thread.getThreadGroup(); g != null; g = g.getParent()) {
            String name = g.getName();
            if (name != null && !name.equals("main") && !name.equals("system")) return name;
        }
        return "jvm";
    }

    private static String threadName(RecordedThread thread) {
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        // Pool threads by pool: "http-nio-8081-exec-7" and "-exec-3" are one line.
        return name == null ? "?" : name.replaceAll("\\d+$", "N").replaceAll("-\\d+-", "-N-");
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    long samples() {
        return samples;
    }

    Map<String, Long> byPart() {
        return sorted(byPart, 100);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cpuSamples", samples);
        map.put("samplesByPart", sorted(byPart, 100));
        map.put("samplesByThread", sorted(byThread, 25));
        map.put("hottestMethods", sorted(selfFrames, 25));
        map.put("samplesByMechanism", sorted(byMechanism, 100));
        Map<String, Object> perPart = new LinkedHashMap<>();
        sorted(byPart, 100)
                .keySet()
                .forEach(p -> perPart.put(p, sorted(firebreakFramesByPart.getOrDefault(p, Map.of()), 8)));
        map.put("firebreakCodeByPart", perPart);
        map.put("waitingMillisByPart", sorted(blockedByPart, 25));
        return map;
    }

    /** The findings as Markdown. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d CPU samples (JFR `profile` settings).%n%n", samples));
        md.append("| part of the system | share of CPU samples |\n|---|---:|\n");
        sorted(byPart, 100)
                .forEach((k, v) -> md.append(
                        String.format(Locale.ROOT, "| %s | %.1f%% |%n", k, 100.0 * v / Math.max(1, samples))));
        md.append("\n| kind of work (the first library or part of Firebreak from the innermost frame outward)"
                + " | share |\n|---|---:|\n");
        sorted(byMechanism, 100)
                .forEach((k, v) -> md.append(
                        String.format(Locale.ROOT, "| %s | %.1f%% |%n", k, 100.0 * v / Math.max(1, samples))));
        md.append("\n| thread (pool) | share |\n|---|---:|\n");
        sorted(byThread, TOP)
                .forEach((k, v) -> md.append(
                        String.format(Locale.ROOT, "| %s | %.1f%% |%n", k, 100.0 * v / Math.max(1, samples))));
        md.append("\n| hottest methods (self) | share |\n|---|---:|\n");
        sorted(selfFrames, TOP)
                .forEach((k, v) -> md.append(
                        String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", k, 100.0 * v / Math.max(1, samples))));
        md.append("\nFirebreak code on the stack (innermost `io.firebreak` frame), by part:\n\n");
        for (String part : sorted(byPart, 6).keySet()) {
            Map<String, Long> frames = sorted(firebreakFramesByPart.getOrDefault(part, Map.of()), 6);
            if (frames.isEmpty()) continue;
            md.append("- **").append(part).append("**: ");
            List<String> items = new ArrayList<>();
            frames.forEach((k, v) ->
                    items.add(String.format(Locale.ROOT, "`%s` %.1f%%", k, 100.0 * v / Math.max(1, samples))));
            md.append(String.join(", ", items)).append('\n');
        }
        md.append("\n| waiting (thread park, socket read, monitor), summed over threads | seconds |\n|---|---:|\n");
        sorted(blockedByPart, TOP)
                .forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", k, v / 1000.0)));
        return md.toString();
    }

    private static Map<String, Long> sorted(Map<String, Long> map, int limit) {
        Map<String, Long> result = new LinkedHashMap<>();
        map.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    static void awaitFile(Path file, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long lastSize = -1;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (Files.exists(file)) {
                    long size = Files.size(file);
                    if (size > 0 && size == lastSize) return;
                    lastSize = size;
                }
            } catch (IOException e) {
                // written just now
            }
            Thread.sleep(500);
        }
    }
}

package io.firebreak.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line of {@link Bench}; every run is bounded by {@code --max-minutes}. */
record Options(
        URI gateway,
        Path dataDir,
        String kafka,
        String mongo,
        List<Integer> steps,
        Duration stepDuration,
        Duration maxTotal,
        Path out,
        double completeShare,
        double invalidShare,
        double retryShare,
        int maxOutstanding,
        boolean baselines,
        int profileStep,
        long pid,
        int stopAfterFailedSteps,
        Duration warmup,
        int preload) {

    static final String USAGE = """
            Usage: java -jar bench/target/bench.jar [options]   (or bench/run [options])
              --url URL              the gateway (default http://localhost:8080)
              --data DIR             the standalone data directory, for jwt-secret (default data)
              --kafka HOST:PORT      the broker (default localhost:9092)
              --mongo URI            the store (default mongodb://localhost:27017)
              --steps 50,100,...     offered complaints per second, one step each (default 10,25,50,100,200,400,800,1600)
              --step-seconds N       seconds per step (default 30)
              --max-minutes N        the whole run stops after this (default 20)
              --out DIR              where the report goes (default bench-report)
              --complete-share X     share of complaints whose life simulated agents complete (default 0.2)
              --invalid-share X      share of invalid requests (default 0.02)
              --retry-share X        share of requests retried with the same Idempotency-Key (default 0.01)
              --max-outstanding N    requests in flight at most; more are dropped and counted (default 512)
              --no-baselines         skip the Kafka, store and gateway baselines
              --profile-step RATE    record a JFR profile of the system during this step (default: none)
              --pid PID              the standalone system's process (default: found by its main class)
              --stop-after N         stop stepping after N steps in a row that do not sustain (default 2)
              --warmup-seconds N     load at the first step's rate before measuring, not reported (default 30)
              --quick                about three minutes: steps 10,25,50,100 of 15 s, 10 s warm-up, short baselines
              --preload N            instead of a run: fill the system with N complaints, each with its whole life
                                     in every service (a few through the API, the rest copied into the store)
            """;

    static Options parse(String[] args) {
        URI gateway = URI.create("http://localhost:8080");
        Path data = Path.of("data");
        String kafka = "localhost:9092";
        String mongo = "mongodb://localhost:27017";
        List<Integer> steps = List.of(10, 25, 50, 100, 200, 400, 800, 1600);
        Duration step = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(20);
        Path out = Path.of("bench-report");
        double complete = 0.2;
        double invalid = 0.02;
        double retry = 0.01;
        int outstanding = 512;
        boolean baselines = true;
        int profile = -1;
        long pid = -1;
        int stopAfter = 2;
        boolean quick = false;
        java.util.Set<String> given = new java.util.HashSet<>();
        Duration warmup = Duration.ofSeconds(30);
        int preload = 0;
        List<String> list = new ArrayList<>(Arrays.asList(args));
        for (int i = 0; i < list.size(); i++) {
            String name = list.get(i);
            if (name.equals("--quick")) {
                quick = true;
                continue;
            }
            if (name.equals("--no-baselines")) {
                baselines = false;
                continue;
            }
            if (name.equals("--help") || name.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (i + 1 >= list.size()) throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            String value = list.get(++i);
            given.add(name);
            switch (name) {
                case "--url" -> gateway = URI.create(value);
                case "--data" -> data = Path.of(value);
                case "--kafka" -> kafka = value;
                case "--mongo" -> mongo = value;
                case "--steps" ->
                    steps = Arrays.stream(value.split(","))
                            .map(String::strip)
                            .map(Integer::valueOf)
                            .toList();
                case "--step-seconds" -> step = Duration.ofSeconds(Long.parseLong(value));
                case "--max-minutes" -> max = Duration.ofMinutes(Long.parseLong(value));
                case "--out" -> out = Path.of(value);
                case "--complete-share" -> complete = Double.parseDouble(value);
                case "--invalid-share" -> invalid = Double.parseDouble(value);
                case "--retry-share" -> retry = Double.parseDouble(value);
                case "--max-outstanding" -> outstanding = Integer.parseInt(value);
                case "--profile-step" -> profile = Integer.parseInt(value);
                case "--pid" -> pid = Long.parseLong(value);
                case "--stop-after" -> stopAfter = Integer.parseInt(value);
                case "--warmup-seconds" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--preload" -> preload = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
            }
        }
        if (quick) {
            // Shorter everything, unless given explicitly.
            if (!given.contains("--steps")) steps = List.of(10, 25, 50, 100);
            if (!given.contains("--step-seconds")) step = Duration.ofSeconds(15);
            if (!given.contains("--max-minutes")) max = Duration.ofMinutes(5);
            if (!given.contains("--warmup-seconds")) warmup = Duration.ofSeconds(10);
        }
        return new Options(
                gateway,
                data,
                kafka,
                mongo,
                steps,
                step,
                max,
                out,
                complete,
                invalid,
                retry,
                outstanding,
                baselines,
                profile,
                pid,
                stopAfter,
                warmup,
                preload);
    }

    /** Seconds the baselines run each: short in a quick run. */
    Duration baselineDuration() {
        return stepDuration.compareTo(Duration.ofSeconds(20)) < 0 ? Duration.ofSeconds(5) : Duration.ofSeconds(10);
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "steps %s/s, %d s each, at most %d min; lives completed %.0f%%, "
                        + "invalid %.0f%%, retried %.0f%%, at most %d in flight",
                steps,
                stepDuration.toSeconds(),
                maxTotal.toMinutes(),
                completeShare * 100,
                invalidShare * 100,
                retryShare * 100,
                maxOutstanding);
    }
}

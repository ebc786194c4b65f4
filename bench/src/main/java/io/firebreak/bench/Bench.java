package io.firebreak.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * Throughput and latency of the whole pipeline against a running standalone system, beside the ceilings of its
 * own broker, store and gateway measured in the same run. Run from the repository root with {@code bench/run}
 * (see {@link Options#USAGE}); writes {@code report.md}, {@code report.json} and {@code latency.svg}.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = Options.parse(args);
        long began = System.nanoTime();
        long deadline = began + options.maxTotal().toNanos();
        Files.createDirectories(options.out());
        awaitHealthy(options.gateway());
        if (options.preload() > 0) {
            new Preload(options, new Tokens(options.dataDir(), "firebreak")).run(options.preload());
            System.exit(0);
        }
        long pid = options.pid() > 0 ? options.pid() : Probes.findStandalone();
        long benchPid = ProcessHandle.current().pid();
        System.out.println("Firebreak benchmark: " + options.describe());
        System.out.println("System process: " + (pid > 0 ? pid : "not found (no CPU/heap figures)"));
        String runId = Instant.now()
                .truncatedTo(ChronoUnit.SECONDS)
                .toString()
                .replaceAll("[^0-9]", "")
                .substring(2, 12);
        Tokens tokens = new Tokens(options.dataDir(), "firebreak");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runId", runId);
        report.put("startedAt", Instant.now().toString());
        report.put("options", options.describe());
        report.put("machine", machine());
        List<StepResult> steps = new ArrayList<>();
        try (Probes probes = new Probes(options.kafka(), pid);
                Lives lives = new Lives(options.kafka());
                Load load = new Load(options, lives, tokens, runId)) {
            int recordBytes = averageEventBytes();
            if (options.baselines()) {
                System.out.println("Baselines (" + options.baselineDuration().toSeconds() + " s each) ...");
                List<Baselines.Result> results =
                        new Baselines(options, recordBytes, pid, benchPid).runAll(probes.admin(), tokens);
                results.forEach(r -> System.out.printf(
                        Locale.ROOT,
                        "  %-22s %10.0f/s  p50 %7.2f ms  p99 %7.2f ms  CPU %.3f + %.3f ms a %s%n",
                        r.name(),
                        r.perSecond(),
                        r.p50Ms(),
                        r.p99Ms(),
                        r.systemCpuMsPerUnit(),
                        r.clientCpuMsPerUnit(),
                        r.unit()));
                report.put(
                        "baselines",
                        results.stream().map(Baselines.Result::toMap).toList());
            }
            if (!options.warmup().isZero() && !options.steps().isEmpty()) {
                // The system's JIT and pools warm up at the first step's rate; nothing of it is reported.
                System.out.println("Warm-up: " + options.steps().get(0) + "/s for "
                        + options.warmup().toSeconds() + " s ...");
                // JFR's first recording in a process rewrites JDK classes for its events, and the JIT compiles
                // again what used them: seconds of a stalled system, kept out of the profiled step.
                boolean primed = options.profileStep() > 0 && Profile.prime(probes);
                load.run(-1, options.steps().get(0), options.warmup(), new Load.StepCounts());
                if (primed) Profile.unprime(probes);
                settle(lives, load, probes, System.nanoTime() + 20_000_000_000L);
            }
            int failedInARow = 0;
            StoreCommands storeCommands = new StoreCommands(options.gateway(), tokens);
            StoreCosts storeCosts = new StoreCosts(options.mongo());
            long recordsBefore = probes.recordsOnTopics();
            for (int i = 0; i < options.steps().size(); i++) {
                int rate = options.steps().get(i);
                long needed = options.stepDuration().toNanos()
                        + Duration.ofSeconds(20).toNanos();
                if (System.nanoTime() + needed > deadline) {
                    System.out.println("Out of time (--max-minutes): no step at " + rate + "/s");
                    break;
                }
                StepResult step = runStep(
                        options, i, rate, probes, lives, load, storeCommands, storeCosts, pid, benchPid, deadline);
                steps.add(step);
                System.out.printf(
                        Locale.ROOT,
                        "step %4d/s: intake %.0f/s p50 %.1f p99 %.1f p99.9 %.1f ms, assigned "
                                + "%.0f/s, lag end %d (max %d, flat %s), dropped %d, failed %d, CPU %.2f cores, "
                                + "heap %.0f MB -> %s%n",
                        rate,
                        step.achievedIntake,
                        step.intakeP50,
                        step.intakeP99,
                        step.intakeP999,
                        step.achievedAssigned,
                        step.lagEnd,
                        step.lagMax,
                        step.lagFlat,
                        step.dropped,
                        step.failed,
                        step.cpuCores,
                        step.heapUsedMb,
                        step.sustained ? "sustained" : "NOT sustained");
                failedInARow = step.sustained ? 0 : failedInARow + 1;
                if (failedInARow >= options.stopAfterFailedSteps()) {
                    System.out.println("Stopping: " + failedInARow + " steps in a row not sustained");
                    break;
                }
            }
            storeCosts.close();
            // Let every life finish: all accepted complaints assigned, the chosen ones closed (bounded).
            System.out.println("Waiting for the pipeline to settle ...");
            settle(lives, load, probes, Math.min(deadline + 60_000_000_000L, System.nanoTime() + 90_000_000_000L));
            lifecycle(steps, lives);
            long records = probes.recordsOnTopics() - recordsBefore;
            List<String> ids = lives.submitted().stream().map(l -> l.id).toList();
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("submitted", steps.stream().mapToLong(s -> s.submitted).sum());
            counts.put("accepted", steps.stream().mapToLong(s -> s.accepted).sum());
            counts.put("rejected", steps.stream().mapToLong(s -> s.rejected).sum());
            counts.put("failed", steps.stream().mapToLong(s -> s.failed).sum());
            counts.put(
                    "droppedBySender", steps.stream().mapToLong(s -> s.dropped).sum());
            counts.putAll(Report.requestDetail(load));
            counts.put("acceptedIdsTracked", (long) ids.size());
            counts.put(
                    "assigned",
                    lives.submitted().stream().filter(l -> l.assignedNanos != 0).count());
            counts.put(
                    "livesToComplete",
                    lives.submitted().stream().filter(l -> l.complete).count());
            counts.put(
                    "closed",
                    lives.submitted().stream().filter(l -> l.closedNanos != 0).count());
            counts.put(
                    "phantomReceivedEvents",
                    lives.submitted().stream()
                            .mapToLong(l -> l.phantomReceived.get())
                            .sum());
            counts.put("agentActions", load.agentActions());
            counts.put("agentFailures", load.agentFailures());
            counts.put("kafkaRecordsDuringSteps", records);
            Map<String, Object> conservation =
                    Conservation.check(options.mongo(), ids, load.unsure(), load.orderPrefix(), counts);
            report.put("conservation", conservation);
            report.put(
                    "agentApiMs",
                    Map.of(
                            "p50",
                            StepResult.ms(load.agentLatency(), 50),
                            "p99",
                            StepResult.ms(load.agentLatency(), 99)));
            report.put(
                    "kafkaRecordsPerAcceptedComplaint",
                    counts.get("accepted") == 0 ? 0 : (double) records / counts.get("accepted"));
        }
        report.put("steps", steps.stream().map(StepResult::toMap).toList());
        report.put("finishedAt", Instant.now().toString());
        report.put("tookSeconds", (System.nanoTime() - began) / 1e9);
        Report.write(options, report, steps);
        System.out.println("Report: " + options.out().toAbsolutePath().resolve("report.md"));
        System.exit(0);
    }

    private static StepResult runStep(
            Options options,
            int index,
            int rate,
            Probes probes,
            Lives lives,
            Load load,
            StoreCommands storeCommands,
            StoreCosts storeCosts,
            long pid,
            long benchPid,
            long deadline)
            throws Exception {
        StepResult r = new StepResult();
        r.step = index;
        r.offered = rate;
        System.out.printf(
                Locale.ROOT,
                "step %d/s for %d s ...%n",
                rate,
                options.stepDuration().toSeconds());
        Map<String, Long> lagStart = probes.lag();
        r.lagStart = Probes.totalLag(lagStart);
        long deadBefore = probes.deadLetters();
        long recordsBefore = probes.recordsOnTopics();
        Map<String, Long> storeBefore = storeCommands.read();
        Map<String, Double> storeCpuBefore = storeCosts.read();
        long agentActionsBefore = load.agentActions();
        double cpuBefore = Probes.cpuSeconds(pid);
        Map<Long, double[]> threadsBefore = ThreadCpu.read(pid);
        double benchCpuBefore = Probes.cpuSeconds(benchPid);
        long assignedBefore = lives.assignedCount();
        Path jfr = options.out().resolve("profile-" + rate + ".jfr");
        boolean profiling = options.profileStep() == rate
                && Profile.start(probes, options.stepDuration().toSeconds(), jfr);
        AtomicBoolean sampling = new AtomicBoolean(true);
        long t0 = System.nanoTime();
        Thread sampler = new Thread(
                () -> {
                    while (sampling.get()) {
                        try {
                            long total = Probes.totalLag(probes.lag());
                            synchronized (r) {
                                r.lagSamples.add(new long[] {(System.nanoTime() - t0) / 1_000_000, total});
                            }
                        } catch (RuntimeException e) {
                            if (!sampling.get()) return;
                        }
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-lag");
        sampler.setDaemon(true);
        sampler.start();
        Load.StepCounts counts = load.run(index, rate, options.stepDuration(), new Load.StepCounts());
        long sendEnd = System.nanoTime();
        double window = (sendEnd - counts.sendStartNanos) / 1e9;
        // Assignments lag submissions by a little: count them over the window moved by half a second.
        Thread.sleep(500);
        long assignedInWindow = lives.assignedCount() - assignedBefore;
        double cpuAfter = Probes.cpuSeconds(pid);
        double benchCpuAfter = Probes.cpuSeconds(benchPid);
        sampling.set(false);
        sampler.interrupt();
        sampler.join(5000);
        Map<String, Long> lagEnd = probes.lag();
        long recordsInWindow = probes.recordsOnTopics() - recordsBefore;
        double[] heap = probes.heapMegabytes();
        r.rssMb = Probes.rssMegabytes(pid);
        r.cpuCores = (cpuAfter - cpuBefore) / (window + 0.5);
        r.benchCpuCores = (benchCpuAfter - benchCpuBefore) / (window + 0.5);
        r.heapUsedMb = heap[0];
        r.heapCommittedMb = heap[1];
        r.lagEnd = Probes.totalLag(lagEnd);
        r.lagEndByGroup = lagEnd;
        synchronized (r) {
            r.lagMax = Math.max(
                    r.lagEnd, r.lagSamples.stream().mapToLong(s -> s[1]).max().orElse(0));
            r.lagSlope = slope(r.lagSamples);
        }
        // Flat: over the step the backlog grew by less than half a second's worth of offered load, counted as the
        // lag is, in records: half a second of the records the step's load produced (each complaint makes several,
        // and each group's lag counts the records it has yet to read). Committed offsets trail by up to the
        // consumers' commit interval and a poll's wait, so the samples swing by about that much around their mean.
        r.lagFlat = r.lagSlope * window <= Math.max(50, recordsInWindow / window / 2.0);
        // Drain before the next step, so each step starts from an empty pipeline (bounded).
        long drainStart = System.nanoTime();
        long drainUntil = Math.min(
                deadline,
                drainStart + Math.max(15_000_000_000L, options.stepDuration().toNanos()));
        while (System.nanoTime() < drainUntil && (load.inFlight() > 0 || Probes.totalLag(probes.lag()) > 0)) {
            Thread.sleep(250);
        }
        r.drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        double cpuDrained = Probes.cpuSeconds(pid);
        Map<String, Double> cpuByPart = ThreadCpu.since(threadsBefore, ThreadCpu.read(pid));
        Map<String, Long> storeSent = StoreCommands.since(storeBefore, storeCommands.read());
        Map<String, Double> storeSpent = StoreCosts.since(storeCpuBefore, storeCosts.read());
        r.deadLetters = probes.deadLetters() - deadBefore;
        r.kafkaRecords = probes.recordsOnTopics() - recordsBefore;
        r.seconds = window;
        r.submitted = counts.submitted.get();
        r.accepted = counts.accepted.get() + counts.merged.get();
        r.rejected = counts.rejected();
        r.failed = counts.failed.get()
                + Math.max(
                        0,
                        counts.submitted.get()
                                - counts.accepted.get()
                                - counts.merged.get()
                                - counts.rejected()
                                - counts.failed.get());
        r.dropped = counts.dropped.get();
        r.perComplaint(
                cpuDrained - cpuBefore,
                cpuByPart,
                storeSent,
                storeSpent,
                counts.submitted.get() + load.agentActions() - agentActionsBefore);
        r.achievedIntake = counts.accepted.get() / window;
        r.achievedAssigned = assignedInWindow / window;
        Histogram intake = counts.intakeLatency;
        r.intakeP50 = StepResult.ms(intake, 50);
        r.intakeP99 = StepResult.ms(intake, 99);
        r.intakeP999 = StepResult.ms(intake, 99.9);
        r.intakeMax = intake.getTotalCount() == 0 ? Double.NaN : intake.getMaxValue() / 1e6;
        r.senderLateMaxMs = counts.lateNanosMax / 1e6;
        TailBySecond tail = TailBySecond.of(counts.intakeBySecond, counts.sendStartEpochMillis);
        r.secondsMeasured = tail.seconds().size();
        r.secondsOverGoal = tail.over(StepResult.INTAKE_P99_LIMIT_MS);
        r.worstSeconds = tail.worst(3);
        try {
            Files.writeString(options.out().resolve("intake-by-second-" + rate + ".csv"), tail.csv());
        } catch (IOException e) {
            System.err.println("Cannot write the step's latency by second: " + e);
        }
        Report.STEP_COUNTS.put(index, counts);
        long unexpectedRejections =
                counts.rejectedRateLimited.get() + counts.rejectedServerError.get() + counts.rejectedOther.get();
        double validShare = 1 - options.invalidShare();
        r.keptUp = r.lagFlat
                && r.dropped == 0
                && r.failed == 0
                && unexpectedRejections == 0
                && r.achievedAssigned >= 0.95 * rate * validShare;
        r.sustained = r.keptUp && r.intakeP99 < StepResult.INTAKE_P99_LIMIT_MS;
        if (profiling) {
            Profile.awaitFile(jfr, 30_000);
            try {
                Profile profile = Profile.read(jfr);
                Report.PROFILE.put(rate, profile);
                Files.writeString(
                        options.out().resolve("profile-" + rate + ".md"),
                        "# Where the time goes at " + rate + " complaints/s\n\n" + profile.markdown());
            } catch (IOException e) {
                System.err.println("Cannot read the JFR recording " + jfr + ": " + e);
            }
        }
        return r;
    }

    /** Fills in each step's lifecycle latencies from the lives it submitted, once they have run their course. */
    private static void lifecycle(List<StepResult> steps, Lives lives) {
        for (StepResult r : steps) {
            Histogram received = hist();
            Histogram assigned = hist();
            Histogram receivedToAssigned = hist();
            Histogram closed = hist();
            for (Lives.Life l : lives.submitted()) {
                if (l.step != r.step) continue;
                if (l.kind != null) r.intendedMix.merge(l.kind.name(), 1L, Long::sum);
                if (l.classifiedAs != null) r.classifiedMix.merge(l.classifiedAs, 1L, Long::sum);
                if (l.receivedNanos != 0) received.recordValue(Math.max(0, l.receivedNanos - l.intendedNanos));
                if (l.assignedNanos != 0) {
                    r.assigned++;
                    assigned.recordValue(Math.max(0, l.assignedNanos - l.intendedNanos));
                    if (l.receivedNanos != 0) {
                        receivedToAssigned.recordValue(Math.max(0, l.assignedNanos - l.receivedNanos));
                    }
                } else {
                    r.notAssigned++;
                }
                if (l.complete) r.completeChosen++;
                if (l.closedNanos != 0) {
                    r.closed++;
                    closed.recordValue(Math.max(0, l.closedNanos - l.intendedNanos));
                }
            }
            r.receivedP50 = StepResult.ms(received, 50);
            r.receivedP99 = StepResult.ms(received, 99);
            r.assignedP50 = StepResult.ms(assigned, 50);
            r.assignedP99 = StepResult.ms(assigned, 99);
            r.receivedToAssignedP50 = StepResult.ms(receivedToAssigned, 50);
            r.receivedToAssignedP99 = StepResult.ms(receivedToAssigned, 99);
            r.closedP50 = StepResult.ms(closed, 50);
            r.closedP99 = StepResult.ms(closed, 99);
        }
    }

    private static void settle(Lives lives, Load load, Probes probes, long until) throws InterruptedException {
        while (System.nanoTime() < until) {
            List<Lives.Life> all = lives.submitted();
            boolean assigned = all.stream().allMatch(l -> l.assignedNanos != 0);
            boolean closed = all.stream().filter(l -> l.complete).allMatch(l -> l.closedNanos != 0);
            if (assigned
                    && closed
                    && load.inFlight() == 0
                    && load.agentBacklog() == 0
                    && Probes.totalLag(probes.lag()) == 0) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private static Histogram hist() {
        return new Histogram(3_600_000_000_000L, 3);
    }

    /** Least-squares slope of lag over time, records per second. */
    static double slope(List<long[]> samples) {
        int n = samples.size();
        if (n < 3) return 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (long[] s : samples) {
            double x = s[0] / 1000.0;
            sx += x;
            sy += s[1];
            sxx += x * x;
            sxy += x * s[1];
        }
        double d = n * sxx - sx * sx;
        return d == 0 ? 0 : (n * sxy - sx * sy) / d;
    }

    /** The size of a complaint.received event of the mix, for the baselines' records and documents. */
    private static int averageEventBytes() {
        Texts texts = new Texts();
        SplittableRandom random = new SplittableRandom(1);
        long sum = 0;
        for (int i = 0; i < 200; i++) {
            sum += texts.next(random, Texts.Kind.values()[i % 4], i % 2 == 0)
                    .body()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    .length;
        }
        // The event's other fields (ids, channel, masked contact, emotion, stage, times): about 400 bytes.
        return (int) (sum / 200) + 400;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try {
            m.put(
                    "loadAverageAtStart",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } catch (RuntimeException e) {
            // not available
        }
        return m;
    }

    private static void awaitHealthy(URI gateway) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = gateway.resolve("/actuator/health");
        for (int i = 0; i < 20; i++) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        System.err.println("The system at " + gateway + " is not healthy. Start it first: "
                + "./mvnw -pl standalone -am spring-boot:run");
        System.exit(2);
    }
}

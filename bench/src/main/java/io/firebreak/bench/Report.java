package io.firebreak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code report.md}, {@code report.json} and {@code latency.svg}. */
final class Report {

    static final Map<Integer, Load.StepCounts> STEP_COUNTS = new ConcurrentHashMap<>();
    static final Map<Integer, Profile> PROFILE = new ConcurrentHashMap<>();
    /** CPU a complaint may cost for 500 a second on two cores, with room for the rest of the machine. */
    private static final double GOAL_CPU_MS = 3;
    /** The store's dearest commands named per step in the cost table. */
    private static final int DEAREST_STORE_COMMANDS = 8;

    private Report() {}

    /** The request outcomes over all steps, in detail. */
    static Map<String, Long> requestDetail(Load load) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("rejectedInvalid", sum(c -> c.rejectedInvalid.get()));
        m.put("rejectedRateLimited", sum(c -> c.rejectedRateLimited.get()));
        m.put("rejectedServerError", sum(c -> c.rejectedServerError.get()));
        m.put("rejectedOther", sum(c -> c.rejectedOther.get()));
        m.put("invalidSent", sum(c -> c.invalidSent.get()));
        m.put("invalidAccepted", sum(c -> c.invalidAccepted.get()));
        m.put("merged", sum(c -> c.merged.get()));
        m.put("retries", sum(c -> c.retries.get()));
        m.put("retriesAnsweredWithTheSameComplaint", sum(c -> c.retriesSameAnswer.get()));
        m.put("retriesAnsweredOtherwise", sum(c -> c.retriesOtherAnswer.get()));
        return m;
    }

    private static long sum(java.util.function.ToLongFunction<Load.StepCounts> f) {
        return STEP_COUNTS.values().stream().mapToLong(f).sum();
    }

    static void write(Options options, Map<String, Object> report, List<StepResult> steps) throws IOException {
        StepResult sustained = null;
        for (StepResult s : steps) {
            if (s.sustained && (sustained == null || s.offered > sustained.offered)) sustained = s;
        }
        StepResult keptUp = null;
        for (StepResult s : steps) {
            if (s.keptUp && (keptUp == null || s.offered > keptUp.offered)) keptUp = s;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sustainedPerSecond", sustained == null ? 0 : sustained.offered);
        summary.put("keptUpPerSecond", keptUp == null ? 0 : keptUp.offered);
        summary.put(
                "sustainedRule",
                "the highest step with intake p99 < 50 ms, consumer lag flat (grew by less "
                        + "than half a second of offered load over the step: half the records its load produced in a "
                        + "second), no drops, failures or unexpected rejections, "
                        + "and at least 95% of valid complaints assigned within the step");
        StepResult at70 = null;
        if (sustained != null) {
            for (StepResult s : steps) {
                if (s.offered <= 0.7 * sustained.offered && (at70 == null || s.offered > at70.offered)) at70 = s;
            }
        }
        if (keptUp != null) {
            summary.put("cpuMsPerComplaintAtKeptUp", keptUp.cpuMsPerComplaint);
            summary.put("storeCommandsPerComplaintAtKeptUp", keptUp.storeCommandsPerComplaint);
            summary.put("storeCpuMsPerComplaintAtKeptUp", keptUp.storeCpuMsPerComplaint);
            summary.put("cpuMsPerComplaintByPartAtKeptUp", keptUp.cpuMsPerComplaintByPart);
        }
        // Counted at the sustained step, or else the highest kept up with, or else the first: what a complaint
        // needs of each mechanism hardly depends on the rate.
        Optional<Floor> floor = floor(
                report,
                sustained != null ? sustained : keptUp != null ? keptUp : steps.isEmpty() ? null : steps.get(0));
        floor.ifPresent(f -> summary.put("floor", f.toMap(cores(report))));
        summary.put("goalSustained500", sustained != null && sustained.offered >= 500);
        summary.put("stepAt70PercentOfSustained", at70 == null ? null : at70.offered);
        summary.put("goalIntakeP99Under50At70Percent", at70 != null && at70.intakeP99 < 50);
        summary.put("goalAssignedP99Under250AtSustained", sustained != null && sustained.assignedP99 < 250);
        if (!PROFILE.isEmpty()) {
            Map<String, Object> profiles = new LinkedHashMap<>();
            PROFILE.forEach((rate, p) -> profiles.put(Integer.toString(rate), p.toMap()));
            report.put("profile", profiles);
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("summary", summary);
        ordered.putAll(report);
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(options.out().resolve("report.json"), json.writeValueAsString(ordered));
        Files.writeString(options.out().resolve("latency.svg"), svg(steps));
        Files.writeString(
                options.out().resolve("report.md"), markdown(ordered, summary, steps, sustained, at70, keptUp, floor));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Floor> floor(Map<String, Object> report, StepResult reference) {
        return Floor.of((List<Map<String, Object>>) report.get("baselines"), reference);
    }

    @SuppressWarnings("unchecked")
    private static int cores(Map<String, Object> report) {
        return ((Number) ((Map<String, Object>) report.get("machine")).get("cores")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static String markdown(
            Map<String, Object> report,
            Map<String, Object> summary,
            List<StepResult> steps,
            StepResult sustained,
            StepResult at70,
            StepResult keptUp,
            Optional<Floor> floor) {
        StringBuilder md = new StringBuilder();
        md.append("# Firebreak benchmark\n\n");
        md.append("Run ")
                .append(report.get("runId"))
                .append(", ")
                .append(report.get("startedAt"))
                .append(" to ")
                .append(report.get("finishedAt"))
                .append(String.format(Locale.ROOT, " (%.0f s). ", (Double) report.get("tookSeconds")));
        md.append("Machine: ")
                .append(report.get("machine"))
                .append(". Load: ")
                .append(report.get("options"))
                .append(".\n\n");
        md.append("![latency against offered load](latency.svg)\n\n");
        md.append("## Summary\n\n");
        md.append(String.format(
                Locale.ROOT,
                "- **Sustained rate: %s** (%s).%n",
                sustained == null ? "none of the steps" : sustained.offered + " complaints/s",
                summary.get("sustainedRule")));
        md.append(String.format(
                Locale.ROOT,
                "- Highest step the pipeline kept up with, whatever the latency (lag flat, "
                        + "valid complaints assigned, nothing dropped or failed): **%s**%s.%n",
                keptUp == null ? "none" : keptUp.offered + " complaints/s",
                keptUp == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " (intake p99 %s ms, → ASSIGNED p99 %s ms)",
                                f(keptUp.intakeP99),
                                f(keptUp.assignedP99))));
        md.append(String.format(
                Locale.ROOT,
                "- Goal: at least 500/s classified and assigned: **%s**.%n",
                yes(summary.get("goalSustained500"))));
        md.append(String.format(
                Locale.ROOT,
                "- Goal: intake p99 < 50 ms at 70%% of the sustained rate (step %s/s: " + "p99 %s ms): **%s**.%n",
                at70 == null ? "-" : at70.offered,
                at70 == null ? "-" : f(at70.intakeP99),
                yes(summary.get("goalIntakeP99Under50At70Percent"))));
        md.append(String.format(
                Locale.ROOT,
                "- Goal: intake → ASSIGNED p99 < 250 ms (at the sustained rate: %s ms): " + "**%s**.%n",
                sustained == null ? "-" : f(sustained.assignedP99),
                yes(summary.get("goalAssignedP99Under250AtSustained"))));
        Object perComplaint = report.get("kafkaRecordsPerAcceptedComplaint");
        if (perComplaint != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "- Kafka records per accepted complaint (all four topics): %.2f.%n",
                    ((Number) perComplaint).doubleValue()));
        }
        if (keptUp != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "- Cost per complaint at %d/s (highest step kept up with): **%s ms of "
                            + "CPU** (the store's engine %s ms of it, the JIT compilers %s), %s store commands, %s Kafka "
                            + "records, %s API requests (see Cost per complaint).%n",
                    keptUp.offered,
                    f(keptUp.cpuMsPerComplaint),
                    f(keptUp.storeCpuMsPerComplaint),
                    f(keptUp.cpuMsPerComplaintByPart.getOrDefault(ThreadCpu.PARTS.get(0), Double.NaN)),
                    f(keptUp.storeCommandsPerComplaint),
                    f(keptUp.kafkaRecordsPerComplaint),
                    f(keptUp.apiRequestsPerComplaint)));
        }
        md.append("\n## Per step\n\n");
        md.append(
                "| offered/s | achieved intake/s | assigned/s | intake p50 / p99 / p99.9 ms | → ASSIGNED p50 / p99 ms "
                        + "| → CLOSED p50 / p99 ms (n) | lag end (max) | dead letters | dropped / failed | CPU cores "
                        + "(bench) | heap MB | sustained |\n");
        md.append("|---:|---:|---:|---|---|---|---|---:|---|---|---:|---|\n");
        for (StepResult s : steps) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %.0f | %.0f | %s / %s / %s | %s / %s | %s / %s (%d) | %d (%d) "
                            + "| %d | %d / %d | %.2f (%.2f) | %.0f | %s |%n",
                    s.offered,
                    s.achievedIntake,
                    s.achievedAssigned,
                    f(s.intakeP50),
                    f(s.intakeP99),
                    f(s.intakeP999),
                    f(s.assignedP50),
                    f(s.assignedP99),
                    f(s.closedP50),
                    f(s.closedP99),
                    s.closed,
                    s.lagEnd,
                    s.lagMax,
                    s.deadLetters,
                    s.dropped,
                    s.failed,
                    s.cpuCores,
                    s.benchCpuCores,
                    s.heapUsedMb,
                    s.sustained ? "yes" : "no"));
        }
        md.append("\n## Cost per complaint\n\nEach step from its start until the pipeline had drained after it, "
                + "divided by the complaints it accepted: the system's CPU, the commands its parts sent to their "
                + "stores (as their MongoDB drivers count them), the Kafka records on the four topics, and the API "
                + "requests (submissions and the simulated agents' actions; each is two HTTP hops, client → "
                + "gateway → service). The goal of 500/s on two cores is ≤ 3 ms of CPU. The store's CPU is what the "
                + "embedded store's engine spent on the commands, as it measures it (the threads that ran them): "
                + "part of the system's CPU, by database, collection and command, the dearest first.\n\n");
        md.append("| offered/s | CPU ms | store commands | Kafka records | API requests | store commands by part, "
                + "collection and command (most first) | store CPU ms | store CPU ms by database, collection and command (most "
                + "first) |\n|---:|---:|---:|---:|---:|---|---:|---|\n");
        for (StepResult s : steps) {
            StringBuilder kinds = new StringBuilder();
            s.storeCommandsPerComplaintByKind.forEach((kind, n) -> kinds.append(kinds.isEmpty() ? "" : ", ")
                    .append(kind)
                    .append(String.format(Locale.ROOT, " %.2f", n)));
            StringBuilder dearest = new StringBuilder();
            s.storeCpuMsPerComplaintByKind.entrySet().stream()
                    .limit(DEAREST_STORE_COMMANDS)
                    .forEach(e -> dearest.append(dearest.isEmpty() ? "" : ", ")
                            .append(e.getKey())
                            .append(String.format(Locale.ROOT, " %.3f", e.getValue())));
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    s.offered,
                    f(s.cpuMsPerComplaint),
                    f(s.storeCommandsPerComplaint),
                    f(s.kafkaRecordsPerComplaint),
                    f(s.apiRequestsPerComplaint),
                    kinds.isEmpty() ? "-" : kinds,
                    f(s.storeCpuMsPerComplaint),
                    dearest.isEmpty() ? "-" : dearest));
        }
        if (steps.stream().anyMatch(s -> !s.cpuMsPerComplaintByPart.isEmpty())) {
            md.append("\nThe same CPU by part, from the system's threads (`/proc/<pid>/task`, by their names), ms per "
                    + "complaint: the JIT compilers are a fresh JVM's first minutes (they compile what the load "
                    + "runs, then fall quiet), the rest is the pipeline's. The gateway's and the services' requests are "
                    + "their HTTP threads (the work a request does there, its store calls' client side included); the "
                    + "consumers are the listener threads; the store is its wire protocol and engine.\n\n");
            md.append("| offered/s |");
            ThreadCpu.PARTS.forEach(part -> md.append(' ').append(part).append(" |"));
            md.append("\n|---:|");
            ThreadCpu.PARTS.forEach(part -> md.append("---:|"));
            md.append('\n');
            for (StepResult s : steps) {
                md.append("| ").append(s.offered).append(" |");
                ThreadCpu.PARTS.forEach(part -> md.append(' ')
                        .append(f(s.cpuMsPerComplaintByPart.getOrDefault(part, Double.NaN)))
                        .append(" |"));
                md.append('\n');
            }
        }
        md.append("\nIntake latency second by second (each request in the second it was meant to go; the series is in "
                + "`intake-by-second-<rate>.csv`, by the wall clock too, to line up with the system's logs):\n\n");
        md.append("| offered/s | seconds with p99 over " + f(StepResult.INTAKE_P99_LIMIT_MS)
                + " ms | the worst seconds |\n|---:|---:|---|\n");
        for (StepResult s : steps) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %d of %d | %s |%n",
                    s.offered,
                    s.secondsOverGoal,
                    s.secondsMeasured,
                    s.worstSeconds));
        }
        md.append("\nStages (from this process's clock): submission → `complaint.received` on `firebreak.intake`, "
                + "and `complaint.received` → `responsibility.assigned` on `firebreak.triage`:\n\n");
        md.append("| offered/s | → received p50 / p99 ms | received → assigned p50 / p99 ms | lag at the end by group "
                + "| not assigned | drain s | sender late max ms | intended mix | classified mix |\n"
                + "|---:|---|---|---|---:|---:|---:|---|---|\n");
        for (StepResult s : steps) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %s / %s | %s / %s | %s | %d | %.1f | %.1f | %s | %s |%n",
                    s.offered,
                    f(s.receivedP50),
                    f(s.receivedP99),
                    f(s.receivedToAssignedP50),
                    f(s.receivedToAssignedP99),
                    s.lagEndByGroup,
                    s.notAssigned,
                    s.drainSeconds,
                    s.senderLateMaxMs,
                    s.intendedMix,
                    s.classifiedMix));
        }
        List<Map<String, Object>> baselines = (List<Map<String, Object>>) report.get("baselines");
        if (baselines != null) {
            md.append("\n## Ceilings measured in the same run\n\n");
            md.append("| baseline | what | per second | p50 ms | p99 ms | CPU ms a unit: system + client |\n"
                    + "|---|---|---:|---:|---:|---|\n");
            for (Map<String, Object> b : baselines) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.0f | %s | %s | %s |%n",
                        b.get("name"),
                        b.get("what"),
                        ((Number) b.get("perSecond")).doubleValue(),
                        f((Double) b.get("p50Ms")),
                        f((Double) b.get("p99Ms")),
                        b.containsKey("unit") ? unitCost(b) : "-"));
            }
            md.append("\nCPU: the system process and this one over the measured phase (`/proc/<pid>/stat`), the JIT "
                    + "compilers' threads left out, each process's idle rate (5 s measured before the baselines) taken "
                    + "off; the system's by part from its threads' names, idle included.\n");
            StepResult reference = sustained != null ? sustained : keptUp;
            if (reference != null && perComplaint != null) {
                md.append(
                        sustained != null
                                ? "\nThe pipeline at its sustained rate, as a share of each ceiling:\n\n"
                                : "\nNo step was sustained; the pipeline at the highest step it kept up with, as a share of each "
                                        + "ceiling:\n\n");
                double recordsPerComplaint = ((Number) perComplaint).doubleValue();
                for (Map<String, Object> b : baselines) {
                    double per = ((Number) b.get("perSecond")).doubleValue();
                    String name = (String) b.get("name");
                    double use;
                    String how;
                    if (name.startsWith("kafka")) {
                        use = reference.offered * recordsPerComplaint;
                        how = String.format(
                                Locale.ROOT,
                                "%.0f records/s (%d complaints/s × %.2f records)",
                                use,
                                reference.offered,
                                recordsPerComplaint);
                    } else if (name.startsWith("store")) {
                        use = reference.offered;
                        how = reference.offered + " complaints/s (each several writes in four databases)";
                    } else {
                        use = reference.offered;
                        how = reference.offered + " submissions/s";
                    }
                    md.append(String.format(
                            Locale.ROOT, "- %s: %s = %.1f%% of %.0f/s%n", name, how, 100 * use / per, per));
                }
            }
        }
        floor.ifPresent(f -> md.append(floorSection(f, cores(report))));
        Map<String, Object> conservation = (Map<String, Object>) report.get("conservation");
        if (conservation != null) {
            md.append("\n## Conservation\n\n");
            md.append(String.format(
                    Locale.ROOT,
                    "**%s**: submitted %s = accepted %s + rejected %s. Accepted: %s answered "
                            + "2xx, %s stored although the answer was an error or a timeout (the store was asked by "
                            + "order reference). Rejected: %s answered 400/422 to invalid requests, %s not stored after an "
                            + "error answer or a timeout. Stored for this run: %s; lost %s; duplicated %s; phantom events "
                            + "%s. Dropped by the sender (never sent): %s.%n%n",
                    Boolean.TRUE.equals(conservation.get("ok")) ? "OK" : "NOT OK",
                    conservation.get("submitted"),
                    conservation.get("accepted"),
                    conservation.get("rejected"),
                    conservation.get("acceptedAnswered"),
                    conservation.get("acceptedThoughAnsweredWithAnErrorOrTimeout"),
                    conservation.get("rejectedInvalid"),
                    conservation.get("rejectedAfterAnErrorOrTimeout"),
                    conservation.get("complaintsStoredForThisRun"),
                    conservation.get("lost"),
                    conservation.get("duplicated"),
                    conservation.get("phantomReceivedEvents"),
                    conservation.get("droppedBySender")));
            md.append("| store | found | missing |\n|---|---:|---:|\n");
            ((Map<String, Map<String, Object>>) conservation.get("stores"))
                    .forEach((k, v) -> md.append(String.format(
                            Locale.ROOT, "| %s | %s | %s |%n", v.get("collection"), v.get("found"), v.get("missing"))));
            md.append("\nRequests: ");
            List<String> parts = new ArrayList<>();
            for (String key : List.of(
                    "failed",
                    "rejectedInvalid",
                    "invalidSent",
                    "invalidAccepted",
                    "rejectedRateLimited",
                    "rejectedServerError",
                    "rejectedOther",
                    "merged",
                    "retries",
                    "retriesAnsweredWithTheSameComplaint",
                    "retriesAnsweredOtherwise",
                    "assigned",
                    "livesToComplete",
                    "closed",
                    "agentActions",
                    "agentFailures")) {
                parts.add(key + " " + conservation.get(key));
            }
            md.append(String.join(", ", parts)).append(".\n");
        }
        if (!PROFILE.isEmpty()) {
            PROFILE.forEach((rate, p) -> md.append("\n## Where the time goes at ")
                    .append(rate)
                    .append(" complaints/s (JFR)\n\n")
                    .append(p.markdown()));
        }
        md.append("\n## How it was measured\n\n");
        md.append("""
                - Load: open model. Complaints are scheduled at fixed intervals from one `System.nanoTime()` base and \
                sent whatever the answers do; latency counts from the intended send time (no coordinated omission). \
                At most `--max-outstanding` requests are in flight; beyond that a request is dropped and counted. \
                Requests go to the gateway over loopback (HTTP/1.1, `java.net.http`), each simulated client with its \
                own token (the gateway limits each client to 20/s), with an `Idempotency-Key`.
                - Mix: Chinese and English texts of 0.5–2 KB of all four classes, invalid requests (empty description, \
                unknown channel, malformed e-mail) and client retries with the same `Idempotency-Key`; a share of the \
                complaints is completed by simulated agents (acknowledge, resolve with a root cause, follow-up).
                - Lifecycle stamps: this process reads the services' topics (no consumer group) and stamps each event \
                with its own `System.nanoTime()` on receipt, the same clock the requests were scheduled with: \
                → ASSIGNED is submission to `firebreak.responsibility.assigned`, → CLOSED submission to \
                `firebreak.complaint.closed` (agents act at once, so it measures the system, not people).
                - Consumer lag: the services' groups' committed offsets against the end offsets (Admin API), every \
                second; CPU from `/proc/<pid>/stat` of the standalone process and of the benchmark (both share the \
                machine), heap from `jcmd <pid> GC.heap_info` at the end of each step.
                - Conservation: the services' databases are read (read only) for every accepted complaint id; \
                duplicates are found by the run's unique order references.
                - Each step is followed by a drain (bounded) so the next starts from an empty pipeline.
                """);
        return md.toString();
    }

    private static String yes(Object b) {
        return Boolean.TRUE.equals(b) ? "met" : "not met";
    }

    private static String f(double v) {
        if (Double.isNaN(v)) return "-";
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Latency percentiles (log scale) against offered load (log scale), with the goals drawn in. */
    static String svg(List<StepResult> steps) {
        int w = 760;
        int h = 460;
        int left = 70;
        int right = 190;
        int top = 40;
        int bottom = 60;
        double minX = Math.log(steps.stream().mapToInt(s -> s.offered).min().orElse(50) * 0.8);
        double maxX = Math.log(steps.stream().mapToInt(s -> s.offered).max().orElse(1000) * 1.25);
        double minY = Math.log10(1);
        double maxY = Math.log10(100_000);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n",
                w,
                h));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", w, h));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Firebreak: "
                        + "latency against offered load</text>%n",
                left));
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        java.util.function.DoubleUnaryOperator x = v -> left + (Math.log(v) - minX) / (maxX - minX) * plotW;
        java.util.function.DoubleUnaryOperator y =
                v -> top + plotH - (Math.log10(Math.max(1, v)) - minY) / (maxY - minY) * plotH;
        for (int e = 0; e <= 5; e++) {
            double v = Math.pow(10, e);
            double yy = y.applyAsDouble(v);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left,
                    left + plotW,
                    yy,
                    yy,
                    left - 6,
                    yy + 4,
                    e < 3 ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.0f s", v / 1000)));
        }
        for (StepResult s : steps) {
            double xx = x.applyAsDouble(s.offered);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    xx,
                    xx,
                    top,
                    top + plotH,
                    xx,
                    top + plotH + 16,
                    s.offered));
            if (s.sustained) {
                svg.append(String.format(
                        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"3\" fill=\"#2a2\"/>%n", xx, top + plotH - 4));
            }
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered load, "
                        + "complaints/s (log scale; green dot: sustained)</text>%n",
                left + plotW / 2,
                h - 18));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" " + "stroke=\"#444\"/>%n",
                left,
                top,
                plotW,
                plotH));
        goal(svg, "intake p99 goal 50 ms", y.applyAsDouble(50), left, plotW, "#c60");
        goal(svg, "→ ASSIGNED p99 goal 250 ms", y.applyAsDouble(250), left, plotW, "#06c");
        List<Object[]> series = List.of(
                new Object[] {"intake p50", (ToDoubleFunction<StepResult>) s -> s.intakeP50, "#f90", "none"},
                new Object[] {"intake p99", (ToDoubleFunction<StepResult>) s -> s.intakeP99, "#c60", "none"},
                new Object[] {"intake p99.9", (ToDoubleFunction<StepResult>) s -> s.intakeP999, "#930", "4,3"},
                new Object[] {"→ ASSIGNED p50", (ToDoubleFunction<StepResult>) s -> s.assignedP50, "#39f", "none"},
                new Object[] {"→ ASSIGNED p99", (ToDoubleFunction<StepResult>) s -> s.assignedP99, "#06c", "none"},
                new Object[] {"→ CLOSED p50", (ToDoubleFunction<StepResult>) s -> s.closedP50, "#999", "2,3"});
        int legendY = top + 10;
        for (Object[] sdef : series) {
            @SuppressWarnings("unchecked")
            ToDoubleFunction<StepResult> value = (ToDoubleFunction<StepResult>) sdef[1];
            StringBuilder points = new StringBuilder();
            for (StepResult s : steps) {
                double v = value.applyAsDouble(s);
                if (Double.isNaN(v)) continue;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(s.offered), y.applyAsDouble(v)));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                            + "stroke-width=\"2\" stroke-dasharray=\"%s\"/>%n",
                    points.toString().strip(),
                    sdef[2],
                    sdef[3]));
            for (String p : points.toString().strip().split(" ")) {
                if (p.isEmpty()) continue;
                String[] xy = p.split(",");
                svg.append(String.format(
                        Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"%s\"/>%n", xy[0], xy[1], sdef[2]));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                            + "stroke-width=\"2\" stroke-dasharray=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    left + plotW + 12,
                    left + plotW + 34,
                    legendY,
                    legendY,
                    sdef[2],
                    sdef[3],
                    left + plotW + 40,
                    legendY + 4,
                    sdef[0]));
            legendY += 18;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void goal(StringBuilder svg, String label, double yy, int left, int plotW, String colour) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                        + "stroke-dasharray=\"6,4\" opacity=\"0.6\"/><text x=\"%d\" y=\"%.1f\" fill=\"%s\" "
                        + "font-size=\"10\">%s</text>%n",
                left,
                left + plotW,
                yy,
                yy,
                colour,
                left + 4,
                yy - 3,
                colour,
                label));
    }

    /** A baseline's CPU a unit, both sides, and the system's side by part. */
    @SuppressWarnings("unchecked")
    private static String unitCost(Map<String, Object> baseline) {
        StringBuilder parts = new StringBuilder();
        ((Map<String, Number>) baseline.getOrDefault("systemCpuMsPerUnitByPart", Map.of())).forEach((part, ms) -> {
            if (ms.doubleValue() >= 0.0005) {
                parts.append(parts.isEmpty() ? "" : ", ")
                        .append(part)
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.3f", ms.doubleValue()));
            }
        });
        return String.format(
                Locale.ROOT,
                "%.3f + %.3f a %s (system: %s)",
                ((Number) baseline.get("systemCpuMsPerUnit")).doubleValue(),
                ((Number) baseline.get("clientCpuMsPerUnit")).doubleValue(),
                baseline.get("unit"),
                parts);
    }

    /** The floor's table: each hop's count, its no-op price and their product, against the step and the goal. */
    private static String floorSection(Floor floor, int cores) {
        StringBuilder md = new StringBuilder();
        md.append("\n## What the mechanisms alone cost a complaint\n\n");
        md.append(String.format(
                Locale.ROOT,
                "At %d/s a complaint took %s ms of CPU beside the JIT compilers. Had each of its hops cost what the "
                        + "same hop costs doing nothing (the ceilings above, the same run), it would have cost:%n%n",
                floor.stepRate(),
                f(floor.stepCpuMs())));
        md.append(
                "| hop | priced as | per complaint | CPU ms each | CPU ms per complaint |\n|---|---|---:|---:|---:|\n");
        for (Floor.Part p : floor.parts()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.2f | %.3f | %.2f |%n",
                    p.hop(),
                    p.priced(),
                    p.count(),
                    p.msEach(),
                    p.ms()));
        }
        md.append(String.format(Locale.ROOT, "| **the floor** | | | | **%.2f** |%n%n", floor.ms()));
        md.append(String.format(
                Locale.ROOT,
                "- The floor is %.0f%% of what a complaint took; the other %s ms are Firebreak's own work (reading, "
                        + "deciding, its documents and events) and what its requests and listeners do beyond a no-op.%n",
                100 * floor.ms() / floor.stepCpuMs(),
                f(floor.stepCpuMs() - floor.ms())));
        md.append(String.format(
                Locale.ROOT,
                "- On %d cores the floor alone allows at most **%.0f complaints/s**, all cores busy; the goal of "
                        + "500/s sets ≤ %.0f ms a complaint, %.0f%% of the floor.%n",
                cores,
                floor.ceilingPerSecond(cores),
                GOAL_CPU_MS,
                100 * GOAL_CPU_MS / floor.ms()));
        return md.toString();
    }
}

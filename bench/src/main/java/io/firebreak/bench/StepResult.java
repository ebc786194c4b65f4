package io.firebreak.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** One step's numbers, as reported. Latencies in milliseconds, rates per second. */
final class StepResult {

    /** Intake p99 must stay under this for a step to count as sustained (the goal). */
    static final double INTAKE_P99_LIMIT_MS = 50;

    int step;
    int offered;
    double seconds;
    long submitted;
    long accepted;
    long rejected;
    long failed;
    long dropped;
    double achievedIntake;
    double achievedAssigned;
    double intakeP50;
    double intakeP99;
    double intakeP999;
    double intakeMax;
    double receivedP50;
    double receivedP99;
    double assignedP50;
    double assignedP99;
    double receivedToAssignedP50;
    double receivedToAssignedP99;
    long assigned;
    long notAssigned;
    double closedP50;
    double closedP99;
    long closed;
    long completeChosen;
    long lagStart;
    long lagEnd;
    long lagMax;
    double lagSlope;
    Map<String, Long> lagEndByGroup = new LinkedHashMap<>();
    List<long[]> lagSamples = new ArrayList<>();
    long deadLetters;
    long kafkaRecords;
    double cpuCores;
    double benchCpuCores;
    double heapUsedMb;
    double heapCommittedMb;
    double rssMb;
    double drainSeconds;
    double senderLateMaxMs;
    /** Seconds of the step with requests, those whose own intake p99 is over the limit, and the worst three. */
    long secondsMeasured;

    long secondsOverGoal;
    String worstSeconds = "";
    boolean lagFlat;
    boolean sustained;
    /** The pipeline kept up (lag flat, valid complaints assigned, nothing dropped or failed), whatever the latency. */
    boolean keptUp;

    Map<String, Long> classifiedMix = new LinkedHashMap<>();
    /** What one accepted complaint cost, from the step's start until the pipeline had drained after it. */
    double cpuMsPerComplaint = Double.NaN;
    /** The same CPU by part, from the system's threads ({@link ThreadCpu}); empty where they cannot be read. */
    Map<String, Double> cpuMsPerComplaintByPart = new LinkedHashMap<>();

    double storeCommandsPerComplaint = Double.NaN;
    Map<String, Double> storeCommandsPerComplaintByKind = new LinkedHashMap<>();
    /** The store's own CPU on the commands (as it measures it), in all and by database, collection and command. */
    double storeCpuMsPerComplaint = Double.NaN;

    Map<String, Double> storeCpuMsPerComplaintByKind = new LinkedHashMap<>();
    double kafkaRecordsPerComplaint = Double.NaN;
    double apiRequestsPerComplaint = Double.NaN;
    Map<String, Long> intendedMix = new LinkedHashMap<>();

    /**
     * The step's costs per accepted complaint, over its sending and the draining after it: the system's CPU (in all
     * and by part), the commands its parts sent to their stores (by part, collection and command), the store's CPU on them (by database, collection
     * and command), its Kafka records, and the API requests (submissions and the simulated agents' actions; each is
     * two HTTP hops, client → gateway → service).
     */
    void perComplaint(
            double cpuSeconds,
            Map<String, Double> cpuByPart,
            Map<String, Long> storeSent,
            Map<String, Double> storeSpent,
            long apiRequests) {
        if (accepted == 0) return;
        cpuMsPerComplaint = cpuSeconds * 1000 / accepted;
        if (cpuByPart.values().stream().anyMatch(seconds -> seconds > 0)) {
            cpuByPart.forEach((part, seconds) -> cpuMsPerComplaintByPart.put(part, seconds * 1000 / accepted));
        }
        kafkaRecordsPerComplaint = (double) kafkaRecords / accepted;
        apiRequestsPerComplaint = (double) apiRequests / accepted;
        if (!storeSent.isEmpty()) {
            storeCommandsPerComplaint =
                    storeSent.values().stream().mapToLong(Long::longValue).sum() / (double) accepted;
            storeSent.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> storeCommandsPerComplaintByKind.put(e.getKey(), (double) e.getValue() / accepted));
        }
        if (!storeSpent.isEmpty()) {
            storeCpuMsPerComplaint = storeSpent.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum()
                    / accepted;
            storeSpent.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> storeCpuMsPerComplaintByKind.put(e.getKey(), e.getValue() / accepted));
        }
    }

    static double ms(Histogram h, double percentile) {
        return Baselines.ms(h, percentile);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("offeredPerSecond", offered);
        m.put("seconds", seconds);
        m.put("submitted", submitted);
        m.put("accepted", accepted);
        m.put("rejected", rejected);
        m.put("failed", failed);
        m.put("droppedBySender", dropped);
        m.put("achievedIntakePerSecond", achievedIntake);
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("cpuMs", cpuMsPerComplaint);
        cost.put("cpuMsByPart", cpuMsPerComplaintByPart);
        cost.put("storeCommands", storeCommandsPerComplaint);
        cost.put("storeCommandsByPartCollectionAndCommand", storeCommandsPerComplaintByKind);
        cost.put("storeCpuMs", storeCpuMsPerComplaint);
        cost.put("storeCpuMsByDatabaseCollectionAndCommand", storeCpuMsPerComplaintByKind);
        cost.put("kafkaRecords", kafkaRecordsPerComplaint);
        cost.put("apiRequests", apiRequestsPerComplaint);
        m.put("perComplaint", cost);
        m.put("achievedAssignedPerSecond", achievedAssigned);
        m.put("intakeMs", Map.of("p50", intakeP50, "p99", intakeP99, "p999", intakeP999, "max", intakeMax));
        m.put("intakeToReceivedEventMs", Map.of("p50", receivedP50, "p99", receivedP99));
        m.put("intakeToAssignedMs", Map.of("p50", assignedP50, "p99", assignedP99));
        m.put("receivedEventToAssignedMs", Map.of("p50", receivedToAssignedP50, "p99", receivedToAssignedP99));
        m.put("assigned", assigned);
        m.put("notAssigned", notAssigned);
        m.put("intakeToClosedMs", Map.of("p50", closedP50, "p99", closedP99));
        m.put("livesToComplete", completeChosen);
        m.put("closed", closed);
        m.put(
                "lag",
                Map.of(
                        "start",
                        lagStart,
                        "end",
                        lagEnd,
                        "max",
                        lagMax,
                        "slopePerSecond",
                        lagSlope,
                        "flat",
                        lagFlat,
                        "endByGroup",
                        lagEndByGroup));
        m.put("lagSamples", lagSamples);
        m.put("deadLetters", deadLetters);
        m.put("kafkaRecords", kafkaRecords);
        m.put("systemCpuCores", cpuCores);
        m.put("benchCpuCores", benchCpuCores);
        m.put("heapUsedMb", heapUsedMb);
        m.put("heapCommittedMb", heapCommittedMb);
        m.put("rssMb", rssMb);
        m.put("drainSeconds", drainSeconds);
        m.put("senderLateMaxMs", senderLateMaxMs);
        m.put("intakeBySecond", Map.of("seconds", secondsMeasured, "overGoal", secondsOverGoal, "worst", worstSeconds));
        m.put("intendedMix", intendedMix);
        m.put("classifiedMix", classifiedMix);
        m.put("keptUp", keptUp);
        m.put("sustained", sustained);
        return m;
    }
}

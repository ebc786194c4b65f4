package io.firebreak.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a complaint would cost if each of its hops cost no more than the same hop doing nothing: its API requests at
 * the price of a no-op request through the gateway at a pace both keep up with (the system's side: gateway and
 * service), its store commands at the store baselines' price (engine and driver), its Kafka records at the pipelined
 * baseline's (broker, producer and one consumer; the services read each record in several groups, so this is the
 * least it costs). Every price is measured in the same run ({@link Baselines}). None of Firebreak's own work is in
 * it — reading the text, deciding, building its documents and events — so no change to that work takes a complaint
 * below the floor: with these mechanisms, {@code cores × 1000 ÷ floor} complaints a second is the ceiling.
 */
record Floor(List<Floor.Part> parts, double stepCpuMs, int stepRate) {

    /** One kind of hop: how many a complaint makes, and the no-op price of one. */
    record Part(String hop, String priced, double count, double msEach) {
        double ms() {
            return count * msEach;
        }
    }

    /** The floor of the given step's complaints, when the run measured all three prices. */
    static Optional<Floor> of(List<Map<String, Object>> baselines, StepResult step) {
        if (baselines == null || step == null) return Optional.empty();
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        baselines.forEach(b -> byName.put((String) b.get("name"), b));
        double request = systemPerUnit(byName.get("gateway-noop-paced"));
        double command = bothPerUnit(byName.get("store-insert"), byName.get("store-cas-update"));
        double record = bothPerUnit(byName.get("kafka-pipelined"));
        if (Double.isNaN(request) || Double.isNaN(command) || Double.isNaN(record)) return Optional.empty();
        double jit = step.cpuMsPerComplaintByPart.getOrDefault(ThreadCpu.JIT, 0.0);
        return Optional.of(new Floor(
                List.of(
                        new Part(
                                "API request",
                                "a no-op GET through the gateway, paced: gateway and service",
                                step.apiRequestsPerComplaint,
                                request),
                        new Part(
                                "store command",
                                "inserts and compare-and-set updates: engine and driver",
                                step.storeCommandsPerComplaint,
                                command),
                        new Part(
                                "Kafka record",
                                "pipelined: broker, producer and one consumer",
                                step.kafkaRecordsPerComplaint,
                                record)),
                step.cpuMsPerComplaint - jit,
                step.offered));
    }

    private static double systemPerUnit(Map<String, Object> baseline) {
        if (baseline == null || !baseline.containsKey("units")) return Double.NaN;
        return number(baseline, "systemCpuMs") / number(baseline, "units");
    }

    /** CPU ms per unit, both sides, over all the given baselines' units together. */
    @SafeVarargs
    private static double bothPerUnit(Map<String, Object>... baselines) {
        double ms = 0;
        double units = 0;
        for (Map<String, Object> b : baselines) {
            if (b == null || !b.containsKey("units")) return Double.NaN;
            ms += number(b, "systemCpuMs") + number(b, "clientCpuMs");
            units += number(b, "units");
        }
        return ms / units;
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    double ms() {
        return parts.stream().mapToDouble(Part::ms).sum();
    }

    /** The most complaints a second these cores could take if a complaint cost only its floor. */
    double ceilingPerSecond(int cores) {
        return cores * 1000 / ms();
    }

    Map<String, Object> toMap(int cores) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("stepPerSecond", stepRate);
        map.put("cpuMsPerComplaint", ms());
        map.put("stepCpuMsPerComplaintWithoutJit", stepCpuMs);
        map.put("ceilingPerSecond", ceilingPerSecond(cores));
        for (Part p : parts) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("priced", p.priced());
            part.put("perComplaint", p.count());
            part.put("cpuMsEach", p.msEach());
            part.put("cpuMsPerComplaint", p.ms());
            map.put(p.hop(), part);
        }
        return map;
    }
}

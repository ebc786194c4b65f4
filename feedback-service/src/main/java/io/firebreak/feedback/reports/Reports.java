package io.firebreak.feedback.reports;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.feedback.prevention.CauseCounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The reports, each computed from feedback's own read models over a period [from, to): a summary and rows (the
 * rows are what the CSV form holds).
 */
@Component
class Reports {

    private static final String[] SERVQUAL = {"tangibles", "reliability", "responsiveness", "assurance", "empathy"};

    private final ReportModel model;
    private final MongoDatabase database;
    private final CauseCounts counts;
    private final Clock clock;
    private final int topCauses;

    Reports(ReportModel model, MongoDatabase database, CauseCounts counts, Clock clock, FeedbackProperties properties) {
        this.model = model;
        this.database = database;
        this.counts = counts;
        this.clock = clock;
        this.topCauses = properties.reports().topCauses();
    }

    /** One report: its name, period, a summary and rows. */
    record Report(
            String report,
            Instant from,
            Instant to,
            Instant generatedAt,
            Map<String, Object> summary,
            List<Map<String, Object>> rows) {}

    /** Complaints received in the period, counted by class, status, channel and department. */
    Report complaints(Instant from, Instant to) {
        Map<String, Map<String, Integer>> by = new LinkedHashMap<>();
        for (String dimension : List.of("complaintClass", "status", "channel", "department"))
            by.put(dimension, new TreeMap<>());
        int total = 0;
        for (Document c : model.collection()
                .find(received(from, to))
                .projection(Projections.include("complaintClass", "status", "channel", "department"))) {
            total++;
            by.forEach((dimension, tally) -> tally.merge(String.valueOf(c.getString(dimension)), 1, Integer::sum));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        by.forEach((dimension, tally) ->
                tally.forEach((value, count) -> rows.add(row("dimension", dimension, "value", value, "count", count))));
        return report("complaints", from, to, row("total", total), rows);
    }

    /**
     * SLA compliance of the complaints received in the period: of those whose clock is decided (met, or late, or
     * past due and still open), the share met; and the promises made to their customers (兑现承诺): how many were
     * kept on time and how many broken.
     */
    Report sla(Instant from, Instant to) {
        Instant now = clock.instant();
        int[] first = new int[2];
        int[] resolution = new int[2];
        int[] promises = new int[3];
        for (Document c : model.collection()
                .find(received(from, to))
                .projection(Projections.include(
                        "breached",
                        "firstResponseDue",
                        "firstResponseAt",
                        "resolutionDue",
                        "firstResolvedAt",
                        "promises",
                        "promisesKept",
                        "promisesBroken"))) {
            promises[0] += c.getList("promises", String.class, List.of()).size();
            promises[1] += c.getList("promisesKept", String.class, List.of()).size();
            promises[2] += c.getList("promisesBroken", String.class, List.of()).size();
            List<String> breached = c.getList("breached", String.class, List.of());
            tally(
                    first,
                    c.getDate("firstResponseDue"),
                    c.getDate("firstResponseAt"),
                    breached.contains("FIRST_RESPONSE"),
                    now);
            tally(
                    resolution,
                    c.getDate("resolutionDue"),
                    c.getDate("firstResolvedAt"),
                    breached.contains("RESOLUTION"),
                    now);
        }
        List<Map<String, Object>> rows = List.of(
                row(
                        "clock",
                        "FIRST_RESPONSE",
                        "decided",
                        first[0],
                        "met",
                        first[1],
                        "metPercent",
                        percent(first[1], first[0])),
                row(
                        "clock",
                        "RESOLUTION",
                        "decided",
                        resolution[0],
                        "met",
                        resolution[1],
                        "metPercent",
                        percent(resolution[1], resolution[0])),
                row(
                        "clock",
                        "PROMISES",
                        "decided",
                        promises[1] + promises[2],
                        "met",
                        promises[1],
                        "metPercent",
                        percent(promises[1], promises[1] + promises[2])));
        return report(
                "sla",
                from,
                to,
                row(
                        "firstResponseMetPercent",
                        percent(first[1], first[0]),
                        "resolutionMetPercent",
                        percent(resolution[1], resolution[0]),
                        "promisesMade",
                        promises[0],
                        "promisesKeptOnTime",
                        promises[1],
                        "promisesBroken",
                        promises[2]),
                rows);
    }

    private static void tally(int[] decidedAndMet, Date due, Date done, boolean breached, Instant now) {
        if (due == null) return;
        if (done != null) {
            decidedAndMet[0]++;
            if (!breached && !done.after(due)) decidedAndMet[1]++;
        } else if (breached || now.isAfter(due.toInstant())) {
            decidedAndMet[0]++;
        }
    }

    /** Follow-up answers recorded in the period: CSAT average and distribution, SERVQUAL averages, how answered. */
    Report satisfaction(Instant from, Instant to) {
        int[] distribution = new int[6];
        double[] servqualSum = new double[SERVQUAL.length];
        int[] servqualCount = new int[SERVQUAL.length];
        Map<String, Integer> channels = new TreeMap<>();
        int noResponse = 0;
        // The follow-ups with an answer in the period (by the index on the answers' times); each answer checked below.
        for (Document doc : database.getCollection("follow_ups")
                .find(and(gte("done.result.at", Date.from(from)), lt("done.result.at", Date.from(to))))
                .projection(Projections.include("done.result"))) {
            for (Document f : doc.getList("done", Document.class, List.of())) {
                Document result = f.get("result", Document.class);
                if (result == null || result.getDate("at") == null) continue;
                Instant at = result.getDate("at").toInstant();
                if (at.isBefore(from) || !at.isBefore(to)) continue;
                if ("NO_RESPONSE".equals(result.getString("outcome"))) {
                    noResponse++;
                    continue;
                }
                int score = result.getInteger("score", 0);
                if (score < 1 || score > 5) continue;
                distribution[score]++;
                channels.merge(
                        result.getString("channel") == null ? "AGENT" : result.getString("channel"), 1, Integer::sum);
                Document servqual = result.get("servqual", Document.class);
                if (servqual == null) continue;
                for (int d = 0; d < SERVQUAL.length; d++) {
                    Integer rating = servqual.getInteger(SERVQUAL[d]);
                    if (rating != null) {
                        servqualSum[d] += rating;
                        servqualCount[d]++;
                    }
                }
            }
        }
        int answered = 0;
        int sum = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            answered += distribution[s];
            sum += s * distribution[s];
        }
        for (int s = 1; s <= 5; s++) {
            rows.add(row("score", s, "count", distribution[s], "percent", percent(distribution[s], answered)));
        }
        Map<String, Object> servqual = new LinkedHashMap<>();
        for (int d = 0; d < SERVQUAL.length; d++) {
            servqual.put(SERVQUAL[d], servqualCount[d] == 0 ? null : round(servqualSum[d] / servqualCount[d]));
        }
        return report(
                "satisfaction",
                from,
                to,
                row(
                        "answered",
                        answered,
                        "csatAverage",
                        answered == 0 ? null : round(sum / (double) answered),
                        "noResponse",
                        noResponse,
                        "byChannel",
                        channels,
                        "servqualAverages",
                        servqual),
                rows);
    }

    /** Of the complaints first resolved in the period, the share reopened after a follow-up. */
    Report reopenRate(Instant from, Instant to) {
        int resolved = 0;
        int reopened = 0;
        Map<String, int[]> byDepartment = new TreeMap<>();
        for (Document c : model.collection()
                .find(and(gte("firstResolvedAt", Date.from(from)), lt("firstResolvedAt", Date.from(to))))
                .projection(Projections.include("reopens", "department"))) {
            resolved++;
            boolean wasReopened = !c.getList("reopens", String.class, List.of()).isEmpty();
            if (wasReopened) reopened++;
            int[] tally = byDepartment.computeIfAbsent(String.valueOf(c.getString("department")), k -> new int[2]);
            tally[0]++;
            if (wasReopened) tally[1]++;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byDepartment.forEach((department, t) -> rows.add(row(
                "department", department, "resolved", t[0], "reopened", t[1], "reopenPercent", percent(t[1], t[0]))));
        return report(
                "reopen-rate",
                from,
                to,
                row("resolved", resolved, "reopened", reopened, "reopenPercent", percent(reopened, resolved)),
                rows);
    }

    /**
     * The top root causes in the period, each with its count, share, the departments it came from, its daily
     * counts and its trend (second half of the period against the first).
     */
    Report rootCauses(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
        LocalDate middle = first.plusDays((last.toEpochDay() - first.toEpochDay() + 1) / 2);
        Map<String, Map<LocalDate, Integer>> daily = new TreeMap<>();
        Map<String, Map<String, Integer>> departments = new TreeMap<>();
        int total = 0;
        for (Document bucket : counts.buckets(first, last)) {
            String cause = bucket.getString("cause");
            int count = bucket.getInteger("count", 0);
            total += count;
            daily.computeIfAbsent(cause, k -> new TreeMap<>())
                    .merge(LocalDate.parse(bucket.getString("day")), count, Integer::sum);
            departments
                    .computeIfAbsent(cause, k -> new TreeMap<>())
                    .merge(bucket.getString("department"), count, Integer::sum);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var entry : daily.entrySet()) {
            int count = entry.getValue().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            int firstHalf = entry.getValue().entrySet().stream()
                    .filter(d -> d.getKey().isBefore(middle))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            int secondHalf = count - firstHalf;
            Map<String, Integer> perDay = new LinkedHashMap<>();
            entry.getValue().forEach((day, n) -> perDay.put(day.toString(), n));
            rows.add(row(
                    "rootCause",
                    entry.getKey(),
                    "count",
                    count,
                    "sharePercent",
                    percent(count, total),
                    "firstHalf",
                    firstHalf,
                    "secondHalf",
                    secondHalf,
                    "trend",
                    secondHalf > firstHalf ? "RISING" : secondHalf < firstHalf ? "FALLING" : "FLAT",
                    "departments",
                    departments.get(entry.getKey()),
                    "daily",
                    perDay));
        }
        rows.sort(Comparator.comparing((Map<String, Object> r) -> (Integer) r.get("count"))
                .reversed());
        List<Map<String, Object>> top = rows.size() > topCauses ? rows.subList(0, topCauses) : rows;
        return report("root-causes", from, to, row("total", total, "causes", rows.size()), new ArrayList<>(top));
    }

    private static org.bson.conversions.Bson received(Instant from, Instant to) {
        return and(gte("receivedAt", Date.from(from)), lt("receivedAt", Date.from(to)));
    }

    Report report(String name, Instant from, Instant to, Map<String, Object> summary, List<Map<String, Object>> rows) {
        return new Report(name, from, to, clock.instant(), summary, rows);
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return row;
    }

    private static Double percent(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

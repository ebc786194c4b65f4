package io.firebreak.feedback.prevention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Root causes counted by cause × department × product × day (UTC): one document per resolution with a cause
 * ({@code cause_resolutions}, its id the resolution's), so a redelivered resolution is refused by the store and counts
 * nothing, and a resolution costs one small insert however many came before it that day. (Until 2026-12 a day's
 * resolutions of one cause were one document, rewritten whole for each new one and searched for it first: the more a
 * cause was resolved in a day, the dearer each resolution; those documents are moved on start.) A window need not end
 * at midnight and a spark can name the complaints behind it. Mean and spread are computed in Java from the daily
 * counts (the embedded store has no window functions).
 *
 * <p>What a watch reads for one resolution does not grow with the history: the counts of days that are over are kept
 * here a while once read (a day that is over gains a resolution only from an event delivered late: one counted here
 * forgets its day at once, one counted by another instance shows within {@link #DAYS_KEPT}), and the window is read
 * in time order only as far as a spark needs ({@link #countUpTo}).
 */
public final class CauseCounts {

    private static final Logger log = LoggerFactory.getLogger(CauseCounts.class);

    /** Where each day's resolutions of a cause were kept, as one document, before. */
    static final String BUCKETS_BEFORE = "cause_days";

    /** How long the count of a day that is over is kept once read. */
    static final Duration DAYS_KEPT = Duration.ofHours(1);

    /** Beyond this many kept day counts, all are forgotten (causes × departments × days: far more than in use). */
    private static final int MAX_DAYS_KEPT = 100_000;

    private final MongoCollection<Document> resolutions;
    private final Map<String, DayCount> days = new ConcurrentHashMap<>();

    /** A day's count as read, and when (System.nanoTime); a count of -1: forgotten then, a resolution was added. */
    private record DayCount(int count, long readAt) {}

    public CauseCounts(MongoDatabase database) {
        this.resolutions = database.getCollection("cause_resolutions");
        resolutions.createIndex(Indexes.ascending("cause", "department", "day"));
        resolutions.createIndex(Indexes.ascending("cause", "department", "at"));
        resolutions.createIndex(Indexes.ascending("day"));
        moveBuckets(database);
    }

    /** One resolution with a cause, as it was counted. */
    public record Entry(
            String resolutionId, String complaintId, String cause, String department, String product, Instant at) {}

    /** Counts a resolution once; returns false when it was counted already. */
    public boolean add(Entry entry) {
        try {
            resolutions.insertOne(document(entry));
            // The day's count is forgotten, also by a reading under way (which started before this).
            String day = day(entry.at()).toString();
            DayCount forgotten = new DayCount(-1, System.nanoTime());
            days.put(dayKey(entry.cause(), entry.department(), day), forgotten);
            days.put(dayKey(entry.cause(), null, day), forgotten);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    /**
     * Daily counts of a cause × department (all products; {@code department} null: all departments) from {@code from}
     * to {@code to}, both included: days that are over (this is for them), as kept once read, the rest read at once.
     */
    public Map<LocalDate, Integer> daily(String cause, String department, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        long now = System.nanoTime();
        boolean allKept = true;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayCount kept = days.get(dayKey(cause, department, d.toString()));
            allKept &= kept != null && kept.count() >= 0 && now - kept.readAt() < DAYS_KEPT.toNanos();
            counts.put(d, kept == null ? 0 : kept.count());
        }
        if (allKept) return counts;
        counts.replaceAll((d, count) -> 0);
        Bson filter = and(
                eq("cause", cause),
                department == null ? new Document() : eq("department", department),
                gte("day", from.toString()),
                lte("day", to.toString()));
        for (Document resolution : resolutions.find(filter).projection(Projections.include("day"))) {
            counts.merge(LocalDate.parse(resolution.getString("day")), 1, Integer::sum);
        }
        if (days.size() > MAX_DAYS_KEPT) days.clear();
        counts.forEach((d, count) -> days.compute(
                dayKey(cause, department, d.toString()),
                (key, kept) -> kept != null && kept.readAt() - now > 0 ? kept : new DayCount(count, now)));
        return counts;
    }

    /**
     * How many resolutions of a cause × department at or after {@code from} and before {@code to}, of complaints not
     * in {@code leftOut}, there are — counted no further than {@code enough}: they are read in time order, as the
     * index holds them, and the reading stops there.
     */
    public int countUpTo(String cause, String department, Instant from, Instant to, Set<String> leftOut, int enough) {
        int count = 0;
        for (Document ignored : resolutions
                .find(window(cause, department, from, to, leftOut))
                .sort(Sorts.ascending("at"))
                .limit(enough)
                .projection(Projections.include("_id"))) {
            count++;
        }
        return count;
    }

    /** The resolutions of a cause × department at or after {@code from} and before {@code to}, oldest first. */
    public List<Entry> between(String cause, String department, Instant from, Instant to) {
        return between(cause, department, from, to, Set.of());
    }

    /** As {@link #between(String, String, Instant, Instant)}, of complaints not in {@code leftOut}. */
    public List<Entry> between(String cause, String department, Instant from, Instant to, Set<String> leftOut) {
        List<Entry> found = new ArrayList<>();
        for (Document resolution :
                resolutions.find(window(cause, department, from, to, leftOut)).sort(Sorts.ascending("at"))) {
            found.add(new Entry(
                    resolution.getString("_id"),
                    resolution.getString("complaintId"),
                    cause,
                    department,
                    resolution.getString("product"),
                    resolution.getDate("at").toInstant()));
        }
        return found;
    }

    private static Bson window(String cause, String department, Instant from, Instant to, Set<String> leftOut) {
        Bson times = and(
                eq("cause", cause), eq("department", department), gte("at", Date.from(from)), lt("at", Date.from(to)));
        return leftOut.isEmpty() ? times : and(times, nin("complaintId", leftOut));
    }

    private static String dayKey(String cause, String department, String day) {
        return cause + '\n' + (department == null ? "*" : department) + '\n' + day;
    }

    /**
     * Every cause × department × product × day from {@code from} to {@code to} (days, included) with its count, for
     * reports: cause, department, product, day, count.
     */
    public List<Document> buckets(LocalDate from, LocalDate to) {
        Map<List<String>, Integer> counted = new LinkedHashMap<>();
        resolutions
                .find(and(gte("day", from.toString()), lte("day", to.toString())))
                .projection(Projections.include("cause", "department", "product", "day"))
                .forEach(r -> counted.merge(
                        List.of(
                                r.getString("cause"),
                                r.getString("department"),
                                r.getString("product"),
                                r.getString("day")),
                        1,
                        Integer::sum));
        List<Document> found = new ArrayList<>();
        counted.forEach((key, count) -> found.add(new Document("cause", key.get(0))
                .append("department", key.get(1))
                .append("product", key.get(2))
                .append("day", key.get(3))
                .append("count", count)));
        return found;
    }

    private static Document document(Entry entry) {
        return new Document("_id", entry.resolutionId())
                .append("cause", entry.cause())
                .append("department", entry.department())
                .append("product", nullToDash(entry.product()))
                .append("day", day(entry.at()).toString())
                .append("at", Date.from(entry.at()))
                .append("complaintId", entry.complaintId());
    }

    /**
     * The day documents kept before become one document per resolution; the old collection goes once every one is
     * moved (a move cut short is done again on the next start: what was moved already is refused as a duplicate).
     */
    private void moveBuckets(MongoDatabase database) {
        MongoCollection<Document> before = database.getCollection(BUCKETS_BEFORE);
        if (before.find().limit(1).first() == null) return;
        int moved = 0;
        for (Document bucket : before.find()) {
            List<Document> entries = new ArrayList<>();
            for (Document e : bucket.getList("entries", Document.class, List.of())) {
                entries.add(document(new Entry(
                        e.getString("r"),
                        e.getString("c"),
                        bucket.getString("cause"),
                        bucket.getString("department"),
                        bucket.getString("product"),
                        e.getDate("at").toInstant())));
            }
            if (entries.isEmpty()) continue;
            try {
                resolutions.insertMany(entries, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(w -> w.getCategory() != ErrorCategory.DUPLICATE_KEY)) throw e;
            }
            moved += entries.size();
        }
        before.drop();
        log.info("Moved {} counted resolutions from {} to one document each", moved, BUCKETS_BEFORE);
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}

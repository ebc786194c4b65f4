package io.firebreak.feedback.prevention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Root causes counted by cause × department × product × day (UTC), one document per bucket, each resolution in
 * it once: the resolution's id is the guard of the increment, so a redelivered resolution counts nothing. Each
 * bucket keeps its resolutions (complaint and time), so a window need not end at midnight and a spark can name the
 * complaints behind it. Mean and spread are computed in Java from the daily counts (the embedded store has no
 * window functions).
 */
public final class CauseCounts {

    private final MongoCollection<Document> buckets;

    public CauseCounts(MongoDatabase database) {
        this.buckets = database.getCollection("cause_days");
        buckets.createIndex(Indexes.ascending("cause", "department", "day"));
        buckets.createIndex(Indexes.ascending("day"));
    }

    /** One resolution with a cause, as it was counted. */
    public record Entry(
            String resolutionId, String complaintId, String cause, String department, String product, Instant at) {}

    /** Counts a resolution once; returns false when it was counted already. */
    public boolean add(Entry entry) {
        LocalDate day = day(entry.at());
        String key = entry.cause() + "|" + entry.department() + "|" + nullToDash(entry.product()) + "|" + day;
        Bson update = Updates.combine(
                Updates.setOnInsert("cause", entry.cause()),
                Updates.setOnInsert("department", entry.department()),
                Updates.setOnInsert("product", nullToDash(entry.product())),
                Updates.setOnInsert("day", day.toString()),
                Updates.inc("count", 1),
                Updates.push(
                        "entries",
                        new Document("r", entry.resolutionId())
                                .append("c", entry.complaintId())
                                .append("at", Date.from(entry.at()))));
        try {
            UpdateResult result = buckets.updateOne(
                    and(eq("_id", key), ne("entries.r", entry.resolutionId())),
                    update,
                    new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            // The bucket exists and holds this resolution: the upsert found no match and could not insert.
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    /** Daily counts of a cause × department (all products) from {@code from} to {@code to}, both included. */
    public Map<LocalDate, Integer> daily(String cause, String department, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) counts.put(d, 0);
        Bson filter = and(
                eq("cause", cause),
                department == null ? new Document() : eq("department", department),
                gte("day", from.toString()),
                lte("day", to.toString()));
        for (Document bucket : buckets.find(filter).projection(new Document("day", 1).append("count", 1))) {
            counts.merge(LocalDate.parse(bucket.getString("day")), bucket.getInteger("count", 0), Integer::sum);
        }
        return counts;
    }

    /** The resolutions of a cause × department at or after {@code from} and before {@code to}, oldest first. */
    public List<Entry> between(String cause, String department, Instant from, Instant to) {
        List<Entry> found = new ArrayList<>();
        Bson filter = and(
                eq("cause", cause),
                eq("department", department),
                gte("day", day(from).toString()),
                lte("day", day(to).toString()));
        for (Document bucket : buckets.find(filter)) {
            for (Document e : bucket.getList("entries", Document.class, List.of())) {
                Instant at = e.getDate("at").toInstant();
                if (!at.isBefore(from) && at.isBefore(to)) {
                    found.add(new Entry(
                            e.getString("r"), e.getString("c"), cause, department, bucket.getString("product"), at));
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Entry::at));
        return found;
    }

    /** Every bucket from {@code from} to {@code to} (days, included), for reports: cause, department, product, day, count. */
    public List<Document> buckets(LocalDate from, LocalDate to) {
        List<Document> found = new ArrayList<>();
        buckets.find(and(gte("day", from.toString()), lte("day", to.toString())))
                .projection(new Document("entries", 0))
                .forEach(found::add);
        return found;
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}

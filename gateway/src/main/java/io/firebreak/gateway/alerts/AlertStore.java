package io.firebreak.gateway.alerts;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The stored alerts ({@code alerts}), their id sequence ({@code counters}) and the per-complaint projection of
 * class, department and due times ({@code complaints}) that later alerts are worded from.
 */
@Component
class AlertStore {

    private static final String SEQUENCE = "alerts";

    private final MongoCollection<Document> alerts;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> complaints;

    AlertStore(MongoDatabase database) {
        this.alerts = database.getCollection("alerts");
        this.counters = database.getCollection("counters");
        this.complaints = database.getCollection("complaints");
        // A redelivered event finds its alert already there: one alert per event, even in a race.
        alerts.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
    }

    /**
     * What the gateway knows of a complaint: its class from triage, its department, owner and due times from its
     * case once one is open (from triage's assignment before).
     */
    record ComplaintFacts(
            ComplaintClass complaintClass,
            String department,
            String owner,
            Instant firstResponseDue,
            Instant resolutionDue) {
        static final ComplaintFacts UNKNOWN = new ComplaintFacts(null, null, null, null, null);
    }

    /** What the gateway knows of these complaints, with one read; a complaint it knows nothing of is left out. */
    Map<String, ComplaintFacts> factsOf(List<String> complaintIds) {
        List<String> ids =
                complaintIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, ComplaintFacts> known = new HashMap<>();
        if (ids.isEmpty()) return known;
        complaints
                .find(ids.size() == 1 ? Filters.eq("_id", ids.get(0)) : Filters.in("_id", ids))
                .forEach(d -> known.put(d.getString("_id"), facts(d)));
        return known;
    }

    private static ComplaintFacts facts(Document d) {
        String complaintClass = d.getString("complaintClass");
        return new ComplaintFacts(
                complaintClass == null ? null : ComplaintClass.valueOf(complaintClass),
                d.getString("department"),
                d.getString("owner"),
                instant(d.getDate("firstResponseDue")),
                instant(d.getDate("resolutionDue")));
    }

    /**
     * Remembers the class, department, owner and due times these events tell of their complaints, in one write. Once
     * the complaint's case is open, the department, owner and due times are the case's (a pause, a hand-over, a
     * re-planned clock), whatever order triage's and resolution's events come in.
     */
    void remember(List<FirebreakEvent> events) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        for (FirebreakEvent event : events) {
            Bson id = Filters.eq("_id", event.subject());
            if (event instanceof ComplaintClassified classified) {
                writes.add(upsert(
                        id,
                        Updates.set(
                                "complaintClass", classified.complaintClass().name())));
            } else if (event instanceof ResponsibilityAssigned assigned) {
                Bson seen = Updates.setOnInsert(CASE_OPEN, false);
                writes.add(upsert(
                        id,
                        assigned.complaintClass() == null
                                ? seen
                                : Updates.combine(
                                        seen,
                                        Updates.set(
                                                "complaintClass",
                                                assigned.complaintClass().name()))));
                // Until the case is open, triage's assignment says who and when.
                writes.add(new UpdateOneModel<>(
                        Filters.and(id, Filters.ne(CASE_OPEN, true)),
                        Updates.combine(
                                Updates.set("department", assigned.primaryDepartment()),
                                Updates.set("owner", assigned.owner()),
                                Updates.set("firstResponseDue", date(assigned.firstResponseDue())),
                                Updates.set("resolutionDue", date(assigned.resolutionDue())))));
            } else if (event instanceof CaseOpened opened) {
                writes.add(upsert(
                        id,
                        caseFacts(
                                opened.department(),
                                opened.owner(),
                                opened.firstResponseDue(),
                                opened.resolutionDue())));
            } else if (event instanceof CaseUpdated updated) {
                writes.add(upsert(
                        id,
                        caseFacts(
                                updated.department(),
                                updated.owner(),
                                updated.firstResponseDue(),
                                updated.resolutionDue())));
            }
        }
        if (!writes.isEmpty()) complaints.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    private static final String CASE_OPEN = "caseOpen";

    private static UpdateOneModel<Document> upsert(Bson id, Bson update) {
        return new UpdateOneModel<>(id, update, new UpdateOptions().upsert(true));
    }

    private static Bson caseFacts(String department, String owner, Instant firstResponseDue, Instant resolutionDue) {
        return Updates.combine(
                Updates.set(CASE_OPEN, true),
                Updates.set("department", department),
                Updates.set("owner", owner),
                Updates.set("firstResponseDue", date(firstResponseDue)),
                Updates.set("resolutionDue", date(resolutionDue)));
    }

    /**
     * Stores the alert under the next id; empty when the event already has its alert (the unique index on the event
     * id says so, without a read first: a redelivery only leaves its drawn id unused, and ids need not be dense).
     */
    Optional<Alert> insert(AlertDraft draft, String eventId, Instant now) {
        return insertAll(List.of(new Raised(draft, eventId)), now).stream().findFirst();
    }

    /** An alert to store: worded, and the event (or the key) it is one per. */
    record Raised(AlertDraft draft, String eventId) {}

    /**
     * Stores the alerts under the next ids, in their order, with one write for the ids and one for the alerts; an
     * alert whose event already has one is left out (its id stays unused, as {@link #insert} says).
     *
     * @return the alerts stored, in id order
     */
    List<Alert> insertAll(List<Raised> raised, Instant now) {
        if (raised.isEmpty()) return List.of();
        long first = nextIds(raised.size());
        List<Alert> alerts = new ArrayList<>(raised.size());
        for (int i = 0; i < raised.size(); i++) {
            alerts.add(alert(first + i, raised.get(i).draft(), raised.get(i).eventId(), now));
        }
        try {
            this.alerts.insertMany(
                    alerts.stream().map(AlertStore::toDocument).toList(), new InsertManyOptions().ordered(false));
            return alerts;
        } catch (MongoBulkWriteException e) {
            Set<Integer> taken = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
                taken.add(error.getIndex());
            }
            List<Alert> stored = new ArrayList<>(alerts.size());
            for (int i = 0; i < alerts.size(); i++) {
                if (!taken.contains(i)) stored.add(alerts.get(i));
            }
            return stored;
        }
    }

    private static Alert alert(long id, AlertDraft draft, String eventId, Instant now) {
        return new Alert(
                id,
                draft.kind(),
                draft.complaintId(),
                draft.complaintClass(),
                draft.department(),
                draft.summary(),
                draft.summaryZh(),
                draft.link(),
                now,
                eventId,
                null,
                null);
    }

    Optional<Alert> find(long id) {
        return Optional.ofNullable(alerts.find(Filters.eq("_id", id)).first()).map(AlertStore::fromDocument);
    }

    /** Alerts matching the filter, newest first. */
    List<Alert> newestFirst(AlertFilter filter, Long after, Long before, int limit) {
        List<Alert> found = new ArrayList<>();
        Bson query =
                before == null ? query(filter, after) : Filters.and(query(filter, after), Filters.lt("_id", before));
        alerts.find(query).sort(Sorts.descending("_id")).limit(limit).forEach(d -> found.add(fromDocument(d)));
        return found;
    }

    /** Alerts matching the filter after the given id, oldest first (a stream's replay). */
    /** At most {@code limit} alerts after the id {@code after} that match, oldest first. */
    List<Alert> oldestFirstAfter(AlertFilter filter, long after, int limit) {
        List<Alert> found = new ArrayList<>();
        alerts.find(query(filter, after))
                .sort(Sorts.ascending("_id"))
                .limit(limit)
                .forEach(d -> found.add(fromDocument(d)));
        return found;
    }

    /** The id of the newest alert stored, 0 if none. */
    long newestId() {
        Document newest = alerts.find().sort(Sorts.descending("_id")).limit(1).first();
        return newest == null ? 0 : ((Number) newest.get("_id")).longValue();
    }

    /** Marks the alert acknowledged unless it already is; empty when it already was (or does not exist). */
    Optional<Alert> acknowledge(long id, String by, Instant at) {
        Document updated = alerts.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("acknowledgedBy", null)),
                Updates.combine(Updates.set("acknowledgedBy", by), Updates.set("acknowledgedAt", date(at))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(AlertStore::fromDocument);
    }

    /** Takes {@code count} ids of the sequence at once; returns the first. */
    private long nextIds(int count) {
        Document counter = counters.findOneAndUpdate(
                Filters.eq("_id", SEQUENCE),
                Updates.inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("value")).longValue() - count + 1;
    }

    private static Bson query(AlertFilter filter, Long after) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.kind() != null)
            conditions.add(Filters.eq("kind", filter.kind().name()));
        if (filter.complaintClass() != null) {
            conditions.add(Filters.eq("complaintClass", filter.complaintClass().name()));
        }
        if (filter.department() != null) conditions.add(Filters.eq("department", filter.department()));
        if (after != null) conditions.add(Filters.gt("_id", after));
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    private static Document toDocument(Alert alert) {
        return new Document("_id", alert.id())
                .append("kind", alert.kind().name())
                .append("complaintId", alert.complaintId())
                .append(
                        "complaintClass",
                        alert.complaintClass() == null
                                ? null
                                : alert.complaintClass().name())
                .append("department", alert.department())
                .append("summary", alert.summary())
                .append("summaryZh", alert.summaryZh())
                .append("link", alert.link())
                .append("createdAt", date(alert.createdAt()))
                .append("eventId", alert.eventId())
                .append("acknowledgedBy", null)
                .append("acknowledgedAt", null);
    }

    private static Alert fromDocument(Document d) {
        String complaintClass = d.getString("complaintClass");
        return new Alert(
                ((Number) d.get("_id")).longValue(),
                AlertKind.valueOf(d.getString("kind")),
                d.getString("complaintId"),
                complaintClass == null ? null : ComplaintClass.valueOf(complaintClass),
                d.getString("department"),
                d.getString("summary"),
                d.getString("summaryZh"),
                d.getString("link"),
                instant(d.getDate("createdAt")),
                d.getString("eventId"),
                d.getString("acknowledgedBy"),
                instant(d.getDate("acknowledgedAt")));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

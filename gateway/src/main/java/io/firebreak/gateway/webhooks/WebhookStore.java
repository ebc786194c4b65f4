package io.firebreak.gateway.webhooks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.ComplaintShared;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.gateway.GatewayProperties;
import io.firebreak.platform.mongo.Counts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The webhooks' part of the gateway's database: subscriptions ({@code webhook_subscriptions}), the durable queue
 * of deliveries ({@code webhook_deliveries}), the log of every attempt ({@code webhook_attempts}) and what is known
 * of each complaint for filtering ({@code webhook_complaints}).
 */
@Component
class WebhookStore {

    private static final Date NEVER = new Date(0);
    private static final String SEQUENCE = "webhook_deliveries";

    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> attempts;
    private final MongoCollection<Document> complaints;
    private final MongoCollection<Document> counters;

    private final SecretBox secrets;

    /**
     * The active subscriptions as last read, for at most {@link #ACTIVE_FOR_NANOS}: every batch of events asks for
     * them, and they change rarely. A change made here is seen at once; one made by another gateway instance within
     * a second (a delivery queued for a subscription just disabled waits, held, as the dispatcher sends only to
     * active ones).
     */
    private volatile ActiveSubscriptions active;

    private final AtomicLong changes = new AtomicLong();

    private static final long ACTIVE_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record ActiveSubscriptions(List<Subscription> subscriptions, long readAt, long changes) {}

    WebhookStore(MongoDatabase database, GatewayProperties properties) {
        this.secrets = new SecretBox(properties.webhooks().secretKey());
        this.subscriptions = database.getCollection("webhook_subscriptions");
        this.deliveries = database.getCollection("webhook_deliveries");
        this.attempts = database.getCollection("webhook_attempts");
        this.complaints = database.getCollection("webhook_complaints");
        this.counters = database.getCollection("counters");
        subscriptions.createIndex(Indexes.ascending("owner"));
        // The active subscriptions, read for every batch of events; and all of them, oldest first.
        subscriptions.createIndex(Indexes.ascending("status"));
        subscriptions.createIndex(Indexes.ascending("createdAt"));
        // The dispatcher's sweep: due pending deliveries in order.
        deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.ascending("seq")));
        // "Is an earlier one of this complaint still pending?" and the delivery log of a subscription.
        deliveries.createIndex(Indexes.compoundIndex(
                Indexes.ascending("subscriptionId"), Indexes.ascending("complaintId"), Indexes.ascending("seq")));
        deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending("subscriptionId"), Indexes.descending("seq")));
        // A complaint's deliveries, whose bodies are erased with its personal data.
        deliveries.createIndex(Indexes.ascending("complaintId"));
        attempts.createIndex(Indexes.ascending("deliveryId"));
        // The log's expiry.
        attempts.createIndex(Indexes.ascending("at"));
    }

    // ---- subscriptions

    void insert(Subscription s) {
        subscriptions.insertOne(toDocument(s));
        changes.incrementAndGet();
    }

    void replace(Subscription s) {
        subscriptions.replaceOne(eq("_id", s.id()), toDocument(s));
        changes.incrementAndGet();
    }

    Optional<Subscription> find(String id) {
        return Optional.ofNullable(subscriptions.find(eq("_id", id)).first()).map(this::subscription);
    }

    /** The owner's subscriptions (null: everyone's), oldest first, at most {@code limit}. */
    List<Subscription> subscriptions(String owner, int limit) {
        List<Subscription> found = new ArrayList<>();
        subscriptions
                .find(owner == null ? new Document() : eq("owner", owner))
                .sort(Sorts.ascending("createdAt"))
                .limit(limit)
                .forEach(d -> found.add(subscription(d)));
        return found;
    }

    /** The active subscriptions: read at most once a second, and again at once after a change made here. */
    List<Subscription> active() {
        ActiveSubscriptions known = active;
        long now = System.nanoTime();
        long changed = changes.get();
        if (known != null && known.changes() == changed && now - known.readAt() < ACTIVE_FOR_NANOS) {
            return known.subscriptions();
        }
        List<Subscription> found = new ArrayList<>();
        subscriptions.find(eq("status", Subscription.Status.ACTIVE.name())).forEach(d -> found.add(subscription(d)));
        // Kept only if nothing changed while it was read (a read begun before a change must not outlive it).
        active = new ActiveSubscriptions(List.copyOf(found), now, changed);
        return List.copyOf(found);
    }

    long countOwnedBy(String owner) {
        return Counts.matching(subscriptions, eq("owner", owner));
    }

    void delete(String id) {
        subscriptions.deleteOne(eq("_id", id));
        changes.incrementAndGet();
        deliveries.deleteMany(eq("subscriptionId", id));
    }

    /** Notes the first failure of a run of failures; later ones leave the time as it is. */
    void failing(String subscriptionId, Instant since) {
        subscriptions.updateOne(
                and(eq("_id", subscriptionId), eq("failingSince", null)),
                Updates.set("failingSince", Date.from(since)));
    }

    void succeeding(String subscriptionId) {
        subscriptions.updateOne(
                and(eq("_id", subscriptionId), Filters.ne("failingSince", null)), Updates.set("failingSince", null));
    }

    /** Disables an active subscription and holds its pending deliveries; false if it was not active. */
    boolean disable(String subscriptionId, Instant at, String reason) {
        Document before = subscriptions.findOneAndUpdate(
                and(eq("_id", subscriptionId), eq("status", Subscription.Status.ACTIVE.name())),
                Updates.combine(
                        Updates.set("status", Subscription.Status.DISABLED.name()),
                        Updates.set("disabledAt", Date.from(at)),
                        Updates.set("disabledReason", reason),
                        Updates.set("updatedAt", Date.from(at))));
        if (before == null) return false;
        changes.incrementAndGet();
        deliveries.updateMany(
                and(eq("subscriptionId", subscriptionId), eq("state", Delivery.State.PENDING.name())),
                Updates.set("state", Delivery.State.HELD.name()));
        return true;
    }

    /** Lets a subscription's held deliveries go again (it was enabled), due at once. */
    void release(String subscriptionId, Instant now) {
        deliveries.updateMany(
                and(eq("subscriptionId", subscriptionId), eq("state", Delivery.State.HELD.name())),
                Updates.combine(
                        Updates.set("state", Delivery.State.PENDING.name()),
                        Updates.set("nextAttemptAt", Date.from(now)),
                        Updates.set("leaseUntil", NEVER)));
    }

    // ---- complaint facts

    private static Subscription.ComplaintFacts facts(Document d) {
        String complaintClass = d.getString("complaintClass");
        List<String> shared = d.getList("sharedWith", String.class);
        return new Subscription.ComplaintFacts(
                d.getString("submittedBy"),
                shared == null ? List.of() : shared,
                complaintClass == null ? null : ComplaintClass.valueOf(complaintClass),
                d.getString("department"));
    }

    /** The facts of these complaints, by id (a complaint the gateway knows nothing of is missing). */
    Map<String, Subscription.ComplaintFacts> facts(Collection<String> complaintIds) {
        Map<String, Subscription.ComplaintFacts> found = new HashMap<>();
        complaints.find(Filters.in("_id", complaintIds)).forEach(d -> found.put(d.getString("_id"), facts(d)));
        return found;
    }

    /** Remembers what these events tell of their complaints (see {@link Subscription.ComplaintFacts}), in one write. */
    void remember(List<FirebreakEvent> events) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        for (FirebreakEvent event : events) {
            Bson update = null;
            if (event instanceof ComplaintReceived r && r.submittedBy() != null) {
                update = Updates.set("submittedBy", r.submittedBy());
            } else if (event instanceof ComplaintShared s) {
                update = Updates.addToSet("sharedWith", s.client());
            } else if (event instanceof ComplaintClassified c) {
                update = Updates.set("complaintClass", c.complaintClass().name());
            } else if (event instanceof ResponsibilityAssigned a) {
                // The department, and the class when the assignment names it.
                Bson setDepartment = Updates.set("department", a.primaryDepartment());
                update = a.complaintClass() == null
                        ? setDepartment
                        : Updates.combine(
                                setDepartment,
                                Updates.set("complaintClass", a.complaintClass().name()));
            }
            if (update != null) {
                writes.add(new UpdateOneModel<>(eq("_id", event.subject()), update, new UpdateOptions().upsert(true)));
            }
        }
        if (!writes.isEmpty()) complaints.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    // ---- deliveries

    /** Queues the delivery under the next sequence number; false if it is queued already (a redelivered event). */
    boolean enqueue(
            String id,
            String subscriptionId,
            String complaintId,
            String eventId,
            String type,
            String source,
            Instant time,
            String body,
            Instant now) {
        if (deliveries.find(eq("_id", id)).first() != null) return false;
        Document d = new Document("_id", id)
                .append("subscriptionId", subscriptionId)
                .append("complaintId", complaintId)
                .append("seq", nextSeq())
                .append("eventId", eventId)
                .append("type", type)
                .append("source", source)
                .append("time", time == null ? null : Date.from(time))
                .append("body", body)
                .append("state", Delivery.State.PENDING.name())
                .append("attempts", 0)
                .append("enqueuedAt", Date.from(now))
                .append("nextAttemptAt", Date.from(now))
                .append("leaseUntil", NEVER);
        try {
            deliveries.insertOne(d);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    /** Pending deliveries due now and not held by a sender, oldest first. */
    List<Delivery> due(Instant now, int limit) {
        List<Delivery> found = new ArrayList<>();
        deliveries
                .find(and(
                        eq("state", Delivery.State.PENDING.name()),
                        lte("nextAttemptAt", Date.from(now)),
                        lte("leaseUntil", Date.from(now))))
                .sort(Sorts.ascending("seq"))
                .limit(limit)
                .forEach(d -> found.add(delivery(d)));
        return found;
    }

    /** Whether a delivery of the same subscription and complaint queued before this one is not yet delivered. */
    boolean hasEarlierPending(Delivery d) {
        return deliveries
                        .find(and(
                                eq("subscriptionId", d.subscriptionId()),
                                eq("complaintId", d.complaintId()),
                                lt("seq", d.seq()),
                                in("state", Delivery.State.PENDING.name(), Delivery.State.HELD.name())))
                        .limit(1)
                        .first()
                != null;
    }

    /** Takes the delivery for one attempt until {@code until}; false if another sender has it. */
    boolean claim(String id, Instant now, Instant until) {
        return deliveries
                        .updateOne(
                                and(
                                        eq("_id", id),
                                        eq("state", Delivery.State.PENDING.name()),
                                        lte("leaseUntil", Date.from(now))),
                                Updates.set("leaseUntil", Date.from(until)))
                        .getModifiedCount()
                == 1;
    }

    /** Puts off every due delivery of the subscription (its breaker is open). */
    void postpone(String subscriptionId, Instant now, Instant until) {
        deliveries.updateMany(
                and(
                        eq("subscriptionId", subscriptionId),
                        eq("state", Delivery.State.PENDING.name()),
                        lte("nextAttemptAt", Date.from(now))),
                Updates.set("nextAttemptAt", Date.from(until)));
    }

    void delivered(String id, int statusCode, Instant at) {
        deliveries.updateOne(
                eq("_id", id),
                Updates.combine(
                        Updates.set("state", Delivery.State.DELIVERED.name()),
                        Updates.inc("attempts", 1),
                        Updates.set("deliveredAt", Date.from(at)),
                        Updates.set("lastStatusCode", statusCode),
                        Updates.set("lastError", null),
                        Updates.set("leaseUntil", NEVER)));
    }

    void failed(String id, Integer statusCode, String error, Instant nextAttemptAt) {
        deliveries.updateOne(
                eq("_id", id),
                Updates.combine(
                        Updates.inc("attempts", 1),
                        Updates.set("nextAttemptAt", Date.from(nextAttemptAt)),
                        Updates.set("lastStatusCode", statusCode),
                        Updates.set("lastError", error),
                        Updates.set("leaseUntil", NEVER)));
    }

    /** Queues a delivery again, due at once, keeping its id and place; false if there is none such. */
    boolean redeliver(String subscriptionId, String id, Instant now) {
        return deliveries
                        .updateOne(
                                and(eq("_id", id), eq("subscriptionId", subscriptionId)),
                                Updates.combine(
                                        Updates.set("state", Delivery.State.PENDING.name()),
                                        Updates.set("nextAttemptAt", Date.from(now)),
                                        Updates.set("leaseUntil", NEVER)))
                        .getMatchedCount()
                == 1;
    }

    Optional<Delivery> delivery(String id) {
        return Optional.ofNullable(deliveries.find(eq("_id", id)).first()).map(WebhookStore::delivery);
    }

    /** A subscription's deliveries, newest first, optionally in one state. */
    List<Delivery> deliveries(String subscriptionId, Delivery.State state, int limit) {
        Bson query = state == null
                ? eq("subscriptionId", subscriptionId)
                : and(eq("subscriptionId", subscriptionId), eq("state", state.name()));
        List<Delivery> found = new ArrayList<>();
        deliveries.find(query).sort(Sorts.descending("seq")).limit(limit).forEach(d -> found.add(delivery(d)));
        return found;
    }

    // ---- attempts

    /** One attempt as the log shows it. */
    /**
     * The bodies of this complaint's deliveries, but that of the erasure itself ({@code keepEventId}), replaced by
     * one naming only the complaint: its personal data is erased.
     */
    void eraseBodies(String complaintId, String keepEventId) {
        deliveries.updateMany(
                Filters.and(eq("complaintId", complaintId), Filters.ne("eventId", keepEventId)),
                Updates.set("body", "{\"complaintId\":\"" + complaintId.replace("\"", "") + "\",\"erased\":true}"));
    }

    /**
     * Forgets what is older than {@code before}: delivered deliveries (their bodies hold complaint data) and the
     * log of attempts. Answers how many deliveries went.
     */
    long expire(Instant before) {
        long gone = deliveries
                .deleteMany(Filters.and(
                        eq("state", Delivery.State.DELIVERED.name()), Filters.lt("deliveredAt", Date.from(before))))
                .getDeletedCount();
        attempts.deleteMany(Filters.lt("at", Date.from(before)));
        return gone;
    }

    record Attempt(String deliveryId, int number, Instant at, Integer statusCode, String error, long millis) {}

    void logAttempt(Attempt a) {
        attempts.insertOne(new Document("deliveryId", a.deliveryId())
                .append("number", a.number())
                .append("at", Date.from(a.at()))
                .append("statusCode", a.statusCode())
                .append("error", a.error())
                .append("millis", a.millis()));
    }

    List<Attempt> attempts(List<String> deliveryIds) {
        List<Attempt> found = new ArrayList<>();
        attempts.find(in("deliveryId", deliveryIds))
                .sort(Sorts.ascending("at"))
                .forEach(d -> found.add(new Attempt(
                        d.getString("deliveryId"),
                        d.getInteger("number"),
                        d.getDate("at").toInstant(),
                        d.getInteger("statusCode"),
                        d.getString("error"),
                        ((Number) d.get("millis")).longValue())));
        return found;
    }

    private long nextSeq() {
        Document counter = counters.findOneAndUpdate(
                eq("_id", SEQUENCE),
                Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("value")).longValue();
    }

    // ---- documents

    private Document toDocument(Subscription s) {
        return new Document("_id", s.id())
                .append("owner", s.owner())
                .append("allComplaints", s.allComplaints())
                .append("url", s.url())
                .append("eventTypes", s.eventTypes())
                .append("classes", s.classes().stream().map(Enum::name).toList())
                .append("departments", s.departments())
                .append("secret", secrets.seal(s.secret()))
                .append("status", s.status().name())
                .append("createdAt", date(s.createdAt()))
                .append("updatedAt", date(s.updatedAt()))
                .append("failingSince", date(s.failingSince()))
                .append("disabledAt", date(s.disabledAt()))
                .append("disabledReason", s.disabledReason())
                .append("previousSecret", secrets.seal(s.previousSecret()))
                .append("previousSecretUntil", date(s.previousSecretUntil()));
    }

    private Subscription subscription(Document d) {
        return new Subscription(
                d.getString("_id"),
                d.getString("owner"),
                Boolean.TRUE.equals(d.getBoolean("allComplaints")),
                d.getString("url"),
                d.getList("eventTypes", String.class),
                d.getList("classes", String.class).stream()
                        .map(ComplaintClass::valueOf)
                        .toList(),
                d.getList("departments", String.class),
                secrets.open(d.getString("secret")),
                Subscription.Status.valueOf(d.getString("status")),
                instant(d.getDate("createdAt")),
                instant(d.getDate("updatedAt")),
                instant(d.getDate("failingSince")),
                instant(d.getDate("disabledAt")),
                d.getString("disabledReason"),
                secrets.open(d.getString("previousSecret")),
                instant(d.getDate("previousSecretUntil")));
    }

    private static Delivery delivery(Document d) {
        return new Delivery(
                d.getString("_id"),
                d.getString("subscriptionId"),
                d.getString("complaintId"),
                ((Number) d.get("seq")).longValue(),
                d.getString("eventId"),
                d.getString("type"),
                d.getString("source"),
                instant(d.getDate("time")),
                d.getString("body"),
                Delivery.State.valueOf(d.getString("state")),
                d.getInteger("attempts", 0),
                instant(d.getDate("enqueuedAt")),
                instant(d.getDate("nextAttemptAt")),
                instant(d.getDate("deliveredAt")),
                d.getInteger("lastStatusCode"),
                d.getString("lastError"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

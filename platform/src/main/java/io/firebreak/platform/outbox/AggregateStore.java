package io.firebreak.platform.outbox;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.kafka.EventDispatcher;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.mongo.StaleIndexes;
import io.firebreak.platform.web.ContentTags;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.PageCursor;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.bson.BsonArray;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonElement;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;

/**
 * A collection of aggregates of one kind, each a record (package-private is fine: the platform's
 * {@link io.firebreak.platform.mongo.RecordCodecs} reads it) stored as one document with three mechanism fields
 * beside it: {@code version} (compare-and-set), {@code outbox} (events not yet published) and {@code applied}
 * (ids of the last events consumed). A state change and its events are one single-document write; the relay
 * publishes the events afterwards. Times are kept to the millisecond (BSON dates).
 */
public final class AggregateStore<T extends Record> {

    static final String VERSION = "version";
    static final String OUTBOX = "outbox";
    static final String APPLIED = "applied";
    private static final int MAX_APPLIED = 500;
    private static final int MAX_ATTEMPTS = 20;
    static final String CAS_INDEX_NAME = "_id_1_version_1";
    /** The fields the store writes beside an aggregate's own: no record it keeps may have one of these names. */
    private static final Set<String> OWN_FIELDS = Set.of("_id", VERSION, OUTBOX, APPLIED);

    private final MongoCollection<BsonDocument> collection;
    /** The same collection read as stored bytes: an aggregate is decoded from them, with no document tree between. */
    private final MongoCollection<RawBsonDocument> stored;

    private final Codec<T> codec;
    private final EventCodec events;
    private final OutboxRelay relay;

    AggregateStore(MongoCollection<BsonDocument> collection, Class<T> type, EventCodec events, OutboxRelay relay) {
        this.collection = collection;
        this.stored = collection.withDocumentClass(RawBsonDocument.class);
        for (RecordComponent component : type.getRecordComponents()) {
            if (OWN_FIELDS.contains(component.getName())) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + component.getName()
                        + ": a field of that name is the store's own (" + OWN_FIELDS + ")");
            }
        }
        this.codec = collection.getCodecRegistry().get(type);
        this.events = events;
        this.relay = relay;
        collection.createIndex(Indexes.ascending(OUTBOX + ".id"), new IndexOptions().sparse(true));
        // The compare-and-set filter {_id, version} (see write) is served by _id, by MongoDB and by the embedded
        // store alike; the index on {_id, version} that earlier versions kept for it only cost every write.
        StaleIndexes.drop(collection, CAS_INDEX_NAME);
        relay.register(collection);
    }

    /** The raw collection, for queries and indexes; writes go through this store. */
    public MongoCollection<Document> collection() {
        return collection.withDocumentClass(Document.class);
    }

    public Optional<Versioned<T>> find(String id) {
        return Optional.ofNullable(stored.find(eq("_id", id)).first()).map(this::decode);
    }

    public List<Versioned<T>> findAll(Bson filter, Bson sort, int limit) {
        List<Versioned<T>> result = new ArrayList<>();
        stored.find(filter).sort(sort).limit(limit).forEach(d -> result.add(decode(d)));
        return result;
    }

    /**
     * How a list is ordered: by {@code field} (then the id, the same way), descending or not; {@code keyOf} reads an
     * aggregate's key as a long (epoch milliseconds of a time, an order), {@code stored} turns it back into the
     * field's stored value (a {@code Date} for a time) for the query.
     */
    public record SortKey<T>(String field, boolean descending, Function<T, Long> keyOf, LongFunction<Object> stored) {

        /** A time field, read by {@code at}. */
        public static <T> SortKey<T> time(String field, boolean descending, Function<T, Instant> at) {
            return new SortKey<>(field, descending, t -> at.apply(t).toEpochMilli(), Date::new);
        }
    }

    /**
     * A page of the aggregates {@code filter} selects, in {@code key}'s order, from just past {@code after} (null:
     * from the start), with the cursor of the next page when there is one. The query starts where the key's index
     * walk does, so a page costs its own length, not the list's.
     */
    public Page<Versioned<T>> page(Bson filter, SortKey<T> key, PageCursor after, int limit) {
        List<Bson> conditions = new ArrayList<>();
        if (filter != null) conditions.add(filter);
        if (after != null) {
            Object at = key.stored().apply(after.key());
            conditions.add(key.descending() ? Filters.lte(key.field(), at) : Filters.gte(key.field(), at));
            conditions.add(
                    key.descending()
                            ? Filters.or(Filters.lt(key.field(), at), Filters.lt("_id", after.id()))
                            : Filters.or(Filters.gt(key.field(), at), Filters.gt("_id", after.id())));
        }
        Bson query = conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
        Bson sort = key.descending() ? Sorts.descending(key.field(), "_id") : Sorts.ascending(key.field(), "_id");
        List<Versioned<T>> found = findAll(query, sort, limit + 1);
        if (found.size() <= limit) return Page.of(found);
        Versioned<T> last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), new PageCursor(key.keyOf().apply(last.value()), last.id()).encode());
    }

    /**
     * Inserts a new aggregate with its events. Returns false when an aggregate with this id exists already
     * (a redelivered creating event, or a lost race), in which case nothing is written.
     */
    public boolean insert(String id, T value, List<? extends FirebreakEvent> newEvents, String appliedEventId) {
        return create(id, value, newEvents, appliedEventId).isPresent();
    }

    /**
     * As {@link #insert}, and the aggregate as stored: read from the document just written, not from the store
     * again. Empty when an aggregate with this id exists already.
     */
    public Optional<Versioned<T>> create(
            String id, T value, List<? extends FirebreakEvent> newEvents, String appliedEventId) {
        BsonArray outbox = outbox(newEvents);
        RawBsonDocument doc = fresh(id, value, outbox, appliedEventId);
        try {
            collection.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return Optional.empty();
            throw e;
        }
        if (!newEvents.isEmpty()) relay.publishSoon(collection, id, entries(outbox));
        return Optional.of(decode(doc));
    }

    /**
     * As {@link #create}, with keys that name the new aggregate written in the same command: documents of this
     * collection beside the aggregates (without a version, so never read as one; their ids must be of a form no
     * aggregate's id takes), each inserted unless one with its id exists already — the first to write a key keeps
     * it. When the aggregate's id is taken, nothing is written, keys neither.
     */
    public Optional<Versioned<T>> createWith(
            String id, T value, List<? extends FirebreakEvent> newEvents, List<Document> keys) {
        if (keys.isEmpty()) return create(id, value, newEvents, null);
        BsonArray outbox = outbox(newEvents);
        RawBsonDocument doc = fresh(id, value, outbox, null);
        List<BsonDocument> docs = new ArrayList<>(keys.size() + 1);
        docs.add(doc);
        keys.forEach(key -> docs.add(key.toBsonDocument(BsonDocument.class, collection.getCodecRegistry())));
        try {
            // In order: the aggregate first, so that a taken id stops the keys too.
            collection.insertMany(docs, new InsertManyOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            BulkWriteError error = e.getWriteErrors().get(0);
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
            if (error.getIndex() == 0) return Optional.empty();
            // A key someone else holds stopped the ones after it: those are written on their own.
            insertKeys(docs.subList(error.getIndex() + 1, docs.size()));
        }
        if (!newEvents.isEmpty()) relay.publishSoon(collection, id, entries(outbox));
        return Optional.of(decode(doc));
    }

    /**
     * Writes keys ({@link #createWith}) for an aggregate that exists, in one command: each unless one with its id
     * exists already.
     */
    public void insertKeys(List<? extends Bson> keys) {
        if (keys.isEmpty()) return;
        List<BsonDocument> docs = keys.stream()
                .map(key -> key.toBsonDocument(BsonDocument.class, collection.getCodecRegistry()))
                .toList();
        try {
            collection.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyTaken = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyTaken) throw e;
        }
    }

    /**
     * The aggregates and the keys ({@link #createWith}) with these ids, in one query: the aggregates decoded, by
     * id; the keys handed to {@code keys} as stored.
     */
    public Map<String, Versioned<T>> findWithKeys(List<String> ids, Consumer<Document> keys) {
        Map<String, Versioned<T>> found = new HashMap<>();
        if (ids.isEmpty()) return found;
        Codec<Document> documents = collection.getCodecRegistry().get(Document.class);
        stored.find(ids.size() == 1 ? eq("_id", ids.get(0)) : Filters.in("_id", ids))
                .forEach(d -> {
                    if (d.containsKey(VERSION)) {
                        Versioned<T> aggregate = decode(d);
                        found.put(aggregate.id(), aggregate);
                    } else {
                        keys.accept(d.decode(documents));
                    }
                });
        return found;
    }

    /** One new aggregate for {@link #insertAll}: as {@link #create} takes it, with the consumed event causing it. */
    public record New<T>(String id, T value, List<? extends FirebreakEvent> events, ReceivedEvent cause) {}

    /**
     * Inserts new aggregates with one write, each as {@link #create} does (its events in its outbox, with the
     * correlation of the event causing it). Says for each whether it was inserted: one whose id is taken (a
     * redelivered event, an aggregate made meanwhile, or an earlier one of the same list) is not, and nothing of it
     * is written.
     */
    public List<Boolean> insertAll(List<New<T>> aggregates) {
        List<Boolean> inserted = new ArrayList<>(aggregates.size());
        if (aggregates.isEmpty()) return inserted;
        List<RawBsonDocument> docs = new ArrayList<>(aggregates.size());
        List<BsonArray> outboxes = new ArrayList<>(aggregates.size());
        for (New<T> aggregate : aggregates) {
            BsonArray outbox = new BsonArray();
            within(aggregate.cause(), () -> outbox.addAll(outbox(aggregate.events())));
            outboxes.add(outbox);
            docs.add(fresh(
                    aggregate.id(),
                    aggregate.value(),
                    outbox,
                    aggregate.cause() == null ? null : aggregate.cause().id()));
            inserted.add(true);
        }
        try {
            collection.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
                inserted.set(error.getIndex(), false);
            }
        }
        for (int i = 0; i < aggregates.size(); i++) {
            if (inserted.get(i) && !aggregates.get(i).events().isEmpty())
                relay.publishSoon(collection, aggregates.get(i).id(), entries(outboxes.get(i)));
        }
        return inserted;
    }

    /**
     * Reads the aggregate, asks {@code decide} for the change, and writes it if nobody else wrote in between;
     * on a conflict it reads again and asks again. {@code decide} returning null means no change. If
     * {@code eventId} is given and was already applied, nothing happens (effectively-once consumption).
     *
     * @return the aggregate as it stands after the call, empty if there is none with this id
     */
    public Optional<Versioned<T>> update(String id, String eventId, Function<Versioned<T>, Change<T>> decide) {
        return update(id, null, eventId, decide);
    }

    /**
     * As {@link #update(String, Function)}, starting from the aggregate as the caller read it moments ago (no
     * read before the first write). That first write also requires the stored aggregate to have no unpublished
     * events (which {@code known} does not carry); if it changed since or has some, it is read again as usual.
     */
    public Optional<Versioned<T>> update(Versioned<T> known, Function<Versioned<T>, Change<T>> decide) {
        return update(known.id(), known, null, decide);
    }

    private Optional<Versioned<T>> update(
            String id, Versioned<T> known, String eventId, Function<Versioned<T>, Change<T>> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Versioned<T> agg;
            BsonArray pending;
            if (attempt == 0 && known != null) {
                agg = known;
                pending = null;
            } else {
                RawBsonDocument doc = stored.find(eq("_id", id)).first();
                if (doc == null) return Optional.empty();
                agg = decode(doc);
                pending = doc.containsKey(OUTBOX) ? doc.getArray(OUTBOX) : new BsonArray();
            }
            if (agg.hasApplied(eventId)) return Optional.of(agg);
            Change<T> change = decide.apply(agg);
            if (change == null) return Optional.of(agg);
            if (write(agg, pending, change, eventId)) {
                List<String> applied =
                        eventId == null ? agg.appliedEventIds() : appliedList(agg.appliedEventIds(), eventId);
                return Optional.of(new Versioned<>(id, change.value(), agg.version() + 1, applied));
            }
        }
        throw new ConcurrentChangeException("Aggregate " + id + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * One change of {@link #updateAll}: the aggregate's id, the consumed event's id (null for none) and the decision,
     * which is asked as in {@link #update(String, String, Function)}.
     */
    public record Update<T>(String id, String eventId, ReceivedEvent event, Function<Versioned<T>, Change<T>> decide) {

        /** A change that is no consumed event's ({@code eventId} null) or whose event needs no correlation. */
        public Update(String id, String eventId, Function<Versioned<T>, Change<T>> decide) {
            this(id, eventId, null, decide);
        }

        /**
         * The change a consumed event causes: decided with the event's correlation id and trace in the MDC, as a
         * single event is, so that the events it causes carry them on.
         */
        public static <T> Update<T> of(String id, ReceivedEvent event, Function<Versioned<T>, Change<T>> decide) {
            return new Update<>(id, event.id(), event, decide);
        }
    }

    /**
     * Applies the updates in their order with one read of all the aggregates they name and one bulk write of those
     * that changed (compare-and-set each, as {@link #update}); several updates of one aggregate are applied one
     * after the other before its write. If an aggregate changed in between, the updates are applied again one by
     * one as {@link #update} does: a decision must then change nothing it already changed (an event's id is
     * remembered in the same write, so a consumed event is not applied twice).
     *
     * @return the aggregates named, as they stand afterwards, by id; an id with no aggregate is missing
     */
    public Map<String, Versioned<T>> updateAll(List<Update<T>> updates) {
        Map<String, Versioned<T>> current = new LinkedHashMap<>();
        if (updates.isEmpty()) return current;
        Map<String, RawBsonDocument> read = new HashMap<>();
        stored.find(Filters.in(
                        "_id", updates.stream().map(Update::id).distinct().toList()))
                .forEach(d -> read.put(d.getString("_id").getValue(), d));
        read.forEach((id, d) -> current.put(id, decode(d)));
        Map<String, BsonArray> events = new LinkedHashMap<>();
        // Aggregates whose stored outbox held unpublished events: the relay reads theirs, in order.
        Set<String> waiting = new HashSet<>();
        for (Update<T> u : updates) {
            Versioned<T> agg = current.get(u.id());
            if (agg == null || agg.hasApplied(u.eventId())) continue;
            Change<T> change = decide(u, agg);
            if (change == null) continue;
            List<String> applied =
                    u.eventId() == null ? agg.appliedEventIds() : appliedList(agg.appliedEventIds(), u.eventId());
            current.put(
                    u.id(),
                    new Versioned<>(
                            u.id(),
                            change.value(),
                            read.get(u.id()).getNumber(VERSION).longValue() + 1,
                            applied));
            BsonArray outbox = events.computeIfAbsent(u.id(), id -> {
                RawBsonDocument doc = read.get(id);
                if (!doc.containsKey(OUTBOX) || doc.getArray(OUTBOX).isEmpty()) return new BsonArray();
                waiting.add(id);
                return new BsonArray(doc.getArray(OUTBOX));
            });
            within(u.event(), () -> outbox.addAll(outbox(change.events())));
        }
        if (events.isEmpty()) return current;
        List<ReplaceOneModel<BsonDocument>> writes = new ArrayList<>();
        events.forEach((id, outbox) -> {
            Versioned<T> next = current.get(id);
            writes.add(new ReplaceOneModel<>(
                    new BsonDocument("_id", new BsonString(id)).append(VERSION, new BsonInt64(next.version() - 1)),
                    document(id, next.version(), next.value(), outbox, applied(next.appliedEventIds(), null))));
        });
        int written = collection
                .bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .getMatchedCount();
        // Handed over only when every write took: which one did not is not known, and an outbox that was not written
        // must not be published. Otherwise the relay reads what the store holds.
        boolean all = written == writes.size();
        events.forEach((id, outbox) -> {
            if (outbox.isEmpty()) return;
            if (!all || waiting.contains(id)) relay.publishSoon(collection, id);
            else relay.publishSoon(collection, id, entries(outbox));
        });
        if (all) return current;
        // Someone wrote one of them meanwhile (which is not known): each update again, on the aggregate as it is.
        for (Update<T> u : updates) {
            if (!events.containsKey(u.id())) continue;
            within(u.event(), () -> update(u.id(), u.eventId(), u.decide()).ifPresent(a -> current.put(u.id(), a)));
        }
        return current;
    }

    private static <T> Change<T> decide(Update<T> u, Versioned<T> agg) {
        List<Change<T>> decided = new ArrayList<>(1);
        within(u.event(), () -> decided.add(u.decide().apply(agg)));
        return decided.get(0);
    }

    /** Runs {@code work} with the consumed event's correlation in the MDC (see EventDispatcher), as it is if none. */
    private static void within(ReceivedEvent cause, Runnable work) {
        if (cause == null) work.run();
        else EventDispatcher.within(cause, work);
    }

    /** Same as {@link #update(String, String, Function)} for a command that is not a consumed event. */
    public Optional<Versioned<T>> update(String id, Function<Versioned<T>, Change<T>> decide) {
        return update(id, null, decide);
    }

    /** {@code pending}: the unpublished events stored with {@code agg}; null to write only if there are none. */
    private boolean write(Versioned<T> agg, BsonArray pending, Change<T> change, String eventId) {
        // Events not yet published stay, new ones go after them. The relay bumps the version when it removes
        // published ones, so this compare-and-set never brings back an event that was already published.
        BsonArray outbox = pending == null ? new BsonArray() : new BsonArray(pending);
        outbox.addAll(outbox(change.events()));
        RawBsonDocument doc =
                document(agg.id(), agg.version() + 1, change.value(), outbox, applied(agg.appliedEventIds(), eventId));
        // A flat filter ({_id, version}, not {$and: [...]}): the embedded store reads it by _id and checks the rest.
        BsonDocument current =
                new BsonDocument("_id", new BsonString(agg.id())).append(VERSION, new BsonInt64(agg.version()));
        if (pending == null) current.append(OUTBOX, new BsonDocument("$size", new BsonInt32(0)));
        boolean written = collection.replaceOne(current, doc).getModifiedCount() == 1;
        if (written && !change.events().isEmpty()) {
            // Nothing was waiting before the new events: the relay publishes them as written, with no read.
            if (pending == null || pending.isEmpty()) relay.publishSoon(collection, agg.id(), entries(outbox));
            else relay.publishSoon(collection, agg.id());
        }
        return written;
    }

    /** An outbox as written, entry by entry, for the relay. */
    private static List<BsonDocument> entries(BsonArray outbox) {
        List<BsonDocument> entries = new ArrayList<>(outbox.size());
        outbox.forEach(v -> entries.add(v.asDocument()));
        return entries;
    }

    private BsonArray outbox(List<? extends FirebreakEvent> newEvents) {
        BsonArray array = new BsonArray();
        for (FirebreakEvent event : newEvents) {
            array.add(OutboxEntry.of(event, events.toJson(event)).toBsonDocument());
        }
        return array;
    }

    private static BsonArray applied(List<String> previous, String eventId) {
        BsonArray array = new BsonArray();
        (eventId == null ? previous : appliedList(previous, eventId)).forEach(id -> array.add(new BsonString(id)));
        return array;
    }

    private static List<String> appliedList(List<String> previous, String eventId) {
        List<String> list = new ArrayList<>(previous);
        list.add(eventId);
        return list.size() > MAX_APPLIED ? list.subList(list.size() - MAX_APPLIED, list.size()) : list;
    }

    /**
     * The entity tag of a value ({@link ContentTags}) as it is stored: the same for the value just written and for
     * it read back (the stored form, e.g. times to the millisecond), whatever the document's version.
     */
    public String tag(T value) {
        // The value's BSON bytes, written straight from the codec: no document built, no JSON rendered to hash.
        BasicOutputBuffer bytes = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(bytes)) {
            codec.encode(writer, value, EncoderContext.builder().build());
        }
        return ContentTags.of(bytes.getInternalBuffer(), bytes.getPosition());
    }

    /** A new aggregate's document: version 0, its events in {@code outbox}, the event that caused it applied. */
    private RawBsonDocument fresh(String id, T value, BsonArray outbox, String appliedEventId) {
        return document(id, 0, value, outbox, applied(List.of(), appliedEventId));
    }

    /**
     * An aggregate's document as it is stored: the value's fields, then its id and the three mechanism fields,
     * written as BSON bytes once — the value's codec writes them, the rest is copied — so that the driver sends
     * them as they are, with no document tree built and walked between ({@link #OWN_FIELDS}: no record has a field
     * of those names).
     */
    private RawBsonDocument document(String id, long version, T value, BsonArray outbox, BsonArray applied) {
        BasicOutputBuffer fields = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(fields)) {
            codec.encode(writer, value, EncoderContext.builder().build());
        }
        BasicOutputBuffer whole = new BasicOutputBuffer(fields.getPosition() + 256);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(whole);
                BsonBinaryReader reader =
                        new BsonBinaryReader(ByteBuffer.wrap(fields.getInternalBuffer(), 0, fields.getPosition()))) {
            writer.pipe(
                    reader,
                    List.of(
                            new BsonElement("_id", new BsonString(id)),
                            new BsonElement(VERSION, new BsonInt64(version)),
                            new BsonElement(OUTBOX, outbox),
                            new BsonElement(APPLIED, applied)));
        }
        return new RawBsonDocument(whole.getInternalBuffer(), 0, whole.getPosition());
    }

    /** An aggregate from its stored bytes: the value's codec reads its fields and passes over the others. */
    private Versioned<T> decode(RawBsonDocument stored) {
        String id = stored.getString("_id").getValue();
        long version = stored.getNumber(VERSION).longValue();
        List<String> applied = new ArrayList<>();
        BsonValue appliedValue = stored.get(APPLIED);
        if (appliedValue != null && appliedValue.isArray()) {
            appliedValue.asArray().forEach(v -> applied.add(v.asString().getValue()));
        }
        T value = stored.decode(codec);
        return new Versioned<>(id, value, version, List.copyOf(applied));
    }
}

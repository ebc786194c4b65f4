package io.firebreak.platform.settings;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * The versions of one kind of settings in one collection, one document each, never changed once written: the active
 * version is the one with the highest number. A new version is one insert whose id is its number, so two
 * administrators saving at once cannot both make version n+1.
 */
public final class SettingsHistory<T extends Record> {

    private static final String REVISION = "revision";

    private final MongoCollection<BsonDocument> collection;
    private final Codec<T> codec;
    private final String prefix;

    public SettingsHistory(MongoDatabase database, String collectionName, Class<T> type, String prefix) {
        this.collection = database.getCollection(collectionName, BsonDocument.class);
        this.codec = database.getCodecRegistry().get(type);
        this.prefix = prefix;
        collection.createIndex(Indexes.descending(REVISION));
    }

    /** The id of version {@code n}: {@code rules-3}. */
    public String versionId(long n) {
        return prefix + "-" + n;
    }

    /** The id of the active version, read cheaply (it decides whether a compiled copy is still current). */
    public Optional<String> activeVersion() {
        BsonDocument doc = collection
                .find()
                .sort(Sorts.descending(REVISION))
                .projection(Projections.include("_id"))
                .limit(1)
                .first();
        return Optional.ofNullable(doc).map(d -> d.getString("_id").getValue());
    }

    public Optional<Revision<T>> active() {
        return Optional.ofNullable(collection
                        .find()
                        .sort(Sorts.descending(REVISION))
                        .limit(1)
                        .first())
                .map(this::decode);
    }

    public Optional<Revision<T>> find(String version) {
        return Optional.ofNullable(collection.find(eq("_id", version)).first()).map(this::decode);
    }

    /** The versions, newest first, at most {@code limit}. */
    public List<Revision<T>> newestFirst(int limit) {
        List<Revision<T>> found = new ArrayList<>();
        collection.find().sort(Sorts.descending(REVISION)).limit(limit).forEach(d -> found.add(decode(d)));
        return found;
    }

    /** Writes a new version; false if that version exists already (someone else saved first). */
    public boolean insert(Revision<T> revision) {
        BsonDocument body = new BsonDocument();
        codec.encode(
                new BsonDocumentWriter(body),
                revision.body(),
                EncoderContext.builder().build());
        BsonDocument doc = new BsonDocument("_id", new BsonString(revision.version()))
                .append(REVISION, new BsonInt64(revision.revision()))
                .append("createdAt", new BsonDateTime(revision.createdAt().toEpochMilli()))
                .append("createdBy", new BsonString(revision.createdBy()))
                .append("source", new BsonString(revision.source()))
                .append("fingerprint", new BsonString(revision.fingerprint()))
                .append("body", body);
        try {
            collection.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    private Revision<T> decode(BsonDocument doc) {
        T body = codec.decode(
                new BsonDocumentReader(doc.getDocument("body")),
                DecoderContext.builder().build());
        return new Revision<>(
                doc.getString("_id").getValue(),
                doc.getNumber(REVISION).longValue(),
                Instant.ofEpochMilli(doc.getDateTime("createdAt").getValue()),
                doc.getString("createdBy").getValue(),
                doc.getString("source").getValue(),
                doc.getString("fingerprint").getValue(),
                body);
    }
}

package io.firebreak.platform.web;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.mongo.StaleIndexes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Makes a request safe to retry: the first answer to a request with an {@code Idempotency-Key} is kept (per client,
 * i.e. token subject, and per endpoint) and given again to every retry with the same key, without doing the work
 * again. The same key with a different body is refused (422). Keys are kept for the configured retention, in the
 * service's own database (collection {@code idempotency}). {@link IdempotencyFilter} applies it to every POST.
 */
public class IdempotentRequests {

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final String PENDING = "PENDING";
    private static final String DONE = "DONE";
    private static final int ATTEMPTS = 5;
    static final String HELD_INDEX = "_id_1_owner_1";

    /**
     * An answer as it was given: status, body (its bytes, kept as they are: a case file's text is neither decoded nor
     * encoded again to be stored) and its content type, and the Location header if there was one.
     */
    public record Answer(int status, byte[] body, String location, String contentType) {}

    /**
     * An answer the work gave that is not kept (an error: the request did nothing, so a retry must do the work):
     * the key is released and the answer given once.
     */
    public static final class Unkept extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Answer answer;

        public Unkept(Answer answer) {
            super("not kept: " + answer.status(), null, false, false);
            this.answer = answer;
        }

        public Answer answer() {
            return answer;
        }
    }

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final PlatformProperties.Idempotency settings;

    public IdempotentRequests(MongoDatabase database, Clock clock, PlatformProperties.Idempotency settings) {
        this.keys = database.getCollection("idempotency");
        // The store deletes expired keys itself; reads also ignore expired ones, as deletion runs only now and then.
        this.keys.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        // The owner's writes filter on {_id, owner} (see held), which MongoDB and the embedded store both serve by
        // _id; the index on {_id, owner} that earlier versions kept for it only cost every write.
        StaleIndexes.drop(this.keys, HELD_INDEX);
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * The answer for this request: the stored one if the key was used before with the same request, else the one
     * {@code work} gives, stored for the next retry. {@code fingerprint} identifies the request's content.
     */
    public Answer answer(String client, String endpoint, String key, String fingerprint, Supplier<Answer> work) {
        String id = keyOf(client, endpoint, key);
        String owner = UUID.randomUUID().toString();
        long waited = 0;
        // A new key (nearly every request) is reserved in one write; a key in use is read only then.
        boolean reserved = reserve(id, owner, fingerprint, clock.instant());
        for (int attempt = 0; !reserved; attempt++) {
            if (attempt == ATTEMPTS) {
                throw ProblemException.conflict("A request with this Idempotency-Key is changing; retry it.");
            }
            Instant now = clock.instant();
            Document existing = keys.find(eq("_id", id)).first();
            if (existing != null) {
                if (!existing.getDate("expiresAt").toInstant().isAfter(now)) {
                    keys.deleteOne(held(id, existing.getString("owner")));
                    continue;
                }
                if (!fingerprint.equals(existing.getString("fingerprint"))) throw keyReused();
                if (DONE.equals(existing.getString("state"))) {
                    log.info("Answered a retry from the stored answer (Idempotency-Key of client {})", client);
                    // The same resource again: 201 Created only the first time, 200 for every retry.
                    int status = existing.getInteger("status");
                    return new Answer(
                            status == 201 ? 200 : status,
                            bodyOf(existing.get("body")),
                            existing.getString("location"),
                            existing.getString("contentType"));
                }
                Instant started = existing.getDate("startedAt").toInstant();
                if (started.plus(settings.pendingTimeout()).isAfter(now)) {
                    // The same request at the same moment (a client's retry racing its first try): wait for the
                    // first one's answer rather than refuse, a bounded while.
                    if (waited < settings.waitForFirst().toMillis()) {
                        waited += pause(waited);
                        attempt--;
                        continue;
                    }
                    throw ProblemException.conflict(
                            "A request with this Idempotency-Key is still being processed; " + "retry it in a moment.");
                }
                // The first attempt never finished (its process stopped): this one takes the key over.
                Document takeOver = keys.findOneAndUpdate(
                        held(id, existing.getString("owner")),
                        Updates.combine(Updates.set("owner", owner), Updates.set("startedAt", Date.from(now))));
                reserved = takeOver != null;
            } else {
                reserved = reserve(id, owner, fingerprint, now);
            }
        }
        Answer answer;
        try {
            answer = work.get();
        } catch (RuntimeException e) {
            keys.deleteOne(held(id, owner));
            throw e;
        }
        keys.updateOne(
                held(id, owner),
                Updates.combine(
                        Updates.set("state", DONE),
                        Updates.set("status", answer.status()),
                        Updates.set("body", answer.body() == null ? null : new Binary(answer.body())),
                        Updates.set("location", answer.location()),
                        Updates.set("contentType", answer.contentType())));
        return answer;
    }

    /** The answer (422) to a key used before with another request. */
    public static ProblemException keyReused() {
        return new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request; use a new key for a new request.")
                .with(
                        "errors",
                        List.of(Map.of("field", "Idempotency-Key", "reason", "was used before with a different body")));
    }

    /** A stored body: its bytes, or text as answers were kept before they were kept as bytes. */
    private static byte[] bodyOf(Object stored) {
        if (stored instanceof Binary bytes) return bytes.getData();
        return stored == null ? null : stored.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The key as held by {@code owner}: a flat filter (not {@code $and}), which the store serves by _id. */
    private static Document held(String id, String owner) {
        return new Document("_id", id).append("owner", owner);
    }

    /** Sleeps a little longer each time (5 ms doubling to 100 ms); returns how long. */
    private static long pause(long waitedSoFar) {
        long millis = Math.min(100, Math.max(5, waitedSoFar));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.conflict(
                    "A request with this Idempotency-Key is still being processed; " + "retry it in a moment.");
        }
        return millis;
    }

    private boolean reserve(String id, String owner, String fingerprint, Instant now) {
        try {
            keys.insertOne(new Document("_id", id)
                    .append("owner", owner)
                    .append("fingerprint", fingerprint)
                    .append("state", PENDING)
                    .append("startedAt", Date.from(now))
                    .append("expiresAt", Date.from(now.plus(settings.retention()))));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    /**
     * What a key is kept under: the client (token subject), the endpoint and the key the client chose, digested. An
     * endpoint that keeps its keys in its own writes ({@code keptByEndpoint}) keeps them under this too.
     */
    public static String keyOf(String client, String endpoint, String key) {
        return sha256(client + '\n' + endpoint + '\n' + key);
    }

    /** A digest of the request's content, to tell a retry from a different request under the same key. */
    public static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

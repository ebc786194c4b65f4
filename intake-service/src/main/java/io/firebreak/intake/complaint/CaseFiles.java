package io.firebreak.intake.complaint;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;
import static com.mongodb.client.model.Indexes.descending;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** The store of case files, written by intake on receipt and by the projection on every later event. */
@Component
public class CaseFiles {

    private static final String COMPLAINT = "complaintId";

    private final AggregateStore<Complaint> store;
    /**
     * The external keys merged into a complaint ({@code mergedExternalKeys}), keyed by the key: looked up by
     * {@code _id} on every submission with an external reference, which every store serves by index (the embedded
     * store cannot serve a query on an array field).
     */
    private final MongoCollection<Document> mergedKeys;

    CaseFiles(AggregateStores stores, MongoDatabase database) {
        store = stores.create("complaints", Complaint.class);
        store.collection().createIndex(compoundIndex(ascending("status"), descending("receivedAt")));
        // A customer's recent complaints, looked through for the same matter on every submission.
        store.collection().createIndex(compoundIndex(ascending("customerId"), descending("receivedAt")));
        // The list pages newest first by (receivedAt, _id), also of one class.
        store.collection().createIndex(compoundIndex(descending("receivedAt"), descending("_id")));
        store.collection()
                .createIndex(compoundIndex(
                        ascending("classification.complaintClass"), descending("receivedAt"), descending("_id")));
        // One complaint per ticket of a client, even for submissions at the same moment on several instances.
        store.collection()
                .createIndex(
                        ascending("externalKey"),
                        new IndexOptions().unique(true).sparse(true));
        // One complaint per Idempotency-Key of a submission, likewise (SubmissionKey).
        store.collection()
                .createIndex(
                        ascending("idempotencyKey"),
                        new IndexOptions().unique(true).sparse(true));
        store.collection().createIndex(ascending("mergedExternalKeys"), new IndexOptions().sparse(true));
        store.collection()
                .createIndex(
                        compoundIndex(ascending("externalRef.system"), ascending("externalRef.id")),
                        new IndexOptions().sparse(true));
        // What an integration client may see: what it submitted and what was shared with it.
        store.collection().createIndex(compoundIndex(ascending("submittedBy"), descending("receivedAt")));
        store.collection().createIndex(ascending("sharedWith"), new IndexOptions().sparse(true));
        mergedKeys = database.getCollection("merged_external_keys");
        // A database from before the merged keys were kept apart: take them over once.
        if (mergedKeys.estimatedDocumentCount() == 0) {
            store.collection()
                    .find(Filters.exists("mergedExternalKeys"))
                    .projection(Projections.include("mergedExternalKeys"))
                    .forEach(d -> d.getList("mergedExternalKeys", String.class, java.util.List.of())
                            .forEach(key -> rememberMergedKey(key, d.getString("_id"))));
        }
    }

    /** The complaint this external key was merged into, if any. */
    Optional<String> mergedInto(String key) {
        return Optional.ofNullable(mergedKeys.find(Filters.eq("_id", key)).first())
                .map(d -> d.getString(COMPLAINT));
    }

    /** Records that this external key was merged into the complaint (once: the first complaint keeps it). */
    void rememberMergedKey(String key, String complaintId) {
        try {
            mergedKeys.insertOne(new Document("_id", key).append(COMPLAINT, complaintId));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
        }
    }

    public AggregateStore<Complaint> store() {
        return store;
    }
}

package io.firebreak.intake.complaint;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;
import static com.mongodb.client.model.Indexes.descending;

import com.mongodb.client.model.IndexOptions;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import org.springframework.stereotype.Component;

/** The store of case files, written by intake on receipt and by the projection on every later event. */
@Component
public class CaseFiles {

    private final AggregateStore<Complaint> store;

    CaseFiles(AggregateStores stores) {
        store = stores.create("complaints", Complaint.class);
        store.collection().createIndex(compoundIndex(ascending("status"), descending("receivedAt")));
        // A customer's recent complaints, looked through for the same matter on every submission.
        store.collection().createIndex(compoundIndex(ascending("customerId"), descending("receivedAt")));
        // The list pages newest first by (receivedAt, _id).
        store.collection().createIndex(compoundIndex(descending("receivedAt"), descending("_id")));
        // One complaint per ticket of a client, even for submissions at the same moment on several instances.
        store.collection().createIndex(ascending("externalKey"), new IndexOptions().unique(true).sparse(true));
        store.collection().createIndex(ascending("mergedExternalKeys"), new IndexOptions().sparse(true));
        store.collection().createIndex(compoundIndex(ascending("externalRef.system"), ascending("externalRef.id")),
                new IndexOptions().sparse(true));
        // What an integration client may see: what it submitted and what was shared with it.
        store.collection().createIndex(compoundIndex(ascending("submittedBy"), descending("receivedAt")));
        store.collection().createIndex(ascending("sharedWith"), new IndexOptions().sparse(true));
    }

    public AggregateStore<Complaint> store() {
        return store;
    }
}

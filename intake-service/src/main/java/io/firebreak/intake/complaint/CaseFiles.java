package io.firebreak.intake.complaint;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;
import static com.mongodb.client.model.Indexes.descending;

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
    }

    public AggregateStore<Complaint> store() {
        return store;
    }
}

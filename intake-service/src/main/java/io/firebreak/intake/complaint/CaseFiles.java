package io.firebreak.intake.complaint;

import com.mongodb.client.model.Indexes;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import org.springframework.stereotype.Component;

/** The store of case files, written by intake on receipt and by the projection on every later event. */
@Component
public class CaseFiles {

    private final AggregateStore<Complaint> store;

    CaseFiles(AggregateStores stores) {
        store = stores.create("complaints", Complaint.class);
        store.collection().createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("receivedAt")));
        store.collection().createIndex(Indexes.ascending("customerId"));
    }

    public AggregateStore<Complaint> store() {
        return store;
    }
}

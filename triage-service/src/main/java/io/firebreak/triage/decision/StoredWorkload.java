package io.firebreak.triage.decision;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.triage.routing.DepartmentRouter.Loads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Loads counted from the triage documents themselves: a person's load is the number of complaints they own that are
 * open. It is derived, never a separate counter, so it cannot drift from the complaints: resolving, closing and
 * reassigning change it by the same single-document write that records them.
 */
@Component
class StoredWorkload implements Workload {

    private final MongoCollection<Document> triages;

    StoredWorkload(AggregateStore<ComplaintTriage> store) {
        this.triages = store.collection();
        triages.createIndex(Indexes.ascending("owner", "open"));
    }

    @Override
    public Loads loads(String excludingComplaintId) {
        return people -> {
            Map<String, Integer> open = new HashMap<>();
            triages.find(and(in("owner", people), eq("open", true), ne("_id", excludingComplaintId)))
                    .projection(Projections.include("owner"))
                    .forEach(d -> open.merge(d.getString("owner"), 1, Integer::sum));
            return open;
        };
    }

    @Override
    public List<String> ownersOf(List<String> complaintIds) {
        if (complaintIds == null || complaintIds.isEmpty()) return List.of();
        List<String> owners = new ArrayList<>();
        triages.find(in("_id", complaintIds))
                .projection(Projections.include("owner"))
                .forEach(d -> {
                    if (d.getString("owner") != null) owners.add(d.getString("owner"));
                });
        return owners;
    }
}

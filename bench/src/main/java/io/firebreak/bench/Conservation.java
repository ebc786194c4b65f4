package io.firebreak.bench;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The end-of-run accounting: every submission answered one way or another, and every accepted complaint present
 * once in every service's store. The stores are read directly and only read: the benchmark is a measuring tool
 * outside the services, and their APIs would answer one complaint at a time.
 */
final class Conservation {

    /** Database and collection of each service's complaint aggregate (all keyed by the complaint id). */
    static final Map<String, String> STORES = new LinkedHashMap<>();

    static {
        STORES.put("intake", "complaints");
        STORES.put("triage", "triage");
        STORES.put("resolution", "cases");
        STORES.put("feedback", "follow_ups");
    }

    private Conservation() {}

    /**
     * {@code acceptedIds}: the complaints answered 2xx; {@code unsureOrderRefs}: requests answered with an error
     * other than a validation error, or not at all (a timeout), which intake may still have stored: the store decides
     * whether each counts as accepted or rejected.
     */
    static Map<String, Object> check(
            String mongoUri,
            List<String> answeredIds,
            List<String> unsureOrderRefs,
            String orderPrefix,
            Map<String, Long> requestCounts) {
        Map<String, Object> result = new LinkedHashMap<>(requestCounts);
        long submitted = requestCounts.get("submitted");
        long answeredAccepted = requestCounts.get("accepted");
        long answeredRejected = requestCounts.get("rejected");
        long failed = requestCounts.get("failed");
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoUri))
                .build();
        boolean allPresent = true;
        try (MongoClient client = MongoClients.create(settings)) {
            List<String> acceptedIds = new ArrayList<>(answeredIds);
            MongoCollection<Document> intake = client.getDatabase("intake").getCollection("complaints");
            for (int i = 0; i < unsureOrderRefs.size(); i += 1000) {
                List<String> chunk = unsureOrderRefs.subList(i, Math.min(unsureOrderRefs.size(), i + 1000));
                for (Document d :
                        intake.find(in("orderRef", new ArrayList<>(chunk))).projection(new Document("_id", 1))) {
                    acceptedIds.add(d.getString("_id"));
                }
            }
            long storedDespiteError = acceptedIds.size() - answeredIds.size();
            long accepted = answeredAccepted + storedDespiteError;
            long rejected = submitted - accepted;
            result.put("acceptedAnswered", answeredAccepted);
            result.put("acceptedThoughAnsweredWithAnErrorOrTimeout", storedDespiteError);
            result.put("accepted", accepted);
            result.put("rejectedAnswered", answeredRejected);
            result.put(
                    "rejectedAfterAnErrorOrTimeout",
                    failed + answeredRejected - requestCounts.get("rejectedInvalid") - storedDespiteError);
            result.put("rejected", rejected);
            result.put(
                    "submittedEqualsAcceptedPlusRejected", submitted == answeredAccepted + answeredRejected + failed);
            Map<String, Object> stores = new LinkedHashMap<>();
            for (Map.Entry<String, String> store : STORES.entrySet()) {
                MongoCollection<Document> collection =
                        client.getDatabase(store.getKey()).getCollection(store.getValue());
                long found = 0;
                for (int i = 0; i < acceptedIds.size(); i += 1000) {
                    List<String> chunk = acceptedIds.subList(i, Math.min(acceptedIds.size(), i + 1000));
                    // Found by _id, which every store serves by index; a count would be an aggregation, which the
                    // embedded store answers by reading the whole collection for every chunk.
                    for (Document ignored :
                            collection.find(in("_id", new ArrayList<>(chunk))).projection(new Document("_id", 1))) {
                        found++;
                    }
                }
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("collection", store.getKey() + "." + store.getValue());
                s.put("found", found);
                s.put("missing", acceptedIds.size() - found);
                stores.put(store.getKey(), s);
                allPresent &= found == acceptedIds.size();
                result.merge(
                        "foundInEveryStore",
                        found,
                        (a, b) -> Math.min(((Number) a).longValue(), ((Number) b).longValue()));
            }
            result.put("stores", stores);
            MongoCollection<Document> complaints = client.getDatabase("intake").getCollection("complaints");
            long stored = complaints.countDocuments(regex("orderRef", "^" + orderPrefix));
            long duplicated = 0;
            for (Document d : complaints.aggregate(List.of(
                    Aggregates.match(regex("orderRef", "^" + orderPrefix)),
                    Aggregates.group("$orderRef", Accumulators.sum("n", 1)),
                    Aggregates.match(Filters.gt("n", 1))))) {
                duplicated += ((Number) d.get("n")).longValue() - 1;
            }
            result.put("complaintsStoredForThisRun", stored);
            result.put("duplicated", duplicated);
            result.put(
                    "lost",
                    Math.max(0, accepted - stored)
                            + acceptedIds.size()
                            - ((Number) result.get("foundInEveryStore")).longValue());
            result.put("allAcceptedInEveryStore", allPresent);
            result.put(
                    "ok",
                    (Boolean) result.get("submittedEqualsAcceptedPlusRejected")
                            && allPresent
                            && duplicated == 0
                            && stored == accepted);
        }
        return result;
    }
}

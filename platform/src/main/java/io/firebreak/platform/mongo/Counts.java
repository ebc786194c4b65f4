package io.firebreak.platform.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.conversions.Bson;

/** Counting the documents that match a filter, the same way on MongoDB and on the embedded store. */
public final class Counts {

    private Counts() {}

    /**
     * How many documents match: their ids read through the filter's index. The driver's {@code countDocuments} is an
     * aggregation, which MongoDB serves by the index but the embedded store answers by reading the whole collection;
     * use this where the matches are few (a cap, a sequence number), not to count a large collection.
     */
    public static long matching(MongoCollection<?> collection, Bson filter) {
        long count = 0;
        for (Object ignored : collection.find(filter).projection(Projections.include("_id"))) {
            count++;
        }
        return count;
    }
}

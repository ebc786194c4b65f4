package io.firebreak.platform.mongo;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Indexes that earlier versions made and this one no longer wants. */
public final class StaleIndexes {

    private StaleIndexes() {}

    /**
     * Drops the index of this name if the collection has it (it now only costs every write). Listing first keeps
     * this the same on MongoDB and on the embedded store, whose errors for a missing index differ.
     */
    public static void drop(MongoCollection<?> collection, String name) {
        for (Document index : collection.listIndexes()) {
            if (name.equals(index.getString("name"))) {
                collection.dropIndex(name);
                return;
            }
        }
    }
}

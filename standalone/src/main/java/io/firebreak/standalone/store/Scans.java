package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the queries that read a whole collection because no index serves them, and logs each such query's shape
 * once a collection is large enough for it to matter.
 */
final class Scans {

    private static final Logger log = LoggerFactory.getLogger(Scans.class);

    private final AtomicLong count = new AtomicLong();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    void scanned(String collection, Document query, int documents, int loggedAbove) {
        count.incrementAndGet();
        if (documents > loggedAbove && logged.add(collection + " " + query.keySet())) {
            log.warn("A query on {} with the fields {} reads all its {} documents: no index serves it", collection,
                    query.keySet(), documents);
        }
    }

    /** Queries so far that read a whole collection. */
    long count() {
        return count.get();
    }
}

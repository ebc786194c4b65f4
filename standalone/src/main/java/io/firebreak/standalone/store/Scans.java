package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the queries that read a whole collection because no index serves them, by shape (the collection, the
 * query's fields and the fields it is sorted by), and logs each shape once a collection is large enough for it to matter.
 */
final class Scans {

    private static final Logger log = LoggerFactory.getLogger(Scans.class);
    /** Shapes counted apart at most; a store queried in more shapes than this counts the rest in total only. */
    private static final int MAX_SHAPES = 1_000;

    private final AtomicLong count = new AtomicLong();
    private final Map<String, AtomicLong> shapes = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    void scanned(String collection, Document query, Document orderBy, int documents, int loggedAbove) {
        if (collection.contains(".system.")) {
            // The store's own catalog (its indexes), read when an index is made: not data.
            return;
        }
        count.incrementAndGet();
        String shape = collection + " " + IndexKeys.conditions(query).keySet()
                + (orderBy == null || orderBy.isEmpty() ? "" : " sorted by " + orderBy.keySet());
        AtomicLong counted = shapes.get(shape);
        if (counted == null && shapes.size() < MAX_SHAPES)
            counted = shapes.computeIfAbsent(shape, k -> new AtomicLong());
        if (counted != null) counted.incrementAndGet();
        if (documents > loggedAbove && logged.add(shape)) {
            log.warn("A query on {} reads all its {} documents: no index serves it", shape, documents);
        }
    }

    /** Queries so far that read a whole collection. */
    long count() {
        return count.get();
    }

    /** Such queries so far by shape: {@code database.collection [fields]} and how many. */
    Map<String, Long> byShape() {
        Map<String, Long> counts = new TreeMap<>();
        shapes.forEach((shape, n) -> counts.put(shape, n.get()));
        return counts;
    }
}

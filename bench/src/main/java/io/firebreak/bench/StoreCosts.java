package io.firebreak.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The CPU the embedded store spent on each kind of command so far, by database, collection and command, as the store
 * itself measures it (its command {@code firebreakCommandCosts}): which commands are dear, not only how many were
 * sent. A store that does not answer it (a MongoDB server) leaves the figures out, said once.
 */
final class StoreCosts implements AutoCloseable {

    private final MongoClient client;
    private boolean warned;

    StoreCosts(String mongo) {
        this.client = MongoClients.create(mongo);
    }

    /** "database collection command" → CPU milliseconds spent so far; empty when the store cannot tell. */
    Map<String, Double> read() {
        Map<String, Double> spent = new TreeMap<>();
        try {
            Document answer = client.getDatabase("admin").runCommand(new Document("firebreakCommandCosts", 1));
            for (Document cost : answer.getList("costs", Document.class, List.of())) {
                spent.put(
                        cost.getString("database") + " " + cost.getString("collection") + " "
                                + cost.getString("command"),
                        cost.get("cpuNanos", Number.class).doubleValue() / 1e6);
            }
        } catch (RuntimeException e) {
            if (!warned) {
                System.out.println("The store does not tell what its commands cost (" + e.getMessage()
                        + "): the report leaves the store's CPU by command out");
                warned = true;
            }
        }
        return spent;
    }

    /** What was spent between two readings, in milliseconds. */
    static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new TreeMap<>();
        after.forEach((key, ms) -> {
            double delta = ms - before.getOrDefault(key, 0.0);
            if (delta > 0) spent.put(key, delta);
        });
        return spent;
    }

    @Override
    public void close() {
        client.close();
    }
}

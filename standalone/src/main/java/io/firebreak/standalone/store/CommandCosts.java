package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.bson.Document;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the store's commands cost it, by database, collection and command: how many ran and the CPU time of the
 * thread that ran them (the engine's work, the journal's entry included; not the wire's decoding before it). The
 * drivers count the commands they send; only the store knows which of them are dear: a find that reads a few
 * thousand documents to answer with a few, an update of a document grown large. Read with the command
 * {@value #COMMAND} (any database): the benchmark reads it before and after each step.
 */
final class CommandCosts {

    /** The command that answers the costs so far: {@code {firebreakCommandCosts: 1}}. */
    static final String COMMAND = "firebreakCommandCosts";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private record Key(String database, String collection, String command) {}

    private record Cost(LongAdder count, LongAdder cpuNanos) {}

    private final Map<Key, Cost> costs = new ConcurrentHashMap<>();
    private final boolean measured = THREADS.isCurrentThreadCpuTimeSupported();

    /** The CPU time of the calling thread so far, in nanoseconds (0 where the platform cannot tell). */
    long now() {
        return measured ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** One command run on this thread since {@code started} (a {@link #now} taken before it). */
    void ran(String database, String command, Document query, long started) {
        long spent = now() - started;
        // A getMore names its collection apart; every other command names it as the command's value.
        Object collection = command.equals("getMore") ? query.get("collection") : query.get(command);
        Cost cost = costs.computeIfAbsent(
                new Key(database, collection instanceof String name ? name : "", command),
                k -> new Cost(new LongAdder(), new LongAdder()));
        cost.count().increment();
        cost.cpuNanos().add(spent);
    }

    /** The answer to {@value #COMMAND}: one entry per database, collection and command. */
    Document report() {
        List<Document> entries = new ArrayList<>();
        costs.forEach((key, cost) -> entries.add(new Document("database", key.database())
                .append("collection", key.collection())
                .append("command", key.command())
                .append("count", cost.count().sum())
                .append("cpuNanos", cost.cpuNanos().sum())));
        Document answer = new Document("costs", entries);
        answer.put("measured", measured);
        answer.put("ok", 1.0);
        return answer;
    }
}

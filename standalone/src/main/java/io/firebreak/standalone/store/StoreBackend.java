package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's engine under the MongoDB wire protocol: databases and collections as maps of one MVStore file
 * (documents as BSON, see {@link BsonTypes}), and every command that changes something answered only once its
 * change is safe from a killed process: written to the {@link Journal} (inserts, updates, deletes), or committed to
 * the file itself (everything else: indexes, collections, databases created or dropped).
 *
 * <p>Writes run one at a time (reads run beside them): the journal's entries are then in the order the changes were
 * made, and a checkpoint never sees a command half-applied. A write's work here is tens of microseconds; waiting
 * for the journal, which takes longer, happens after, shared by every write that waits at the same time. What each
 * kind of command costs is counted ({@link CommandCosts}).
 */
final class StoreBackend extends AbstractMongoBackend {

    private static final Logger log = LoggerFactory.getLogger(StoreBackend.class);

    /** Commands that never change anything: answered at once. */
    private static final Set<String> READS = lowerCase(List.of(
            "find",
            "getMore",
            "count",
            "distinct",
            "listCollections",
            "listIndexes",
            "listDatabases",
            "hello",
            "isMaster",
            "ping",
            "buildInfo",
            "serverStatus",
            "getParameter",
            "killCursors",
            "endSessions",
            "dbStats",
            "collStats",
            "whatsmyuri",
            "getLog",
            "hostInfo",
            "connectionStatus",
            "getCmdLineOpts",
            "getFreeMonitoringStatus",
            "explain"));
    /** Commands whose changes go to the journal; any other change is committed to the file at once. */
    private static final Set<String> JOURNALED = lowerCase(List.of("insert", "update", "delete", "findAndModify"));
    /** The map of the file that records the last journal entry the file's contents cover. */
    private static final String CHECKPOINT_MAP = "journal";

    private static final String CHECKPOINT_KEY = "covers";
    private static final long SLOW_CHECKPOINT_MILLIS = 100;

    private final MVStore file;
    private final Journal journal;
    private final boolean forceFile;
    private final ReentrantLock writes = new ReentrantLock();
    private final MVMap<String, Long> checkpoints;
    private final Scans scans = new Scans();
    private final CommandCosts costs = new CommandCosts();
    private long checkpointCount;

    StoreBackend(MVStore file, Path journalPath, DocumentStore.Flush flush) {
        this.file = file;
        this.forceFile = flush == DocumentStore.Flush.DISK;
        this.checkpoints = file.openMap(CHECKPOINT_MAP);
        long covered = checkpoints.getOrDefault(CHECKPOINT_KEY, 0L);
        this.journal = Journal.open(journalPath, covered, name -> StoreDatabase.map(file, name), forceFile);
        checkpoint();
        for (String database : databaseNames(file)) {
            resolveDatabase(database);
        }
        // Opening may have built an index from its collection's documents.
        checkpoint();
    }

    private static Set<String> databaseNames(MVStore file) {
        Set<String> names = new TreeSet<>();
        for (String map : file.getMapNames()) {
            if (map.startsWith(StoreDatabase.DOCUMENTS)) {
                names.add(Utils.firstFragment(map.substring(StoreDatabase.DOCUMENTS.length())));
            }
        }
        return names;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new StoreDatabase(name, file, getCursorRegistry(), scans);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (command.equals(CommandCosts.COMMAND)) return costs.report();
        long started = costs.now();
        try {
            return run(channel, database, command, query);
        } finally {
            costs.ran(database, command, query, started);
        }
    }

    private Document run(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (READS.contains(name) || isReadOnlyAggregation(name, query)) {
            return super.handleCommand(channel, database, command, query);
        }
        if (!JOURNALED.contains(name)) {
            return exclusively(() -> super.handleCommand(channel, database, command, query));
        }
        long entry;
        Document answer = null;
        RuntimeException failure = null;
        writes.lock();
        try {
            Journal.startRecording();
            try {
                answer = super.handleCommand(channel, database, command, query);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                entry = journal.append(Journal.stopRecording());
            }
        } finally {
            writes.unlock();
        }
        // Also when the command failed half-way: what it did change is durable before the client hears of it.
        journal.awaitWritten(entry);
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    private static boolean isReadOnlyAggregation(String command, Document query) {
        if (!command.equals("aggregate") || !(query.get("pipeline") instanceof Collection<?> pipeline)) {
            return false;
        }
        return pipeline.stream()
                .noneMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
    }

    /** Runs {@code action} with no write under way, then commits everything to the file before any other write. */
    private <T> T exclusively(Supplier<T> action) {
        writes.lock();
        try {
            return action.get();
        } finally {
            try {
                checkpoint();
            } finally {
                writes.unlock();
            }
        }
    }

    /**
     * Commits every change so far to the file and empties the journal, holding writes off only while the journal
     * turns to its other file and the file's new version is taken; the version is written to the file beside the
     * writes that follow. {@code compact} first rewrites the file's least-filled chunks (also beside the writes), so
     * that space freed by updates is used again.
     */
    void checkpoint(boolean compact, int targetFillPercent, int compactBytes) {
        if (compact) {
            file.compact(targetFillPercent, compactBytes);
        }
        long began = System.nanoTime();
        long journalBytes = journal.size();
        long version;
        writes.lock();
        try {
            checkpoints.put(CHECKPOINT_KEY, journal.rotate());
            // Takes the version and hands its writing to the file's own threads (or writes it, if they are busy).
            version = file.tryCommit();
            if (version < 0) {
                version = file.commit();
            }
            checkpointCount++;
        } finally {
            writes.unlock();
        }
        long paused = System.nanoTime() - began;
        file.getFileStore().executeFileStoreOperation(() -> {});
        if (file.isClosed() || version >= 0 && file.getFileStore().lastChunkVersion() < version) {
            throw new IllegalStateException(
                    "The store file " + file.getFileStore().getFileName() + " could not be written at a checkpoint");
        }
        if (forceFile) {
            file.sync();
        }
        journal.retire();
        long millis = (System.nanoTime() - began) / 1_000_000;
        if (paused / 1_000_000 >= SLOW_CHECKPOINT_MILLIS) {
            log.info(
                    "Checkpoint of {} KB of journal took {} ms, writes paused for {} ms",
                    journalBytes >> 10,
                    millis,
                    paused / 1_000_000);
        } else if (millis >= SLOW_CHECKPOINT_MILLIS) {
            log.debug(
                    "Checkpoint of {} KB of journal took {} ms, writes paused for {} ms",
                    journalBytes >> 10,
                    millis,
                    paused / 1_000_000);
        }
    }

    /** Commits every change so far to the file and empties the journal, holding every write off meanwhile. */
    private void checkpoint() {
        writes.lock();
        try {
            long began = System.nanoTime();
            long journalBytes = journal.size();
            journal.checkpoint(() -> {
                checkpoints.put(CHECKPOINT_KEY, journal.lastAppended());
                file.commit();
                if (forceFile) {
                    file.sync();
                }
            });
            checkpointCount++;
            long millis = (System.nanoTime() - began) / 1_000_000;
            if (millis >= SLOW_CHECKPOINT_MILLIS) {
                log.info(
                        "Checkpoint of {} KB of journal took {} ms (writes waited meanwhile)",
                        journalBytes >> 10,
                        millis);
            }
        } finally {
            writes.unlock();
        }
    }

    long journalBytes() {
        return journal.size();
    }

    long journalEntries() {
        return journal.lastAppended();
    }

    long journalWrites() {
        return journal.groups();
    }

    long scans() {
        return scans.count();
    }

    Map<String, Long> scansByShape() {
        return scans.byShape();
    }

    MVStore file() {
        return file;
    }

    @Override
    public void close() {
        String name = file.getFileStore().getFileName();
        writes.lock();
        try {
            super.close();
            checkpoint();
            journal.close();
            file.close();
        } finally {
            writes.unlock();
        }
        log.info("Store {} closed after {} checkpoints", name, checkpointCount);
    }

    private static Set<String> lowerCase(Collection<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEach(name -> set.add(name.toLowerCase(Locale.ROOT)));
        return set;
    }
}

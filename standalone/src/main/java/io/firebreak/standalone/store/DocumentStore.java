package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-protocol store of the standalone system: mongo-java-server's wire protocol and query engine
 * over one file ({@code <data>/store.db}, an H2 MVStore holding the services' databases, documents in BSON) and its
 * journal ({@code <data>/store.journal}).
 *
 * <p>What it promises: a write is answered only once it is in the journal or the file, in the operating system's
 * hands, so a process that is killed loses nothing it acknowledged. Whether it also survives a power loss depends on
 * {@link Flush}: {@code OS} (the default) leaves writing to the disk to the operating system, a few seconds later;
 * {@code DISK} forces the journal to the disk before answering, at the cost of one flush per group of writes.
 * It is for one machine: development, demonstrations, evaluation, a small centre. In production the services run on
 * MongoDB (majority, journaled writes).
 */
public final class DocumentStore implements AutoCloseable {

    static {
        // The wire protocol decodes and encodes BSON a byte at a time through netty buffers, each access checking
        // that the buffer is still open and the index in bounds: a tenth of the store's time. Its buffers never
        // leave it, so the checks are switched off (unless set otherwise), before netty's buffer classes load.
        System.setProperty(
                "io.netty.buffer.checkAccessible", System.getProperty("io.netty.buffer.checkAccessible", "false"));
        System.setProperty("io.netty.buffer.checkBounds", System.getProperty("io.netty.buffer.checkBounds", "false"));
    }

    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

    private static final String HOST = "127.0.0.1";
    /** The netty threads that run commands; a write holds its thread until its journal entry is written. */
    private static final int WORKER_THREADS = 16;
    /**
     * Pages of the file kept decoded in memory; the rest stays on disk (and in the operating system's cache). 16 MB
     * was tried against 64 held at 50 complaints/s (bench/results/2026-12-05/gc-29th/): shorter young pauses in two
     * runs with detailed GC logs, but a plain run of 64 MB paused as briefly; not established, so 64 stays.
     */
    private static final int CACHE_MB = 64;
    /** Smaller pages than H2's default, so that a checkpoint rewrites less around each changed document. */
    private static final int PAGE_BYTES = 16 << 10;
    /** A checkpoint is made once the journal holds this much, the changed pages take this much memory, or ... */
    private static final long CHECKPOINT_JOURNAL_BYTES = 32L << 20;

    private static final long CHECKPOINT_UNSAVED_BYTES = 64L << 20;
    /** ... the journal is this old. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    /** Every this many checkpoints, the file's least-filled chunks are rewritten first. */
    private static final int COMPACT_EVERY = 6;
    /** Below this share of live data in the file's chunks, compacting rewrites the emptiest ones. */
    private static final int TARGET_FILL_PERCENT = 60;

    private static final int COMPACT_WRITE_BYTES = 8 << 20;

    /** When a committed write is forced to the disk. */
    public enum Flush {
        /** Written to the file before answering; on the disk when the operating system writes it back. */
        OS,
        /** Forced to the disk before answering: survives a power loss too. */
        DISK;

        /** {@code os} or {@code disk}, in any case. */
        public static Flush parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown store flush setting '" + name + "': use os or disk");
            }
        }
    }

    private final MongoServer server;
    private final StoreBackend backend;
    private final ScheduledExecutorService housekeeping;
    private final String uri;

    private DocumentStore(MongoServer server, StoreBackend backend, ScheduledExecutorService housekeeping, String uri) {
        this.server = server;
        this.backend = backend;
        this.housekeeping = housekeeping;
        this.uri = uri;
    }

    /**
     * Opens (or creates) the store of a data directory, {@code store.db}, and serves it on {@code port} (0: any free
     * port); a store of an earlier version in the same directory is carried over first.
     */
    public static DocumentStore startIn(Path dataDir, int port, Flush flush) {
        Path file = dataDir.resolve("store.db");
        LegacyStoreMigration.migrateIfNeeded(dataDir.resolve("store.mv"), file);
        return start(file, port, flush);
    }

    /** Opens (or creates) the store in {@code file} and serves it on {@code port} (0: any free port). */
    public static DocumentStore start(Path file, int port, Flush flush) {
        return start(file, port, flush, CHECKPOINT_INTERVAL);
    }

    /** As {@link #start(Path, int, Flush)}, with checkpoints at most {@code checkpoints} apart. */
    static DocumentStore start(Path file, int port, Flush flush, Duration checkpoints) {
        long began = System.nanoTime();
        StoreBackend backend = new StoreBackend(open(file), journalOf(file), flush);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(HOST, port), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(
                new Checkpoints(backend, checkpoints.toNanos()), 200, 200, TimeUnit.MILLISECONDS);
        InetSocketAddress address = server.getLocalAddress();
        log.info(
                "Store {} opened in {} ms ({} MB on disk, flush {})",
                file,
                (System.nanoTime() - began) / 1_000_000,
                backend.file().getFileStore().size() >> 20,
                flush.name().toLowerCase(Locale.ROOT));
        return new DocumentStore(server, backend, housekeeping, "mongodb://" + HOST + ":" + address.getPort());
    }

    private static MVStore open(Path file) {
        Path path = file.toAbsolutePath();
        try {
            Files.createDirectories(path.getParent());
            if (Files.exists(path) && Files.size(path) == 0) {
                log.warn("The store file {} is empty: starting with an empty store", path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the store's directory " + path.getParent(), e);
        }
        try {
            // No commit of its own, not even when many changes wait (it would commit in the middle of a command),
            // and no compaction that moves chunks (it commits too): the store commits at its checkpoints, between
            // commands. The longest commit delay there is still starts the file's threads, which write a commit's
            // version while the writes go on.
            MVStore store = new MVStore.Builder()
                    .fileName(path.toString())
                    .autoCommitDisabled()
                    .autoCommitBufferSize(0)
                    .autoCompactFillRate(0)
                    .cacheSize(CACHE_MB)
                    .pageSplitSize(PAGE_BYTES)
                    .open();
            store.setAutoCommitDelay(Integer.MAX_VALUE);
            return store;
        } catch (MVStoreException e) {
            throw new IllegalStateException(
                    "The store file " + path + " cannot be opened: " + e.getMessage()
                            + ". It is damaged or not a store file. Nothing has been changed in it. To keep its data, copy it"
                            + " aside and ask for help with it; to start afresh, move it (or the whole data directory) away"
                            + " and start again.",
                    e);
        }
    }

    /** {@code store.db} → {@code store.journal}, beside it. */
    static Path journalOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".journal");
    }

    /**
     * Commits the journal's changes to the file once it is big or old enough (and now and then rewrites the file's
     * least-filled chunks first, so that space freed by updates is used again rather than the file growing).
     */
    private static final class Checkpoints implements Runnable {

        private final StoreBackend backend;
        private final long interval;
        private long last = System.nanoTime();
        private int count;

        Checkpoints(StoreBackend backend, long interval) {
            this.backend = backend;
            this.interval = interval;
        }

        @Override
        public void run() {
            try {
                long bytes = backend.journalBytes();
                boolean due = bytes >= CHECKPOINT_JOURNAL_BYTES
                        || backend.file().getUnsavedMemory() >= CHECKPOINT_UNSAVED_BYTES
                        || bytes > 0 && System.nanoTime() - last > interval;
                if (!due || backend.file().isClosed()) {
                    return;
                }
                backend.checkpoint(++count % COMPACT_EVERY == 0, TARGET_FILL_PERCENT, COMPACT_WRITE_BYTES);
                last = System.nanoTime();
            } catch (RuntimeException e) {
                log.error("Store checkpoint failed: the store refuses writes until it is started again", e);
            }
        }
    }

    public String uri() {
        return uri;
    }

    /** Writes journaled so far, and the writes of the journal that made them durable (each for one or more). */
    public long journaledWrites() {
        return backend.journalEntries();
    }

    public long journalWrites() {
        return backend.journalWrites();
    }

    /** Queries so far that read a whole collection because no index serves them. */
    public long collectionScans() {
        return backend.scans();
    }

    /** The same by shape: {@code database.collection [the query's fields]} and how many times. */
    public Map<String, Long> collectionScansByShape() {
        return backend.scansByShape();
    }

    /** Stops accepting clients, then commits and closes the file. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        server.shutdown();
    }
}

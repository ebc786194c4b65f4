package io.firebreak.standalone.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32C;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's write-ahead journal: what each write command changed (the puts and removes of the file's maps), one
 * entry per command, appended to {@code store.journal} and written to it before the command is answered.
 *
 * <p>Concurrent commands share one write of the journal (group commit): the first to wait writes every entry
 * appended so far; those arriving meanwhile wait for it, and the next of them writes what they brought. The maps
 * themselves are committed to the store file now and then (a checkpoint, which records the last entry it covers);
 * at start, the entries after the last checkpoint are applied again. An entry is framed by its length and a CRC-32C,
 * so a half-written last entry (the process killed while writing it, before its command was answered) is
 * recognised and left out.
 *
 * <p>The journal is two files used in turn ({@code store.journal} and {@code store.journal.1}), so that a checkpoint
 * need not stop the writes while the store file is written: it {@linkplain #rotate() rotates} (new entries go to the
 * other file), the file is committed beside the writes, and then the rotated file, now covered, is
 * {@linkplain #retire() emptied}. Entries are applied at start in the order of their sequence numbers, from both.
 */
final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final int HEADER = 8;

    /** One change to one map of the store file. */
    private record Change(MVMap<Object, Object> map, Object key, Object value) {}

    /** The changes of the command running on this thread, while it records. */
    private static final ThreadLocal<List<Change>> recording = new ThreadLocal<>();

    private final Path path;
    /** The two files; new entries go to {@code channels[active]}. */
    private final FileChannel[] channels;

    private int active;
    private final boolean force;
    /** Guards {@link #pending}, {@link #spare} and {@link #lastAppended}. */
    private final Object appends = new Object();

    private WriteBuffer pending = new WriteBuffer(1 << 20);
    private WriteBuffer spare = new WriteBuffer(1 << 20);
    private long lastAppended;
    /**
     * Map names by map id, as UTF-8 (MVStore looks a name up in its metadata on every call); emptied at each
     * checkpoint, which every rename of a map is followed by. Guarded by {@link #appends}.
     */
    private final Map<Integer, byte[]> names = new HashMap<>();
    /** Guards {@link #writing} and {@link #written}. */
    private final Object writes = new Object();

    private boolean writing;
    private long written;
    /** Set once a write of the journal failed: no write is acknowledged after it. */
    private UncheckedIOException broken;

    private volatile long size;
    private volatile long groups;

    private Journal(Path path, FileChannel[] channels, boolean force, long sequence) throws IOException {
        this.path = path;
        this.channels = channels;
        this.size = channels[0].size();
        this.force = force;
        this.lastAppended = sequence;
        this.written = sequence;
    }

    /**
     * Opens the journal (both its files), applies to the maps every entry after {@code checkpoint} (maps found by
     * name), and returns it ready for new entries; the caller then makes a checkpoint, so that what was applied is in
     * the store file.
     */
    static Journal open(Path path, long checkpoint, Function<String, MVMap<Object, Object>> maps, boolean force) {
        FileChannel[] channels = new FileChannel[2];
        try {
            for (int i = 0; i < channels.length; i++) {
                channels[i] = FileChannel.open(
                        fileOf(path, i), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            List<ByteBuffer> entries = new ArrayList<>();
            for (int i = 0; i < channels.length; i++) {
                read(fileOf(path, i), channels[i], entries);
            }
            entries.sort(Comparator.comparingLong(entry -> entry.getLong(0)));
            long last = apply(path, entries, checkpoint, maps);
            return new Journal(path, channels, force, last);
        } catch (IOException e) {
            for (FileChannel channel : channels) {
                closeQuietly(channel);
            }
            throw new UncheckedIOException("Cannot open the store's journal " + path, e);
        }
    }

    /** The journal's files: {@code store.journal} and {@code store.journal.1}. */
    static Path fileOf(Path path, int index) {
        return index == 0 ? path : path.resolveSibling(path.getFileName() + "." + index);
    }

    /** Adds the whole entries of one file to {@code entries} (each starting at its sequence number). */
    private static void read(Path file, FileChannel channel, List<ByteBuffer> entries) throws IOException {
        long length = channel.size();
        if (length == 0) {
            return;
        }
        if (length > Integer.MAX_VALUE) {
            throw new IllegalStateException("The store's journal " + file + " is larger than 2 GB");
        }
        ByteBuffer all = ByteBuffer.allocate((int) length);
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // read on
        }
        all.flip();
        while (all.remaining() >= HEADER) {
            int start = all.position();
            int payload = all.getInt();
            int crc = all.getInt();
            if (payload <= 0 || payload > all.remaining() || crc != crc(all, all.position(), payload)) {
                all.position(start);
                break;
            }
            entries.add(all.slice(all.position(), payload));
            all.position(all.position() + payload);
        }
        if (all.hasRemaining()) {
            log.warn(
                    "The store's journal {} ends in {} bytes that are not a whole entry (a write cut short when the"
                            + " process stopped, never acknowledged): left out",
                    file,
                    all.remaining());
        }
    }

    private static long apply(
            Path path, List<ByteBuffer> entries, long checkpoint, Function<String, MVMap<Object, Object>> maps) {
        long last = checkpoint;
        int applied = 0;
        int changes = 0;
        for (ByteBuffer entry : entries) {
            long sequence = entry.getLong();
            if (sequence <= checkpoint) {
                continue;
            }
            int count = DataUtils.readVarInt(entry);
            for (int i = 0; i < count; i++) {
                byte kind = entry.get();
                byte[] name = new byte[DataUtils.readVarInt(entry)];
                entry.get(name);
                MVMap<Object, Object> map = maps.apply(new String(name, StandardCharsets.UTF_8));
                Object key = map.getKeyType().read(entry);
                if (kind == PUT) {
                    map.put(key, map.getValueType().read(entry));
                } else {
                    map.remove(key);
                }
                changes++;
            }
            last = sequence;
            applied++;
        }
        if (applied > 0) {
            log.info("Recovered {} writes ({} changes) from the store's journal {}", applied, changes, path);
        }
        return last;
    }

    private static int crc(ByteBuffer buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(offset, length));
        return (int) crc.getValue();
    }

    /** Starts recording the changes this thread makes to the maps, until {@link #stopRecording()}. */
    static void startRecording() {
        recording.set(new ArrayList<>());
    }

    static List<?> stopRecording() {
        List<Change> changes = recording.get();
        recording.remove();
        return changes;
    }

    /** Notes that {@code map} now has {@code value} at {@code key}, if this thread is recording. */
    @SuppressWarnings("unchecked")
    static <K, V> void put(MVMap<K, V> map, K key, V value) {
        List<Change> changes = recording.get();
        if (changes != null) {
            changes.add(new Change((MVMap<Object, Object>) map, key, value));
        }
    }

    /** Notes that {@code map} no longer has {@code key}, if this thread is recording. */
    @SuppressWarnings("unchecked")
    static <K, V> void remove(MVMap<K, V> map, K key) {
        List<Change> changes = recording.get();
        if (changes != null) {
            changes.add(new Change((MVMap<Object, Object>) map, key, null));
        }
    }

    /**
     * Appends one command's changes as one entry and returns its sequence number (0 for a command that changed
     * nothing). Entries must be appended in the order their changes were made: the caller serialises writes.
     */
    long append(List<?> recorded) {
        if (recorded == null || recorded.isEmpty()) {
            return 0;
        }
        synchronized (appends) {
            long sequence = lastAppended + 1;
            WriteBuffer buffer = pending;
            int start = buffer.position();
            buffer.putInt(0).putInt(0).putLong(sequence).putVarInt(recorded.size());
            for (Object o : recorded) {
                Change change = (Change) o;
                byte[] name = names.computeIfAbsent(
                        change.map().getId(), id -> change.map().getName().getBytes(StandardCharsets.UTF_8));
                buffer.put(change.value() == null ? REMOVE : PUT)
                        .putVarInt(name.length)
                        .put(name);
                change.map().getKeyType().write(buffer, change.key());
                if (change.value() != null) {
                    change.map().getValueType().write(buffer, change.value());
                }
            }
            int payload = buffer.position() - start - HEADER;
            buffer.putInt(start, payload);
            buffer.putInt(start + 4, crc(buffer.getBuffer(), start + HEADER, payload));
            lastAppended = sequence;
            return sequence;
        }
    }

    /** Returns once the entry {@code sequence} is written to the journal (or covered by a checkpoint). */
    void awaitWritten(long sequence) {
        if (sequence == 0) {
            return;
        }
        synchronized (writes) {
            while (written < sequence) {
                if (broken != null) {
                    throw broken;
                }
                if (!writing) {
                    writing = true;
                    break;
                }
                await();
            }
            if (written >= sequence) {
                return;
            }
        }
        try {
            release(writePending());
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    /**
     * Writes every entry appended so far to the end of the active file and returns the last one's sequence number.
     * Holds {@link #writing}.
     */
    private long writePending() throws IOException {
        long upTo;
        WriteBuffer batch;
        synchronized (appends) {
            batch = pending;
            pending = spare;
            spare = null;
            upTo = lastAppended;
        }
        write(batch);
        return upTo;
    }

    /** Writes {@code batch} to the end of the active file and makes it the spare buffer. Holds {@link #writing}. */
    private void write(WriteBuffer batch) throws IOException {
        ByteBuffer bytes = batch.getBuffer();
        bytes.flip();
        FileChannel channel = channels[active];
        long position = size;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
        if (force && position > size) {
            channel.force(false);
        }
        size = position;
        groups++;
        batch.clear();
        synchronized (appends) {
            spare = batch;
        }
    }

    /**
     * Makes a checkpoint with every write held off: {@code commit} stores every change so far in the store file,
     * recording {@link #lastAppended()} as the last entry it covers; then both files are emptied.
     */
    void checkpoint(Runnable commit) {
        beginWriting();
        try {
            long upTo;
            synchronized (appends) {
                upTo = lastAppended;
                pending.clear();
                names.clear();
            }
            commit.run();
            for (FileChannel channel : channels) {
                channel.truncate(0);
                if (force) {
                    channel.force(true);
                }
            }
            size = 0;
            release(upTo);
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    /**
     * Writes every entry appended so far to the active file, then turns to the other file for the entries to come,
     * and returns the last entry written before the turn. The caller holds off appends meanwhile, then stores every
     * change up to that entry in the store file (writes may go on beside it) and calls {@link #retire()}.
     */
    long rotate() {
        beginWriting();
        try {
            long upTo = writePending();
            active = 1 - active;
            // Empty, unless an earlier checkpoint failed after turning; then its entries stay, and are read in
            // sequence at start.
            size = channels[active].size();
            release(upTo);
            return upTo;
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    /** Empties the file turned from by {@link #rotate()}, once the store file covers its entries. */
    void retire() {
        beginWriting();
        try {
            FileChannel retired = channels[1 - active];
            retired.truncate(0);
            if (force) {
                retired.force(true);
            }
            release(0);
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    /** Waits until no one writes the journal, then takes the turn; ended by {@link #release} or {@link #fail}. */
    private void beginWriting() {
        synchronized (writes) {
            while (writing) {
                await();
            }
            if (broken != null) {
                throw broken;
            }
            writing = true;
        }
    }

    /** Ends a write of the journal (or a checkpoint) that made every entry up to {@code upTo} durable. */
    private void release(long upTo) {
        synchronized (writes) {
            writing = false;
            written = Math.max(written, upTo);
            writes.notifyAll();
        }
    }

    /**
     * Ends a write of the journal that failed: nothing it held is acknowledged, and neither is anything after it, as
     * the journal may now lack entries; every writer waiting or to come is told.
     */
    private UncheckedIOException fail(Exception e) {
        synchronized (writes) {
            broken = new UncheckedIOException(
                    "The store's journal " + path + " could not be written: " + e,
                    e instanceof IOException io ? io : new IOException(e));
            writing = false;
            writes.notifyAll();
            return broken;
        }
    }

    private void await() {
        try {
            writes.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the store's journal", e);
        }
    }

    long lastAppended() {
        synchronized (appends) {
            return lastAppended;
        }
    }

    /** Bytes in the active journal file now. */
    long size() {
        return size;
    }

    /** Writes of the journal so far, each covering one or more entries. */
    long groups() {
        return groups;
    }

    @Override
    public void close() {
        try {
            for (FileChannel channel : channels) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the store's journal " + path, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("Could not close {}", channel, e);
            }
        }
    }
}

package io.firebreak.standalone.store;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

/**
 * The store's file, which keeps the buffer a checkpoint serializes its chunk into. H2 starts each chunk in a small
 * buffer grown by halves (a chunk of 24 MB allocates about three times that on the way) and drops any buffer above
 * 4 MB once the chunk is written; at a few hundred complaints a second every checkpoint did so, 7–13% of all the
 * process allocated, in arrays too big for the young generation. One buffer of {@link #BUFFER_BYTES} serves every
 * checkpoint instead; a chunk bigger than that grows it for that chunk alone, as H2 would.
 */
final class StoreFile extends SingleFileStore {

    /** Above what a checkpoint commonly writes ({@code DocumentStore}'s thresholds), held for the store's life. */
    static final int BUFFER_BYTES = 32 << 20;

    /** The buffer between checkpoints; null while one uses it (a second one meanwhile gets a buffer of its own). */
    private final AtomicReference<WriteBuffer> idle = new AtomicReference<>();

    StoreFile(Map<String, Object> config) {
        super(config);
    }

    @Override
    public WriteBuffer getWriteBuffer() {
        WriteBuffer buffer = idle.getAndSet(null);
        // clear() keeps the buffer it was made with, and falls back to it from a bigger one grown for a large chunk.
        return buffer != null ? buffer.clear() : new WriteBuffer(BUFFER_BYTES);
    }

    @Override
    public void releaseWriteBuffer(WriteBuffer buffer) {
        idle.compareAndSet(null, buffer);
    }
}

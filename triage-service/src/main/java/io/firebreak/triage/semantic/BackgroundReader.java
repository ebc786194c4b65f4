package io.firebreak.triage.semantic;

import io.firebreak.events.ComplaintClass;
import io.firebreak.triage.classification.SemanticReader;
import io.firebreak.triage.semantic.EmbeddingReader.Labelled;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The semantic reader as the service runs it: the models load and the labelled complaints are read on a thread of
 * their own at start, so the service is ready at once; until then, and if the models cannot load, the reader has no
 * opinion and the rules decide alone. The shipped complaints' vectors are read back from where a run before kept them
 * (about a second); made by the model, they take minutes of one core (7,380 complaints in 91–226 s beside the end-to-end tests).
 * Corrections made meanwhile are kept and learned when it is ready.
 */
final class BackgroundReader implements SemanticReader {

    private static final Logger log = LoggerFactory.getLogger(BackgroundReader.class);

    private volatile EmbeddingReader reader;
    private volatile String failure;
    private final List<Labelled> early = new ArrayList<>();
    private final AtomicBoolean relearning = new AtomicBoolean();
    private final Executor relearner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "semantic-reader-relearn");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    private BackgroundReader() {}

    /**
     * Starts loading: the shipped labelled complaints, their vectors kept in {@code kept} (null for nowhere), and the
     * people's corrections.
     */
    static BackgroundReader start(Path kept, Supplier<List<Labelled>> corrections) {
        BackgroundReader background = new BackgroundReader();
        Thread loader = new Thread(() -> background.load(kept, corrections), "semantic-reader");
        loader.setDaemon(true);
        loader.setPriority(Thread.MIN_PRIORITY);
        loader.start();
        return background;
    }

    private void load(Path kept, Supplier<List<Labelled>> corrections) {
        long start = System.nanoTime();
        try {
            EmbeddingReader loaded = EmbeddingReader.load(kept);
            loaded.learnShipped();
            loaded.learn(corrections.get());
            synchronized (this) {
                loaded.learn(early);
                early.clear();
            }
            loaded.relearn();
            synchronized (this) {
                reader = loaded;
            }
            log.info(
                    "Semantic reader ready: {} labelled complaints in {} ms",
                    loaded.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            failure = e.toString();
            log.warn("Semantic reader unavailable, the rules decide alone: {}", e.toString());
        }
    }

    /** Whether the models are loaded and the labelled complaints read. */
    boolean ready() {
        return reader != null;
    }

    /** How many labelled complaints it compares with (0 until ready). */
    int examples() {
        EmbeddingReader loaded = reader;
        return loaded == null ? 0 : loaded.size();
    }

    /** Why it could not load, or null. */
    String failure() {
        return failure;
    }

    @Override
    public Optional<Opinion> read(String text) {
        EmbeddingReader loaded = reader;
        return loaded == null ? Optional.empty() : loaded.read(text);
    }

    @Override
    public void forget(String source) {
        EmbeddingReader loaded;
        synchronized (this) {
            early.removeIf(l -> l.source().equals(source));
            loaded = reader;
        }
        if (loaded != null) {
            loaded.forget(source);
            relearnLater(loaded);
        }
    }

    @Override
    public void learn(String text, ComplaintClass complaintClass, String source) {
        if (text == null || text.isBlank()) return;
        EmbeddingReader loaded;
        synchronized (this) {
            loaded = reader;
            if (loaded == null) {
                early.add(new Labelled(text, complaintClass, source));
                return;
            }
        }
        loaded.learn(text, complaintClass, source);
        relearnLater(loaded);
    }

    /**
     * The linear readings learned again on this reader's thread, not the caller's (a second or so): a correction is in
     * the nearest-neighbour vote at once, in the linear readings when they are relearned. Corrections that come
     * meanwhile are taken in by the one relearning still to start.
     */
    private void relearnLater(EmbeddingReader loaded) {
        if (!relearning.compareAndSet(false, true)) return;
        relearner.execute(() -> {
            relearning.set(false);
            try {
                loaded.relearn();
            } catch (RuntimeException e) {
                log.warn("Semantic reader: the linear readings were not relearned: {}", e.toString());
            }
        });
    }
}

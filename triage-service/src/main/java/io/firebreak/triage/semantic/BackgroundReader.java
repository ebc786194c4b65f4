package io.firebreak.triage.semantic;

import io.firebreak.events.ComplaintClass;
import io.firebreak.triage.classification.SemanticReader;
import io.firebreak.triage.semantic.EmbeddingReader.Labelled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The semantic reader as the service runs it: the models load and the labelled complaints are read on a thread of
 * their own at start (a few seconds of one core), so the service is ready at once; until then, and if the models
 * cannot load, the reader has no opinion and the rules decide alone. Corrections made meanwhile are kept and learned
 * when it is ready.
 */
final class BackgroundReader implements SemanticReader {

    private static final Logger log = LoggerFactory.getLogger(BackgroundReader.class);

    private volatile EmbeddingReader reader;
    private volatile String failure;
    private final List<Labelled> early = new ArrayList<>();

    private BackgroundReader() {}

    static BackgroundReader start(Supplier<List<Labelled>> examples) {
        BackgroundReader background = new BackgroundReader();
        Thread loader = new Thread(() -> background.load(examples), "semantic-reader");
        loader.setDaemon(true);
        loader.setPriority(Thread.MIN_PRIORITY);
        loader.start();
        return background;
    }

    private void load(Supplier<List<Labelled>> examples) {
        long start = System.nanoTime();
        try {
            EmbeddingReader loaded = EmbeddingReader.load();
            loaded.learn(examples.get());
            synchronized (this) {
                loaded.learn(early);
                early.clear();
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
        if (loaded != null) loaded.forget(source);
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
    }
}

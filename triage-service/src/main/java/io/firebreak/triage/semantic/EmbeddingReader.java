package io.firebreak.triage.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.firebreak.events.ComplaintClass;
import io.firebreak.platform.text.CustomersWords;
import io.firebreak.platform.text.ReportingFrame;
import io.firebreak.platform.text.ScannedText;
import io.firebreak.platform.text.WrittenChinese;
import io.firebreak.triage.classification.SemanticReader;
import io.firebreak.triage.classification.SemanticReader.Probed;
import io.firebreak.triage.corrections.LabelledExamples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The semantic reader: each text becomes a sentence embedding (BGE small v1.5, quantized; one model for Chinese and
 * one for English, run in this process by ONNX Runtime on the calling thread, nothing downloaded, nothing sent
 * anywhere), and its opinion is the vote of the {@value #NEAREST} labelled complaints nearest by cosine similarity
 * in the same language: the shipped labelled sets and every class a person corrected. A correction counts from the
 * moment it is made. Beside the vote, a linear reading of the embedding learned from the same examples ({@link
 * LinearProbe}, one per language): its class, how probable, and the nearest example of that class; learned at the
 * first reading after the examples were replaced, and when {@link #relearn}ed after a correction.
 *
 * <p>Loading both models takes a second or two and ~250 MB; a short complaint costs ~3 ms of CPU, and at most its
 * first {@value #READ_LATIN} characters are read ({@value #READ_HAN} of a Chinese one). The shipped labelled
 * complaints are thousands of readings (7,380 of them took triage 91–226 s at each start in the end-to-end tests, two cores shared with them): their vectors are
 * kept in a directory between runs ({@link #learnShipped}), and read back in a fraction of a second.
 */
public final class EmbeddingReader implements SemanticReader {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingReader.class);

    /** How many neighbours vote. */
    public static final int NEAREST = 5;

    /**
     * How much of a text is read: its first characters, where a complaint mostly says what happened, and about as
     * much as the longest labelled complaint it is compared with (159 characters in English, 39 in Chinese): reading
     * more of a long text does not bring it nearer to them, and the model's cost grows with every token (a Chinese
     * character is one, an English word about one: on one core ~14 ms for 256 Chinese characters, ~7 ms for 256
     * English ones, ~2 ms for a short complaint).
     */
    public static final int READ_LATIN = 160;

    /** How much of a text with Chinese characters is read (see {@link #READ_LATIN}). */
    public static final int READ_HAN = 96;

    /** The most sentences of a shipped labelled complaint the reader compares with ({@link #isExample}). */
    static final int EXAMPLE_SENTENCES = 1;

    /** A labelled complaint the reader compares with: its words, the class a person gave, and where it came from. */
    public record Labelled(String text, ComplaintClass complaintClass, String source) {}

    /** A labelled complaint as compared: its language and its embedding, of length one. */
    private record Example(Labelled labelled, boolean chinese, float[] vector) {}

    /** The linear readings of each language, learned from the examples compared with. */
    private record Probes(LinearProbe english, LinearProbe chinese) {}

    private final Encoder english;
    private final Encoder chinese;
    private final List<Example> examples;
    /**
     * The vectors of the words learned, by what the reader compares of them ({@link #key}): a text read that is an
     * example's is not run through the model again. The model gives the same words the same vector, so an entry
     * stays true after its example is forgotten; it holds what was learned, the shipped examples and the corrections.
     */
    private final Map<String, float[]> vectors;

    private final Predicate<Labelled> included;
    /** Where the shipped examples' vectors are kept between runs, or null. */
    private final Path kept;
    /** Null until learned (at the first reading, or {@link #relearn}); kept while examples change, until relearned. */
    private volatile Probes probes;
    /** Whether the examples changed since the probes were learned. */
    private volatile boolean stale;

    private EmbeddingReader(
            Encoder english,
            Encoder chinese,
            List<Example> examples,
            Map<String, float[]> vectors,
            Predicate<Labelled> included,
            Path kept) {
        this.english = english;
        this.chinese = chinese;
        this.examples = examples;
        this.vectors = vectors;
        this.included = included;
        this.kept = kept;
    }

    /** Loads both models (a second or two), with no examples yet, keeping no vectors between runs. */
    public static EmbeddingReader load() {
        return load(null);
    }

    /**
     * The directory where readers keep the shipped examples' vectors unless told otherwise: the user's cache, as
     * each user's own (a file anyone may write would be a way to change how complaints are read).
     */
    public static Path keptVectors() {
        return Path.of(System.getProperty("user.home"), ".cache", "firebreak", "semantic-vectors");
    }

    /**
     * Loads both models (a second or two), with no examples yet; the shipped examples' vectors are kept in {@code
     * kept} (a directory; null for none) between runs.
     */
    public static EmbeddingReader load(Path kept) {
        // DJL's tokenizer would otherwise call an address for telemetry and look for downloads.
        if (System.getProperty("OPT_OUT_TRACKING") == null) System.setProperty("OPT_OUT_TRACKING", "true");
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        long start = System.nanoTime();
        EmbeddingReader reader = new EmbeddingReader(
                new Encoder("bge-small-en-v1.5-q", 384),
                new Encoder("bge-small-zh-v1.5-q", 512),
                new CopyOnWriteArrayList<>(),
                new ConcurrentHashMap<>(),
                labelled -> true,
                kept);
        log.info("Semantic reader: models loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
        return reader;
    }

    /**
     * The shipped labelled complaints whose class their words alone decide (not those labelled for the earlier
     * complaints on file) and that are examples to compare with ({@link #isExample}), with their set as source; not
     * the probes of the rules' vocabulary ({@link LabelledExamples#PROBES}): most of them are short MAJOR
     * sentences, and as examples they drew ordinary complaints towards MAJOR (the near misses read 88.8% instead of
     * 89.7%, false MAJOR 3.1% instead of 2.1%).
     */
    public static List<Labelled> shipped() {
        return LabelledExamples.all().stream()
                .filter(e -> e.earlierComplaints() == 0
                        && isExample(e.text())
                        && !e.set().equals(LabelledExamples.PROBES))
                .map(e -> new Labelled(e.text(), e.expected(), e.set()))
                .toList();
    }

    /**
     * Compares with the {@link #shipped} labelled complaints too from now on: their vectors read from the directory
     * where a run before kept them for the same model, those the model makes now kept there for the next run (a
     * kept file that cannot be read is made again, one that cannot be written is logged; the reader reads alike).
     * Only the shipped complaints' vectors are kept: a person's correction holds a customer's words, which erasure
     * takes away.
     */
    public void learnShipped() {
        learnShipped(shipped());
    }

    /** The same with these as the shipped complaints. */
    void learnShipped(Collection<Labelled> shipped) {
        if (kept == null) {
            learn(shipped);
            return;
        }
        long start = System.nanoTime();
        Map<Encoder, Map<String, float[]>> before = new HashMap<>();
        for (Encoder encoder : List.of(english, chinese)) {
            Map<String, float[]> read = Map.of();
            try {
                read = KeptVectors.read(kept.resolve(encoder.keptIn()));
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "Semantic reader: the kept vectors were not read, the model makes them again: {}",
                        e.toString());
            }
            before.put(encoder, read);
            boolean han = encoder == chinese;
            read.forEach((words, vector) -> vectors.putIfAbsent(keyOf(words, han), vector));
        }
        long readings = modelReadings();
        learn(shipped);
        long made = modelReadings() - readings;
        // What is kept now: the shipped complaints' vectors, by the words each model read.
        Map<Encoder, Map<String, float[]>> now = Map.of(english, new HashMap<>(), chinese, new HashMap<>());
        long readBack = 0;
        for (Labelled l : shipped) {
            boolean han = ScannedText.hasHan(l.text());
            Encoder encoder = han ? chinese : english;
            String words = beginning(l.text(), han);
            if (before.get(encoder).containsKey(words)) readBack++;
            now.get(encoder).put(words, vectors.get(keyOf(words, han)));
        }
        for (Encoder encoder : List.of(english, chinese)) {
            if (now.get(encoder).keySet().equals(before.get(encoder).keySet())) continue;
            try {
                KeptVectors.write(kept.resolve(encoder.keptIn()), now.get(encoder));
            } catch (IOException | RuntimeException e) {
                log.warn("Semantic reader: the vectors made were not kept for the next run: {}", e.toString());
            }
        }
        log.info(
                "Semantic reader: {} shipped labelled complaints learned in {} ms: {} read back from {}, {} texts read"
                        + " by the model",
                shipped.size(),
                (System.nanoTime() - start) / 1_000_000,
                readBack,
                kept,
                made);
    }

    /**
     * Compares with these too from now on. The two models read their texts apart, the Chinese on a core of its own
     * where there are two: the shipped examples read by the models, as on a machine's first run, took 80 s one model after
     * the other and 54 s side by side.
     */
    public void learn(Collection<Labelled> labelled) {
        CompletableFuture<Void> chineseRead = CompletableFuture.runAsync(() -> {
            for (Labelled l : labelled) {
                if (ScannedText.hasHan(l.text())) vectorOf(l.text(), true, true);
            }
        });
        for (Labelled l : labelled) {
            if (!ScannedText.hasHan(l.text())) vectorOf(l.text(), false, true);
        }
        chineseRead.join();
        List<Example> added = new ArrayList<>(labelled.size());
        for (Labelled l : labelled) {
            boolean han = ScannedText.hasHan(l.text());
            added.add(new Example(l, han, vectorOf(l.text(), han, true)));
        }
        examples.addAll(added);
        stale = true;
        probes = null;
    }

    /**
     * A person's class for these words: it replaces whatever was learned under the same source before. Whatever its
     * length: a complaint a person classed is compared, by its beginning, with complaints written as it was.
     */
    @Override
    public void learn(String text, ComplaintClass complaintClass, String source) {
        if (text == null || text.isBlank()) return;
        boolean han = ScannedText.hasHan(text);
        Example example = new Example(new Labelled(text, complaintClass, source), han, vectorOf(text, han, true));
        forget(source);
        examples.add(example);
    }

    /** The vector of length one the reader compares for these words. */
    float[] vectorOf(String text) {
        return vectorOf(text, ScannedText.hasHan(text), false);
    }

    /** The same, taken from the words learned when they are among them, and kept with them when {@code learned}. */
    private float[] vectorOf(String text, boolean han, boolean learned) {
        String key = key(text, han);
        float[] known = vectors.get(key);
        if (known != null) return known;
        float[] vector = unit((han ? chinese : english).vector(beginning(text, han)));
        if (learned) vectors.put(key, vector);
        return vector;
    }

    /** What of these words the reader compares, with the model that reads them. */
    private static String key(String text, boolean han) {
        return keyOf(beginning(text, han), han);
    }

    /** The same, of the words the model reads. */
    private static String keyOf(String words, boolean han) {
        return (han ? "zh " : "en ") + words;
    }

    /**
     * Forgets the words learned under this source. The nearest-neighbour vote changes at once; the linear readings
     * when {@link #relearn}ed (a correction among thousands of examples hardly moves them, and a person's correction
     * outranks them where it is the vote's example: {@link Opinion#borneOut}).
     */
    @Override
    public void forget(String source) {
        examples.removeIf(e -> e.labelled().source().equals(source));
        stale = true;
    }

    /**
     * Learns the linear readings again from the examples compared with now, if they changed since they were last
     * learned: about half a second of one core for the ~3,000 shipped examples (0.8 s the first time, before the JIT).
     */
    public synchronized void relearn() {
        if (probes != null && !stale) return;
        stale = false;
        probes = learnProbes();
    }

    private Probes probes() {
        Probes current = probes;
        if (current != null) return current;
        synchronized (this) {
            if (probes == null) {
                stale = false;
                probes = learnProbes();
            }
            return probes;
        }
    }

    private Probes learnProbes() {
        List<float[]> en = new ArrayList<>();
        List<float[]> zh = new ArrayList<>();
        List<ComplaintClass> enClasses = new ArrayList<>();
        List<ComplaintClass> zhClasses = new ArrayList<>();
        for (Example e : examples) {
            if (!included.test(e.labelled())) continue;
            (e.chinese() ? zh : en).add(e.vector());
            (e.chinese() ? zhClasses : enClasses).add(e.labelled().complaintClass());
        }
        // The two languages' readings learn apart, each on a core of its own where there are two.
        CompletableFuture<LinearProbe> chineseProbe =
                CompletableFuture.supplyAsync(() -> LinearProbe.learn(zh, zhClasses));
        LinearProbe englishProbe = LinearProbe.learn(en, enClasses);
        return new Probes(englishProbe, chineseProbe.join());
    }

    /** The same reader comparing only with the examples {@code keep} accepts (to measure it on a set it has not seen). */
    public EmbeddingReader only(Predicate<Labelled> keep) {
        return new EmbeddingReader(english, chinese, examples, vectors, included.and(keep), kept);
    }

    /** How many texts its models have read since it was loaded. */
    long modelReadings() {
        return english.reads.get() + chinese.reads.get();
    }

    /** How many examples it compares with. */
    public int size() {
        return (int) examples.stream().filter(e -> included.test(e.labelled())).count();
    }

    @Override
    public Optional<Opinion> read(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        boolean han = ScannedText.hasHan(text);
        float[] vector = vectorOf(text, han, false);
        // The nearest so far, the most similar first: a few insertions into arrays, no object per example compared.
        Example[] near = new Example[NEAREST];
        float[] similarity = new float[NEAREST];
        // And the nearest of each class: the evidence for the linear reading's class.
        Example[] nearestOf = new Example[ComplaintClass.values().length];
        float[] nearestOfSimilarity = new float[nearestOf.length];
        int found = 0;
        for (Example e : examples) {
            if (e.chinese() != han) continue;
            float s = dot(vector, e.vector());
            int c = e.labelled().complaintClass().ordinal();
            boolean nearestOfItsClass = nearestOf[c] == null || s > nearestOfSimilarity[c];
            if (found == NEAREST && s <= similarity[NEAREST - 1] && !nearestOfItsClass) continue;
            if (!included.test(e.labelled())) continue;
            if (nearestOfItsClass) {
                nearestOf[c] = e;
                nearestOfSimilarity[c] = s;
            }
            if (found == NEAREST && s <= similarity[NEAREST - 1]) continue;
            int at = Math.min(found, NEAREST - 1);
            while (at > 0 && similarity[at - 1] < s) {
                near[at] = near[at - 1];
                similarity[at] = similarity[at - 1];
                at--;
            }
            near[at] = e;
            similarity[at] = s;
            if (found < NEAREST) found++;
        }
        List<Neighbour> nearest = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            Labelled l = near[i].labelled();
            nearest.add(new Neighbour(l.text(), l.complaintClass(), similarity[i], l.source()));
        }
        Probes learned = probes();
        LinearProbe probe = han ? learned.chinese() : learned.english();
        Probed probed = null;
        if (probe != null) {
            LinearProbe.Reading reading = probe.read(vector);
            Example example = nearestOf[reading.complaintClass().ordinal()];
            if (example != null) {
                Labelled l = example.labelled();
                probed = new Probed(
                        reading.complaintClass(),
                        reading.probability(),
                        new Neighbour(
                                l.text(),
                                l.complaintClass(),
                                nearestOfSimilarity[reading.complaintClass().ordinal()],
                                l.source()));
            }
        }
        return Opinion.of(nearest, probed);
    }

    /**
     * Whether a shipped labelled complaint is an example the reader compares with: one it reads whole ({@link
     * #beginning} cuts nothing of it) and of at most {@value #EXAMPLE_SENTENCES} sentence. The labelled sets are short
     * complaints, each written for what decides its class; a story of several sentences is decided by one of them, and
     * the others would vote by topic for every short complaint about the same things: with the eighteenth set's
     * complaints of three to six sentences among the examples, the never-tuned hard-held-out set read 94.4% instead of
     * 96.3% and the near misses 84.8% instead of 85.6%; with two sentences allowed 94.4% and 85.2%; with one, 96.3% and
     * 86.3%.
     */
    static boolean isExample(String text) {
        String read = ReportingFrame.without(CustomersWords.of(text));
        if (read.codePointCount(0, read.length()) > (ScannedText.hasHan(text) ? READ_HAN : READ_LATIN)) return false;
        return ScannedText.of(read).sentences() <= EXAMPLE_SENTENCES;
    }

    /**
     * What the reader compares: the customer's own words ({@link CustomersWords}: not a mail's header or signature, nor
     * the agent's turns of a call) without an agent's opening ({@link ReportingFrame}: "Customer says", "客户称"), its
     * first {@link #READ_LATIN} characters, or {@link #READ_HAN} of a Chinese one (whole code points), Traditional
     * and Cantonese characters read as Simplified Mandarin ({@link WrittenChinese}), as the models learned Chinese.
     */
    static String beginning(String text, boolean han) {
        text = ReportingFrame.without(CustomersWords.of(han ? WrittenChinese.simplified(text) : text));
        int read = han ? READ_HAN : READ_LATIN;
        if (text.codePointCount(0, text.length()) <= read) return text;
        return text.substring(0, text.offsetByCodePoints(0, read));
    }

    /** The vector scaled to length one, so that the cosine of two is their dot product. */
    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        if (norm == 0) return v;
        float scale = (float) (1 / Math.sqrt(norm));
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) unit[i] = v[i] * scale;
        return unit;
    }

    /**
     * The dot product of two vectors of the same length, summed in four independent parts: one running sum makes each
     * addition wait for the one before (the JIT keeps floating-point order). With it, and an object per example in a
     * queue, comparing with the ~1,000 examples of a language took ~0.6 ms of a ~3 ms reading; now ~0.1 ms.
     */
    static float dot(float[] a, float[] b) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int end = a.length - 3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * One model, in an ONNX Runtime session of its own on one thread that does not spin while idle (the packaged
     * models' sessions keep cores busy waiting for work).
     */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder model;
        /** The file its kept vectors are in: the model's name and a digest of its files, so no other model's. */
        private final String keptIn;
        /** How many texts it has read (to show what the kept vectors spare). */
        private final AtomicLong reads = new AtomicLong();

        private final int dimension;

        Encoder(String name, int dimension) {
            super(Runnable::run);
            this.dimension = dimension;
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (InputStream onnx = resource(name + ".onnx");
                    InputStream tokenizer = resource(name + "-tokenizer.json");
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                options.addConfigEntry("session.inter_op.allow_spinning", "0");
                byte[] network = onnx.readAllBytes();
                byte[] vocabulary = tokenizer.readAllBytes();
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(network);
                digest.update(vocabulary);
                // The format of the vectors kept (unit(): scaled to length one) is part of what they are made by.
                digest.update("unit".getBytes(StandardCharsets.UTF_8));
                this.keptIn = name + "-" + HexFormat.of().formatHex(digest.digest(), 0, 8) + ".vectors";
                OrtSession session = environment.createSession(network, options);
                this.model = new OnnxBertBiEncoder(
                        environment, session, new ByteArrayInputStream(vocabulary), PoolingMode.CLS);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the model " + name, e);
            } catch (OrtException e) {
                throw new IllegalStateException("Cannot load the model " + name, e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = EmbeddingReader.class.getClassLoader().getResourceAsStream(name);
            if (in == null) throw new IllegalStateException("The model file " + name + " is not on the class path");
            return in;
        }

        float[] vector(String text) {
            reads.incrementAndGet();
            return embed(text).content().vector();
        }

        String keptIn() {
            return keptIn;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }

        @Override
        protected Integer knownDimension() {
            return dimension;
        }
    }
}

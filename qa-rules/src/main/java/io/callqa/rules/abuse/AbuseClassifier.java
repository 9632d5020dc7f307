package io.callqa.rules.abuse;

import io.callqa.rules.classify.TextFeatures;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tells how likely a customer utterance is to be each kind of abuse, or none, in English and
 * Korean, on written and recognizer text.
 *
 * <p><b>Model.</b> Multinomial logistic regression over five classes (none and the four {@link
 * AbuseKind}s), trained with Tribuo's linear SGD trainer (log loss, AdaGrad, fixed seed) on the
 * call classifier's features ({@link TextFeatures}: words, word bigrams, character n-grams, and for
 * Korean n-grams over the text with the spaces removed), so misheard and oddly spaced words still
 * share features with the written ones. After training the weights are copied out of Tribuo into
 * one table feature → five weights, so an utterance costs one feature extraction and one lookup per
 * feature.
 *
 * <p><b>Long utterances.</b> An insult in a long complaint is a small share of its features, so an
 * utterance longer than {@value #LONG} words (Korean: {@value #KOREAN_LONG}) is also scored in
 * windows overlapping by half, and the window most likely to be abuse gives the scores.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AbuseClassifier {

    /** Classpath resource of the bundled model, trained on the training split of the corpus. */
    public static final String DEFAULT_MODEL = "/io/callqa/rules/abuse/default-model.bin";

    /** Seed the bundled model was trained with; training with it reproduces that model. */
    public static final long DEFAULT_SEED = 20261217L;

    static final int LONG = 12;
    static final int WINDOW = 10;
    static final int KOREAN_LONG = 6;
    static final int KOREAN_WINDOW = 6;

    /** Words of an utterance looked at; beyond this a text is not speech but a hostile input. */
    static final int MAX_WORDS = 2_000;

    private static final int EPOCHS = 12;
    private static final int MIN_DOCUMENT_FREQUENCY = 2;
    private static final byte[] MAGIC = "callqa-abuse/1\n".getBytes(StandardCharsets.UTF_8);
    private static final String NONE = "none";
    private static final AbuseKind[] KINDS = AbuseKind.values();

    /** Recognizer fillers: they carry no abuse and appear anywhere. */
    private static final Set<String> FILLERS =
            Set.of(
                    "uh", "um", "uhm", "erm", "er", "ah", "hmm", "mm", "eh", "어", "음", "그", "아",
                    "으");

    /** Tribuo logs every training run at INFO; held here so the level sticks. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private static volatile AbuseClassifier defaults;

    /** Per feature its weight for none (index 0) and each kind (1 + ordinal). */
    private final Map<String, float[]> weights;

    private final float[] bias;

    private AbuseClassifier(Map<String, float[]> weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Scores of one utterance (or window).
     *
     * @param none probability of no abuse
     * @param kinds probability of each kind, indexed by ordinal
     * @param words the words scored (the window, for a long utterance)
     */
    public record Scores(double none, double[] kinds, List<String> words) {

        /** Probability of some abuse: one minus {@link #none}. */
        public double abuse() {
            return 1 - none;
        }

        /** Probability of one kind. */
        public double of(AbuseKind kind) {
            return kinds[kind.ordinal()];
        }

        /** The most likely kind of abuse. */
        public AbuseKind top() {
            AbuseKind best = KINDS[0];
            for (AbuseKind k : KINDS) {
                if (kinds[k.ordinal()] > kinds[best.ordinal()]) {
                    best = k;
                }
            }
            return best;
        }
    }

    /** The model bundled with callqa, loaded once. */
    public static AbuseClassifier defaults() {
        AbuseClassifier c = defaults;
        if (c == null) {
            synchronized (AbuseClassifier.class) {
                c = defaults;
                if (c == null) {
                    try (InputStream in =
                            AbuseClassifier.class.getResourceAsStream(DEFAULT_MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + DEFAULT_MODEL);
                        }
                        c = read(new BufferedInputStream(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(DEFAULT_MODEL + ": " + e.getMessage(), e);
                    }
                    defaults = c;
                }
            }
        }
        return c;
    }

    /**
     * Trains a model. Deterministic: the same examples in the same order with the same seed give
     * the same model.
     *
     * @param examples what to learn from, usually {@link AbuseCorpus#training()}
     * @param seed seed for the order SGD visits the examples in
     */
    public static AbuseClassifier train(List<AbuseExample> examples, long seed) {
        List<Set<String>> featureSets = new ArrayList<>(examples.size());
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (AbuseExample e : examples) {
            Set<String> f = TextFeatures.of(words(e.text()), e.lang());
            featureSets.add(f);
            f.forEach(name -> documentFrequency.merge(name, 1, Integer::sum));
        }
        LabelFactory labels = new LabelFactory();
        // A fixed creation time keeps the data provenance identical from run to run.
        MutableDataset<Label> data =
                new MutableDataset<>(
                        new SimpleDataSourceProvenance(
                                "callqa abuse corpus",
                                OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                                labels),
                        labels);
        Set<String> vocabulary = new TreeSet<>();
        for (int i = 0; i < examples.size(); i++) {
            // Features seen once are mostly names, numbers and typos.
            String[] kept =
                    featureSets.get(i).stream()
                            .filter(name -> documentFrequency.get(name) >= MIN_DOCUMENT_FREQUENCY)
                            .toArray(String[]::new);
            if (kept.length == 0) {
                continue;
            }
            vocabulary.addAll(Arrays.asList(kept));
            String label = examples.get(i).kind().map(AbuseKind::id).orElse(NONE);
            double[] values = new double[kept.length];
            Arrays.fill(values, 1.0 / Math.sqrt(kept.length));
            data.add(new ArrayExample<>(new Label(label), kept, values));
        }
        if (data.getOutputInfo().size() != KINDS.length + 1) {
            throw new IllegalArgumentException(
                    "training needs examples of no abuse and of every kind, found only "
                            + data.getOutputInfo().getDomain());
        }
        LinearSGDTrainer trainer =
                new LinearSGDTrainer(
                        new LogMulticlass(), new AdaGrad(1.0, 0.1), EPOCHS, -1, 1, seed);
        Model<Label> model = trainer.train(data);
        DenseMatrix w = ((AbstractLinearSGDModel<Label>) model).getWeightsCopy();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        int[] row = new int[KINDS.length + 1];
        row[0] = outputs.getID(new Label(NONE));
        for (AbuseKind k : KINDS) {
            row[1 + k.ordinal()] = outputs.getID(new Label(k.id()));
        }
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int biasColumn = features.size();
        float[] bias = new float[row.length];
        for (int c = 0; c < row.length; c++) {
            bias[c] = (float) w.get(row[c], biasColumn);
        }
        Map<String, float[]> weights = new HashMap<>();
        for (String name : vocabulary) {
            int id = features.getID(name);
            if (id >= 0) {
                float[] v = new float[row.length];
                for (int c = 0; c < row.length; c++) {
                    v[c] = (float) w.get(row[c], id);
                }
                weights.put(name, v);
            }
        }
        return new AbuseClassifier(weights, bias);
    }

    /**
     * Scores one customer utterance.
     *
     * @param text the utterance, written or as a recognizer gave it
     * @param language {@code en} or {@code ko}
     */
    public Scores score(String text, String language) {
        String lang = "ko".equals(language) ? "ko" : "en";
        List<String> words = words(text);
        if (words.size() > MAX_WORDS) {
            words = words.subList(0, MAX_WORDS);
        }
        Scores best = scoreWords(words, lang);
        boolean korean = lang.equals("ko");
        if (words.size() <= (korean ? KOREAN_LONG : LONG)) {
            return best;
        }
        int window = korean ? KOREAN_WINDOW : WINDOW;
        for (int start = 0; start < words.size(); start += window / 2) {
            int end = Math.min(words.size(), start + window);
            Scores s = scoreWords(words.subList(start, end), lang);
            if (s.abuse() > best.abuse()) {
                best = s;
            }
            if (end == words.size()) {
                break;
            }
        }
        return best;
    }

    private Scores scoreWords(List<String> words, String lang) {
        double[] z = new double[bias.length];
        int known = 0;
        for (String f : TextFeatures.of(words, lang)) {
            float[] w = weights.get(f);
            if (w != null) {
                known++;
                for (int c = 0; c < z.length; c++) {
                    z[c] += w[c];
                }
            }
        }
        double scale = known == 0 ? 0 : 1.0 / Math.sqrt(known);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.length; c++) {
            z[c] = bias[c] + z[c] * scale;
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        double[] kinds = new double[KINDS.length];
        for (AbuseKind k : KINDS) {
            kinds[k.ordinal()] = z[1 + k.ordinal()] / sum;
        }
        return new Scores(z[0] / sum, kinds, List.copyOf(words));
    }

    /**
     * The words that weigh most towards {@code kind} in {@code words}, most first: the evidence of
     * a finding the classifier made on its own.
     */
    List<String> strongestWords(List<String> words, String lang, AbuseKind kind, int limit) {
        int c = 1 + kind.ordinal();
        Map<String, Double> byWord = new HashMap<>();
        for (String word : words) {
            double sum = 0;
            for (String f : TextFeatures.of(List.of(word), lang)) {
                float[] w = weights.get(f);
                if (w != null) {
                    sum += w[c] - w[0];
                }
            }
            byWord.merge(word, sum, Math::max);
        }
        return byWord.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(
                        Map.Entry.<String, Double>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The utterance's words as the classifier sees them, without fillers. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>(TextFeatures.words(text));
        words.removeIf(FILLERS::contains);
        return words;
    }

    /** Reads a model written by {@link #write}. */
    public static AbuseClassifier load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model from a stream.
     *
     * @throws IOException if the stream is not a callqa abuse model, or one for other kinds
     */
    public static AbuseClassifier read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(header, MAGIC)) {
            throw new IOException("not a callqa abuse model (bad header)");
        }
        try {
            DataInputStream data =
                    new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)));
            int classes = data.readInt();
            if (classes != KINDS.length + 1) {
                throw new IOException(
                        "the model has "
                                + classes
                                + " classes, this version knows "
                                + (KINDS.length + 1));
            }
            List<String> expected = new ArrayList<>();
            expected.add(NONE);
            Arrays.stream(KINDS).map(AbuseKind::id).forEach(expected::add);
            for (String id : expected) {
                String found = data.readUTF();
                if (!found.equals(id)) {
                    throw new IOException(
                            "the model's classes differ from this version's: found \""
                                    + found
                                    + "\" where \""
                                    + id
                                    + "\" belongs");
                }
            }
            float[] bias = new float[classes];
            for (int c = 0; c < classes; c++) {
                bias[c] = data.readFloat();
            }
            int n = data.readInt();
            if (n < 0) {
                throw new IOException("corrupt callqa abuse model: negative feature count");
            }
            Map<String, float[]> weights = new HashMap<>(Math.min(n, 1 << 20) * 2);
            for (int i = 0; i < n; i++) {
                String name = data.readUTF();
                float[] w = new float[classes];
                for (int c = 0; c < classes; c++) {
                    w[c] = data.readFloat();
                }
                weights.put(name, w);
            }
            return new AbuseClassifier(weights, bias);
        } catch (EOFException | ZipException e) {
            throw new IOException("corrupt callqa abuse model: " + e.getMessage(), e);
        }
    }

    /** Writes the model to a file, replacing it. */
    public void write(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(out);
        }
    }

    /**
     * Writes the model to a stream: a header, then gzipped the class ids, the biases and each
     * feature with its weights, features in name order so the same model gives the same bytes.
     */
    public void write(OutputStream out) throws IOException {
        out.write(MAGIC);
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip));
        data.writeInt(bias.length);
        data.writeUTF(NONE);
        for (AbuseKind k : KINDS) {
            data.writeUTF(k.id());
        }
        for (float b : bias) {
            data.writeFloat(b);
        }
        data.writeInt(weights.size());
        for (String name : new TreeSet<>(weights.keySet())) {
            data.writeUTF(name);
            for (float w : weights.get(name)) {
                data.writeFloat(w);
            }
        }
        data.flush();
        gzip.finish();
        out.flush();
    }

    /** Number of features the model knows. */
    int featureCount() {
        return weights.size();
    }

    /**
     * Trains the bundled model from the bundled corpus and writes it: {@code java ...
     * AbuseClassifier [OUT]}, by default to the resource in the source tree (run from the
     * repository root). README, "Abuse detection", has the command.
     */
    public static void main(String[] args) throws IOException {
        Path out =
                Path.of(args.length > 0 ? args[0] : "qa-rules/src/main/resources" + DEFAULT_MODEL);
        AbuseCorpus corpus = AbuseCorpus.shipped();
        long t0 = System.nanoTime();
        AbuseClassifier model = train(corpus.training(), DEFAULT_SEED);
        model.write(out);
        System.out.printf(
                "trained on %d examples in %.1f s: %d features, written to %s%n",
                corpus.training().size(),
                (System.nanoTime() - t0) / 1e9,
                model.featureCount(),
                out);
    }
}

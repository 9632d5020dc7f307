package io.callqa.rules.acts;

import io.callqa.rules.classify.TextFeatures;
import io.callqa.rules.transcript.Languages;
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
 * Scores every {@link DialogueAct} of an utterance, in English and Korean, on written and
 * recognizer text.
 *
 * <p><b>Model.</b> One binary logistic regression per act (the act against everything else),
 * trained with Tribuo's linear SGD trainer (log loss, AdaGrad, fixed seed) over the call
 * classifier's features ({@link TextFeatures}: words, word bigrams, character n-grams, and for
 * Korean n-grams over the text with spaces removed, so recognizer spacing does not matter).
 * Independent models let one utterance carry several acts, and each score is that model's
 * probability. Fillers (uh, um, 어, 음) are dropped first, since recognizers emit them anywhere.
 *
 * <p><b>Long utterances.</b> An act said at the end of a long utterance ("... so that's sorted then
 * is there anything else") is a small share of its features and would score low; so an utterance
 * longer than {@value #WINDOW} words is also scored in overlapping windows of {@value #WINDOW}
 * words, and each act keeps its best score.
 *
 * <p><b>Speed.</b> After training, the weights are copied out of Tribuo into one map from feature
 * to the weights of all acts, so an utterance costs one feature extraction and one map lookup per
 * feature, whatever the number of acts.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DialogueActClassifier {

    /** Classpath resource of the bundled model, trained on the training split of the corpus. */
    public static final String DEFAULT_MODEL = "/io/callqa/rules/acts/default-model.bin";

    /** Seed the bundled model was trained with; training with it reproduces that model. */
    public static final long DEFAULT_SEED = 20261202L;

    /**
     * Window length, in words, for long English utterances; those longer than {@link #LONG} words
     * are also scored in windows overlapping by half. Korean words are longer (particles and
     * endings are attached), hence shorter windows there. Chosen on the held-out split (README,
     * "Dialogue acts").
     */
    static final int WINDOW = 10;

    static final int LONG = 12;
    private static final int KOREAN_WINDOW = 6;
    private static final int KOREAN_LONG = 6;
    private static final int EPOCHS = 10;
    private static final int MIN_DOCUMENT_FREQUENCY = 2;
    private static final byte[] MAGIC = "callqa-acts/1\n".getBytes(StandardCharsets.UTF_8);
    private static final DialogueAct[] ACTS = DialogueAct.values();

    /** Recognizer fillers: they carry no act and appear anywhere. */
    private static final Set<String> FILLERS =
            Set.of(
                    "uh", "um", "uhm", "erm", "er", "ah", "hmm", "mm", "eh", "어", "음", "그", "아",
                    "으", "에");

    /**
     * Tribuo logs every training run at INFO through java.util.logging; held here (JUL keeps
     * loggers weakly) so the level sticks.
     */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private static volatile DialogueActClassifier defaults;

    /** Per feature, its weight in each act's model, indexed by act ordinal. */
    private final Map<String, float[]> weights;

    private final float[] bias;

    private DialogueActClassifier(Map<String, float[]> weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** The model bundled with callqa, loaded once. */
    public static DialogueActClassifier defaults() {
        DialogueActClassifier c = defaults;
        if (c == null) {
            synchronized (DialogueActClassifier.class) {
                c = defaults;
                if (c == null) {
                    try (InputStream in =
                            DialogueActClassifier.class.getResourceAsStream(DEFAULT_MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + DEFAULT_MODEL);
                        }
                        c = read(new BufferedInputStream(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    defaults = c;
                }
            }
        }
        return c;
    }

    /**
     * Trains a model. Training is deterministic: the same examples in the same order with the same
     * seed give the same model.
     *
     * @param examples what to learn from, usually {@link ActCorpus#training()}
     * @param seed seed for the order SGD visits the examples in
     */
    public static DialogueActClassifier train(List<ActExample> examples, long seed) {
        List<Set<String>> featureSets = new ArrayList<>(examples.size());
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (ActExample e : examples) {
            Set<String> f = features(words(e.text()), e.lang());
            featureSets.add(f);
            f.forEach(name -> documentFrequency.merge(name, 1, Integer::sum));
        }
        // Features seen once are mostly names, numbers and typos: pruning them shrinks the model
        // and costs no accuracy.
        List<String[]> kept = new ArrayList<>(examples.size());
        Set<String> vocabulary = new TreeSet<>();
        for (Set<String> f : featureSets) {
            String[] k =
                    f.stream()
                            .filter(name -> documentFrequency.get(name) >= MIN_DOCUMENT_FREQUENCY)
                            .toArray(String[]::new);
            kept.add(k);
            vocabulary.addAll(Arrays.asList(k));
        }
        Map<String, float[]> weights = new HashMap<>();
        vocabulary.forEach(name -> weights.put(name, new float[ACTS.length]));
        float[] bias = new float[ACTS.length];
        for (DialogueAct act : ACTS) {
            LabelFactory labels = new LabelFactory();
            // A fixed creation time keeps the data provenance identical from run to run.
            MutableDataset<Label> data =
                    new MutableDataset<>(
                            new SimpleDataSourceProvenance(
                                    "callqa dialogue acts: " + act.id(),
                                    OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                                    labels),
                            labels);
            for (int i = 0; i < examples.size(); i++) {
                if (kept.get(i).length > 0) {
                    Label label = new Label(examples.get(i).has(act) ? "yes" : "no");
                    data.add(example(label, kept.get(i)));
                }
            }
            if (data.getOutputInfo().size() < 2) {
                throw new IllegalArgumentException(
                        "training needs examples with and without the act " + act.id());
            }
            LinearSGDTrainer trainer =
                    new LinearSGDTrainer(
                            new LogMulticlass(), new AdaGrad(1.0, 0.1), EPOCHS, -1, 1, seed);
            Model<Label> model = trainer.train(data);
            copyWeights(model, act, weights, bias);
        }
        return new DialogueActClassifier(weights, bias);
    }

    /**
     * Reduces a two-class softmax model to one logistic regression: P(yes) = sigmoid(z_yes - z_no),
     * so the act's weight of a feature is its "yes" weight minus its "no" weight.
     */
    private static void copyWeights(
            Model<Label> model, DialogueAct act, Map<String, float[]> weights, float[] bias) {
        DenseMatrix w = ((AbstractLinearSGDModel<Label>) model).getWeightsCopy();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        int yes = outputs.getID(new Label("yes"));
        int no = outputs.getID(new Label("no"));
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int biasColumn = features.size();
        bias[act.ordinal()] = (float) (w.get(yes, biasColumn) - w.get(no, biasColumn));
        weights.forEach(
                (name, perAct) -> {
                    int id = features.getID(name);
                    if (id >= 0) {
                        perAct[act.ordinal()] = (float) (w.get(yes, id) - w.get(no, id));
                    }
                });
    }

    /** Binary features scaled to unit length, so long and short utterances weigh alike. */
    private static ArrayExample<Label> example(Label label, String[] names) {
        double[] values = new double[names.length];
        Arrays.fill(values, 1.0 / Math.sqrt(names.length));
        return new ArrayExample<>(label, names, values);
    }

    /**
     * Scores every act of one utterance.
     *
     * @param text the utterance, written or as a recognizer gave it
     * @param language {@code en}, {@code ko}, or {@code auto} / {@code null} to detect it from the
     *     text
     * @throws IllegalArgumentException for any other language
     */
    public ActScores classify(String text, String language) {
        return classify(text, language, true);
    }

    /** {@link #classify(String, String)}, optionally without the windows over long utterances. */
    ActScores classify(String text, String language, boolean windows) {
        String lang = language(text, language);
        List<String> words = words(text);
        double[] whole = score(words, lang);
        boolean korean = lang.equals("ko");
        if (!windows || words.size() <= (korean ? KOREAN_LONG : LONG)) {
            return ActScores.of(whole);
        }
        int window = korean ? KOREAN_WINDOW : WINDOW;
        double[] best = whole.clone();
        int other = DialogueAct.OTHER.ordinal();
        for (int start = 0; start < words.size(); start += window / 2) {
            int end = Math.min(words.size(), start + window);
            double[] w = score(words.subList(start, end), lang);
            for (int a = 0; a < best.length; a++) {
                // An utterance is "other" only if no part of it carries an act, so that one
                // takes the least of its window scores rather than the most.
                best[a] = a == other ? Math.min(best[a], w[a]) : Math.max(best[a], w[a]);
            }
            if (end == words.size()) {
                break;
            }
        }
        return ActScores.of(best);
    }

    /** The act probabilities of a run of words, indexed by act ordinal. */
    double[] score(List<String> words, String lang) {
        return score(features(words, lang));
    }

    private double[] score(Set<String> features) {
        double[] z = new double[ACTS.length];
        int known = 0;
        for (String f : features) {
            float[] w = weights.get(f);
            if (w != null) {
                known++;
                for (int a = 0; a < z.length; a++) {
                    z[a] += w[a];
                }
            }
        }
        double scale = known == 0 ? 0 : 1.0 / Math.sqrt(known);
        for (int a = 0; a < z.length; a++) {
            z[a] = 1.0 / (1.0 + Math.exp(-(bias[a] + z[a] * scale)));
        }
        return z;
    }

    /** The utterance's words as the call classifier sees them, without fillers. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>(TextFeatures.words(text));
        words.removeIf(FILLERS::contains);
        return words;
    }

    private static Set<String> features(List<String> words, String lang) {
        return TextFeatures.of(words, lang);
    }

    private static String language(String text, String lang) {
        if (lang == null || lang.equals("auto")) {
            return Languages.detect(List.of(text));
        }
        if (lang.equals("en") || lang.equals("ko")) {
            return lang;
        }
        throw new IllegalArgumentException("language must be en, ko or auto, got \"" + lang + "\"");
    }

    /** Reads a model written by {@link #write}. */
    public static DialogueActClassifier load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        }
    }

    /**
     * Reads a model from a stream.
     *
     * @throws IOException if the stream is not a callqa dialogue-act model, or a model for other
     *     acts than this version knows
     */
    public static DialogueActClassifier read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(header, MAGIC)) {
            throw new IOException("not a callqa dialogue-act model (bad header)");
        }
        try {
            DataInputStream data =
                    new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)));
            int acts = data.readInt();
            if (acts != ACTS.length) {
                throw new IOException(
                        "the model scores " + acts + " acts, this version knows " + ACTS.length);
            }
            for (DialogueAct act : ACTS) {
                String id = data.readUTF();
                if (!id.equals(act.id())) {
                    throw new IOException(
                            "the model's acts differ from this version's: found \""
                                    + id
                                    + "\" where \""
                                    + act.id()
                                    + "\" belongs");
                }
            }
            float[] bias = new float[ACTS.length];
            for (int a = 0; a < bias.length; a++) {
                bias[a] = data.readFloat();
            }
            int n = data.readInt();
            Map<String, float[]> weights = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String name = data.readUTF();
                float[] w = new float[ACTS.length];
                for (int a = 0; a < w.length; a++) {
                    w[a] = data.readFloat();
                }
                weights.put(name, w);
            }
            return new DialogueActClassifier(weights, bias);
        } catch (EOFException | ZipException e) {
            throw new IOException("corrupt callqa dialogue-act model: " + e.getMessage(), e);
        }
    }

    /** Writes the model to a file, replacing it. */
    public void write(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(out);
        }
    }

    /**
     * Writes the model to a stream: a header, then gzipped the act ids, the biases and each feature
     * with its weights, features in name order so the same model gives the same bytes.
     */
    public void write(OutputStream out) throws IOException {
        out.write(MAGIC);
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip));
        data.writeInt(ACTS.length);
        for (DialogueAct act : ACTS) {
            data.writeUTF(act.id());
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
}

package io.callqa.rules.classify;

import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Languages;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Sorts utterances and whole calls into categories (by default refund / shipping / billing / other)
 * with a multinomial logistic regression over word and character n-grams ({@link TextFeatures}), in
 * English and Korean with one model.
 *
 * <p>The model is trained with Tribuo's linear SGD trainer (log loss, AdaGrad, fixed seed). Tribuo
 * was chosen over Smile because current Smile releases need a newer JDK than callqa's 17 and pull
 * in native BLAS jars, while Tribuo runs on 17 and, without its CSV loaders and OLCUT's shell
 * (excluded in the parent POM), adds about 4 MB to the CLI jar.
 *
 * <p><b>Whole calls.</b> {@link #classify(CallTranscript)} classifies each utterance and takes a
 * weighted average of the probability vectors: the customer counts more than the agent, the start
 * of the call more than the end, confident utterances more than "yes" and "thank you", and the
 * catch-all category is discounted because procedural talk lands there; a customer's request for
 * money back weighs most, so that what the customer asks for, not what caused it, names the call.
 * {@link CallWeighting} gives the formula and the default weights.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CallClassifier {

    /** Classpath resource of the default model, trained on the training split of the corpus. */
    public static final String DEFAULT_MODEL = "/io/callqa/rules/classify/default-model.bin";

    /** Seed the shipped model was trained with; training with it reproduces that model. */
    public static final long DEFAULT_SEED = 20261121L;

    /** The order categories are reported in when the model has them; others follow by name. */
    private static final List<String> PREFERRED_ORDER =
            List.of("refund", "shipping", "billing", "other");

    /** Category for text with no feature the model knows (empty, or another script). */
    private static final String FALLBACK = "other";

    /** A redaction placeholder such as {@code [CARD]} (see {@code io.callqa.rules.pii.PiiType}). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z][A-Z_]{1,15}\\]");

    private static final byte[] MAGIC = "callqa-classifier/1\n".getBytes(StandardCharsets.UTF_8);
    private static final int EPOCHS = 10;
    private static final int MIN_DOCUMENT_FREQUENCY = 2;

    /**
     * Tribuo logs every training run at INFO through java.util.logging; held here (JUL keeps
     * loggers weakly) so the level sticks, and the CLI prints its own summary instead.
     */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private static volatile CallClassifier defaultClassifier;

    private final Model<Label> model;
    private final ImmutableFeatureMap features;
    private final List<String> categories;

    private CallClassifier(Model<Label> model) {
        this.model = model;
        this.features = model.getFeatureIDMap();
        List<String> names = new ArrayList<>();
        model.getOutputIDInfo().getDomain().forEach(l -> names.add(l.getLabel()));
        names.sort(
                (a, b) -> {
                    int ia = rank(a);
                    int ib = rank(b);
                    return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
                });
        this.categories = List.copyOf(names);
    }

    private static int rank(String category) {
        int i = PREFERRED_ORDER.indexOf(category);
        return i < 0 ? PREFERRED_ORDER.size() : i;
    }

    /** The model shipped with callqa, loaded once. */
    public static CallClassifier defaultModel() {
        CallClassifier c = defaultClassifier;
        if (c == null) {
            synchronized (CallClassifier.class) {
                c = defaultClassifier;
                if (c == null) {
                    try (InputStream in = CallClassifier.class.getResourceAsStream(DEFAULT_MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + DEFAULT_MODEL);
                        }
                        c = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    defaultClassifier = c;
                }
            }
        }
        return c;
    }

    /**
     * Trains a model. Training is deterministic: the same examples in the same order with the same
     * seed give the same model.
     *
     * @param examples what to learn from; the caller decides the split (see {@link
     *     TrainingCorpus#training()})
     * @param seed seed for the order SGD visits the examples in
     */
    public static CallClassifier train(List<TrainingExample> examples, long seed) {
        List<Set<String>> featureSets = new ArrayList<>(examples.size());
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (TrainingExample e : examples) {
            Set<String> f = features(e.text(), e.lang());
            featureSets.add(f);
            f.forEach(name -> documentFrequency.merge(name, 1, Integer::sum));
        }
        LabelFactory labels = new LabelFactory();
        // A fixed creation time keeps the data provenance identical from run to run.
        MutableDataset<Label> data =
                new MutableDataset<>(
                        new SimpleDataSourceProvenance(
                                "callqa classifier corpus",
                                OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                                labels),
                        labels);
        for (int i = 0; i < examples.size(); i++) {
            // Features seen once are mostly typos and order numbers: pruning them halves the
            // model and costs no accuracy.
            List<String> kept =
                    featureSets.get(i).stream()
                            .filter(f -> documentFrequency.get(f) >= MIN_DOCUMENT_FREQUENCY)
                            .toList();
            if (!kept.isEmpty()) {
                data.add(example(new Label(examples.get(i).label()), kept));
            }
        }
        if (data.getOutputInfo().size() < 2) {
            throw new IllegalArgumentException("training needs examples of at least two labels");
        }
        LinearSGDTrainer trainer =
                new LinearSGDTrainer(
                        new LogMulticlass(), new AdaGrad(1.0, 0.1), EPOCHS, -1, 1, seed);
        return new CallClassifier(trainer.train(data));
    }

    /** Reads a model written by {@link #write}. */
    public static CallClassifier load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        }
    }

    /**
     * Reads a model from a stream.
     *
     * @throws IOException if the stream is not a callqa classifier model
     */
    public static CallClassifier read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(header, MAGIC)) {
            throw new IOException("not a callqa classifier model (bad header)");
        }
        Model<?> m;
        try {
            m = Model.deserializeFromStream(new GZIPInputStream(in));
        } catch (RuntimeException | ZipException e) {
            throw new IOException("corrupt callqa classifier model: " + e.getMessage(), e);
        }
        if (!m.validate(Label.class)) {
            throw new IOException("the model does not predict categories");
        }
        return new CallClassifier(m.castModel(Label.class));
    }

    /** Writes the model to a file, replacing it. */
    public void write(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(out);
        }
    }

    /**
     * Writes the model to a stream: a short header, then Tribuo's protobuf form, gzipped (which
     * shrinks it about four times, mostly the feature names and per-feature statistics).
     */
    public void write(OutputStream out) throws IOException {
        out.write(MAGIC);
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        model.serializeToStream(gzip);
        gzip.finish();
        out.flush();
    }

    /** The categories this model assigns, in reporting order. */
    public List<String> categories() {
        return categories;
    }

    /**
     * Classifies one utterance.
     *
     * @param lang {@code en}, {@code ko}, or {@code auto} / {@code null} to detect it from the text
     */
    public Classification classify(String text, String lang) {
        return toClassification(probabilities(text, language(text, lang)));
    }

    /**
     * Classifies a whole call from its utterances, weighting the customer over the agent and the
     * start of the call over the end (see the class comment).
     */
    public Classification classify(CallTranscript call) {
        return classify(call.utterances(), call.language());
    }

    /**
     * Classifies a call given as utterances in time order; see {@link #classify(CallTranscript)}.
     */
    public Classification classify(List<Utterance> utterances, String lang) {
        return classify(utterances, lang, CallWeighting.DEFAULT);
    }

    /**
     * Classifies a call given as utterances in time order, with the given weighting.
     *
     * @param lang {@code en}, {@code ko}, or {@code auto} / {@code null} to detect it
     */
    public Classification classify(
            List<Utterance> utterances, String lang, CallWeighting weighting) {
        String language =
                isAuto(lang)
                        ? Languages.detect(utterances.stream().map(Utterance::text).toList())
                        : known(lang);
        int k = categories.size();
        double[] sum = new double[k];
        double total = 0;
        int requested = categories.indexOf(weighting.requested());
        List<Turn> turns = turns(utterances, weighting.turnGap());
        for (int i = 0; i < turns.size(); i++) {
            Turn u = turns.get(i);
            double[] p = probabilities(u.text(), language);
            if (p == null) {
                continue;
            }
            double max = Arrays.stream(p).max().orElse(0);
            double informativeness = (max - 1.0 / k) / (1 - 1.0 / k);
            double speaker =
                    u.speaker() == Speaker.CUSTOMER
                            ? weighting.customerWeight()
                            : weighting.agentWeight();
            double w = speaker * weighting.position(i) * informativeness;
            if (requested >= 0
                    && u.speaker() == Speaker.CUSTOMER
                    && p[requested] >= weighting.requestThreshold()) {
                // What the customer asks for weighs most: money asked back makes a refund call
                // whatever caused it (a double charge, a cancellation penalty), however much of
                // the rest of the call is about bills and charges.
                w *= weighting.requestBoost();
            }
            for (int c = 0; c < k; c++) {
                sum[c] += w * p[c];
            }
            total += w;
        }
        if (total <= 0) {
            return toClassification(null);
        }
        int residual = categories.indexOf(weighting.residual());
        if (residual >= 0) {
            sum[residual] *= weighting.residualDiscount();
        }
        double norm = Arrays.stream(sum).sum();
        for (int c = 0; c < k; c++) {
            sum[c] /= norm;
        }
        return toClassification(sum);
    }

    /** What one speaker said without a pause of {@code turnGap} seconds or more. */
    private record Turn(Speaker speaker, String text) {}

    /**
     * Joins consecutive utterances of one speaker less than {@code gap} seconds apart; linear in
     * the number of utterances.
     */
    private static List<Turn> turns(List<Utterance> utterances, double gap) {
        List<Turn> turns = new ArrayList<>(utterances.size());
        StringBuilder text = new StringBuilder();
        Utterance previous = null;
        for (Utterance u : utterances) {
            boolean joins =
                    previous != null
                            && u.speaker() == previous.speaker()
                            && u.start() - previous.end() < gap;
            if (!joins && previous != null) {
                turns.add(new Turn(previous.speaker(), text.toString()));
                text.setLength(0);
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(u.text());
            previous = u;
        }
        if (previous != null) {
            turns.add(new Turn(previous.speaker(), text.toString()));
        }
        return turns;
    }

    private static String language(String text, String lang) {
        return isAuto(lang) ? Languages.detect(List.of(text)) : known(lang);
    }

    private static boolean isAuto(String lang) {
        return lang == null || lang.equals("auto");
    }

    private static String known(String lang) {
        if (lang.equals("en") || lang.equals("ko")) {
            return lang;
        }
        throw new IllegalArgumentException("lang must be en, ko or auto, got \"" + lang + "\"");
    }

    /**
     * The features of a text, with spoken numbers folded like written ones ({@link NumberWords})
     * and redaction placeholders ({@code [CARD]}, {@code [DOB]}, {@code [ACCOUNT]}) removed: the
     * classifier runs on redacted calls, and a placeholder says that personal data was spoken, not
     * what the call is about, while read as a word "[CARD]" would count as talk about a card.
     */
    private static Set<String> features(String text, String lang) {
        return TextFeatures.of(NumberWords.fold(PLACEHOLDER.matcher(text).replaceAll(" ")), lang);
    }

    /** Probabilities in {@link #categories} order, or null when no feature is known. */
    private double[] probabilities(String text, String lang) {
        List<String> known =
                features(text, lang).stream().filter(f -> features.get(f) != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        Prediction<Label> prediction = model.predict(example(LabelFactory.UNKNOWN_LABEL, known));
        Map<String, Label> scores = prediction.getOutputScores();
        double[] p = new double[categories.size()];
        for (int c = 0; c < p.length; c++) {
            Label l = scores.get(categories.get(c));
            p[c] = l == null ? 0 : l.getScore();
        }
        return p;
    }

    private Classification toClassification(double[] p) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (p == null) {
            String label = categories.contains(FALLBACK) ? FALLBACK : categories.get(0);
            categories.forEach(c -> scores.put(c, 1.0 / categories.size()));
            return new Classification(label, 1.0 / categories.size(), scores);
        }
        int best = 0;
        for (int c = 0; c < p.length; c++) {
            scores.put(categories.get(c), p[c]);
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return new Classification(categories.get(best), p[best], scores);
    }

    /** Binary features scaled to unit length, so long snippets and short lines weigh alike. */
    private static Example<Label> example(Label label, List<String> names) {
        double v = 1.0 / Math.sqrt(names.size());
        double[] values = new double[names.size()];
        Arrays.fill(values, v);
        return new ArrayExample<>(label, names.toArray(String[]::new), values);
    }
}

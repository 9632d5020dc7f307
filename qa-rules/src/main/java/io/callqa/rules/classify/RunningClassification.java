package io.callqa.rules.classify;

import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The category of a call still in progress, updated one utterance at a time at constant cost: the
 * same weighted mean as {@link CallClassifier#classify(List, String, CallWeighting)}, kept as
 * running sums, so that after the last utterance {@link #current()} equals the whole-call
 * classification. Not thread-safe: one instance per call.
 */
public final class RunningClassification {

    private final CallClassifier model;
    private final String language;
    private final CallWeighting weighting;
    private final List<String> categories;
    private final double[] sum;
    private int count;

    /** A call in {@code language} ({@code en} or {@code ko}) weighted as {@code weighting}. */
    public RunningClassification(CallClassifier model, String language, CallWeighting weighting) {
        this.model = Objects.requireNonNull(model, "model");
        this.weighting = Objects.requireNonNull(weighting, "weighting");
        if (!"en".equals(language) && !"ko".equals(language)) {
            throw new IllegalArgumentException(
                    "language must be en or ko, got \"" + language + "\"");
        }
        this.language = language;
        this.categories = model.categories();
        this.sum = new double[categories.size()];
    }

    /** A call weighted as {@link CallWeighting#DEFAULT}. */
    public RunningClassification(CallClassifier model, String language) {
        this(model, language, CallWeighting.DEFAULT);
    }

    /**
     * Adds the next utterance of the call and returns its own classification (the utterance alone).
     */
    public Classification add(Utterance u) {
        Classification own = model.classify(u.text(), language);
        int k = categories.size();
        double max = own.confidence();
        double informativeness = (max - 1.0 / k) / (1 - 1.0 / k);
        double speaker =
                u.speaker() == Speaker.CUSTOMER
                        ? weighting.customerWeight()
                        : weighting.agentWeight();
        double w = speaker * weighting.position(count) * informativeness;
        int requested = categories.indexOf(weighting.requested());
        if (requested >= 0
                && u.speaker() == Speaker.CUSTOMER
                && own.scores().get(categories.get(requested)) >= weighting.requestThreshold()) {
            w *= weighting.requestBoost();
        }
        for (int c = 0; c < k; c++) {
            sum[c] += w * own.scores().get(categories.get(c));
        }
        count++;
        return own;
    }

    /**
     * What this classification has added up so far, as plain data: a stream processor keeps it
     * between utterances and gives it back to {@link #restore}.
     *
     * @param sums the weighted score sums, in the model's category order
     * @param utterances how many utterances were added
     */
    public record Sums(List<Double> sums, int utterances) {
        /** Copies the list. */
        public Sums {
            sums = List.copyOf(sums);
        }
    }

    /** The sums so far. */
    public Sums sums() {
        List<Double> out = new java.util.ArrayList<>(sum.length);
        for (double v : sum) {
            out.add(v);
        }
        return new Sums(out, count);
    }

    /**
     * Continues from {@code saved}, as if the utterances it adds up had been added here.
     *
     * @throws IllegalArgumentException when {@code saved} has another number of categories than the
     *     model
     */
    public void restore(Sums saved) {
        if (saved.sums().size() != sum.length) {
            throw new IllegalArgumentException(
                    "saved classification has "
                            + saved.sums().size()
                            + " category sums, the model "
                            + sum.length
                            + " ("
                            + categories
                            + ")");
        }
        for (int c = 0; c < sum.length; c++) {
            sum[c] = saved.sums().get(c);
        }
        count = saved.utterances();
    }

    /** How many utterances have been added. */
    public int utterances() {
        return count;
    }

    /**
     * The call's category from the utterances added so far (uniform, {@code other}, before any).
     */
    public Classification current() {
        int k = categories.size();
        double[] p = sum.clone();
        int residual = categories.indexOf(weighting.residual());
        if (residual >= 0) {
            p[residual] *= weighting.residualDiscount();
        }
        double norm = 0;
        for (double v : p) {
            norm += v;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        int best = 0;
        for (int c = 0; c < k; c++) {
            p[c] = norm > 0 ? p[c] / norm : 1.0 / k;
            scores.put(categories.get(c), p[c]);
            if (p[c] > p[best]) {
                best = c;
            }
        }
        String label =
                norm > 0
                        ? categories.get(best)
                        : categories.contains("other") ? "other" : categories.get(0);
        return new Classification(label, scores.get(label), scores);
    }
}

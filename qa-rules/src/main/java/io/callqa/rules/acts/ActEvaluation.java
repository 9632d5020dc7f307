package io.callqa.rules.acts;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Per-act precision and recall of predicted act sets against gold ones: an act is predicted when
 * its score reaches the threshold.
 */
public final class ActEvaluation {

    private static final DialogueAct[] ACTS = DialogueAct.values();

    private final long[] truePositives = new long[ACTS.length];
    private final long[] falsePositives = new long[ACTS.length];
    private final long[] falseNegatives = new long[ACTS.length];
    private long count;

    private ActEvaluation() {}

    /**
     * Scores a classifier on labelled examples.
     *
     * @param threshold the confidence at which an act counts as predicted
     */
    public static ActEvaluation of(
            DialogueActClassifier classifier, List<ActExample> examples, double threshold) {
        return of(examples, e -> classifier.classify(e.text(), e.lang()), threshold);
    }

    /** Scores any scoring function on labelled examples. */
    static ActEvaluation of(
            List<ActExample> examples, Function<ActExample, ActScores> scorer, double threshold) {
        ActEvaluation ev = new ActEvaluation();
        for (ActExample e : examples) {
            ev.add(e.acts(), scorer.apply(e), threshold);
        }
        return ev;
    }

    private void add(Set<DialogueAct> gold, ActScores scores, double threshold) {
        count++;
        for (DialogueAct a : ACTS) {
            boolean predicted = scores.score(a) >= threshold;
            boolean actual = gold.contains(a);
            if (predicted && actual) {
                truePositives[a.ordinal()]++;
            } else if (predicted) {
                falsePositives[a.ordinal()]++;
            } else if (actual) {
                falseNegatives[a.ordinal()]++;
            }
        }
    }

    /** Number of examples evaluated. */
    public long count() {
        return count;
    }

    /** Number of examples that carry {@code act}. */
    public long support(DialogueAct act) {
        return truePositives[act.ordinal()] + falseNegatives[act.ordinal()];
    }

    /** Share of predictions of {@code act} that are right; 1 when it is never predicted. */
    public double precision(DialogueAct act) {
        long p = truePositives[act.ordinal()] + falsePositives[act.ordinal()];
        return p == 0 ? 1 : (double) truePositives[act.ordinal()] / p;
    }

    /** Share of examples carrying {@code act} where it is predicted; 1 when none carries it. */
    public double recall(DialogueAct act) {
        long s = support(act);
        return s == 0 ? 1 : (double) truePositives[act.ordinal()] / s;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0. */
    public double f1(DialogueAct act) {
        double p = precision(act);
        double r = recall(act);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Unweighted mean F1 over the acts that occur in the gold labels. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (DialogueAct a : ACTS) {
            if (support(a) > 0) {
                sum += f1(a);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** A table: one line per act with support, precision, recall and F1. */
    public String table() {
        StringBuilder sb =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "%-24s %7s %9s %7s %6s%n",
                                "act",
                                "support",
                                "precision",
                                "recall",
                                "F1"));
        for (DialogueAct a : ACTS) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%-24s %7d %9.3f %7.3f %6.3f%n",
                            a.id(),
                            support(a),
                            precision(a),
                            recall(a),
                            f1(a)));
        }
        sb.append(String.format(Locale.ROOT, "n=%d macro-F1=%.3f%n", count, macroF1()));
        return sb.toString();
    }
}

package io.callqa.rules.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Accuracy, per-category precision/recall/F1, macro-F1 and the confusion matrix of predictions
 * against gold labels.
 */
public final class ClassifierEvaluation {

    private final List<String> categories;
    private final long[][] confusion;
    private final long total;

    private ClassifierEvaluation(List<String> categories, long[][] confusion, long total) {
        this.categories = categories;
        this.confusion = confusion;
        this.total = total;
    }

    /**
     * Compares predictions with gold labels.
     *
     * @param categories the categories to report, in order; labels outside it are added at the end
     * @param gold the true label of each item
     * @param predicted the predicted label of each item, same length as {@code gold}
     */
    public static ClassifierEvaluation of(
            List<String> categories, List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        Set<String> all = new LinkedHashSet<>(categories);
        all.addAll(gold);
        all.addAll(predicted);
        List<String> cats = List.copyOf(all);
        long[][] m = new long[cats.size()][cats.size()];
        for (int i = 0; i < gold.size(); i++) {
            m[cats.indexOf(gold.get(i))][cats.indexOf(predicted.get(i))]++;
        }
        return new ClassifierEvaluation(cats, m, gold.size());
    }

    /** Evaluates a classifier on labelled examples, one utterance each. */
    public static ClassifierEvaluation of(CallClassifier classifier, List<TrainingExample> data) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (TrainingExample e : data) {
            gold.add(e.label());
            predicted.add(classifier.classify(e.text(), e.lang()).label());
        }
        return of(classifier.categories(), gold, predicted);
    }

    /** Number of items evaluated. */
    public long count() {
        return total;
    }

    /** Share of items predicted correctly; 0 when there are none. */
    public double accuracy() {
        long right = 0;
        for (int i = 0; i < categories.size(); i++) {
            right += confusion[i][i];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    /** F1 of one category; 0 when it is never predicted or never true. */
    public double f1(String category) {
        int c = categories.indexOf(category);
        if (c < 0) {
            return 0;
        }
        long tp = confusion[c][c];
        long predicted = 0;
        long actual = 0;
        for (int i = 0; i < categories.size(); i++) {
            predicted += confusion[i][c];
            actual += confusion[c][i];
        }
        if (tp == 0) {
            return 0;
        }
        double precision = (double) tp / predicted;
        double recall = (double) tp / actual;
        return 2 * precision * recall / (precision + recall);
    }

    /** Unweighted mean of the F1 of the categories that occur in the gold labels. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < categories.size(); c++) {
            long actual = 0;
            for (int i = 0; i < categories.size(); i++) {
                actual += confusion[c][i];
            }
            if (actual > 0) {
                sum += f1(categories.get(c));
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** How often gold category {@code gold} was predicted as {@code predicted}. */
    public long confusion(String gold, String predicted) {
        int g = categories.indexOf(gold);
        int p = categories.indexOf(predicted);
        return g < 0 || p < 0 ? 0 : confusion[g][p];
    }

    /** One line: count, accuracy and macro-F1. */
    public String summary() {
        return String.format(
                Locale.ROOT, "n=%d accuracy=%.3f macro-F1=%.3f", total, accuracy(), macroF1());
    }

    /** The confusion matrix as text: rows are gold labels, columns predictions. */
    public String confusionTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s", "gold\\pred"));
        for (String c : categories) {
            sb.append(String.format(Locale.ROOT, "%9s", c));
        }
        sb.append(String.format(Locale.ROOT, "%9s%n", "F1"));
        for (int g = 0; g < categories.size(); g++) {
            sb.append(String.format(Locale.ROOT, "%-10s", categories.get(g)));
            for (int p = 0; p < categories.size(); p++) {
                sb.append(String.format(Locale.ROOT, "%9d", confusion[g][p]));
            }
            sb.append(String.format(Locale.ROOT, "%9.3f%n", f1(categories.get(g))));
        }
        return sb.toString();
    }
}

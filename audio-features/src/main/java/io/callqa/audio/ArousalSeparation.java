package io.callqa.audio;

import java.util.List;

/**
 * How well a score (arousal, or one of its features) separates two classes of utterances, such as
 * angry and neutral speech: the area under the ROC curve, computed as the Mann-Whitney statistic.
 * Shared by the evaluation test and the accuracy benchmark, so both report the same figure.
 */
public final class ArousalSeparation {
    private ArousalSeparation() {}

    /**
     * The chance that a positive scores above a negative, ties counting half; unmeasurable (NaN)
     * scores are left out. 0.5 is chance, 1 a perfect separation; NaN when a class has no score.
     */
    public static double auc(List<Double> positive, List<Double> negative) {
        List<Double> pos = positive.stream().filter(Double::isFinite).toList();
        List<Double> neg = negative.stream().filter(Double::isFinite).toList();
        if (pos.isEmpty() || neg.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.size() * neg.size());
    }
}

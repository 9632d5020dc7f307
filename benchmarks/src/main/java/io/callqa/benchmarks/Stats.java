package io.callqa.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Medians and number formatting for the benchmark table. */
public final class Stats {

    private Stats() {}

    /** The median of {@code values} (mean of the middle two for an even count); NaN if empty. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The median of each run's values: one figure per JMH fork from its iterations. */
    public static List<Double> medians(List<List<Double>> runs) {
        List<Double> out = new ArrayList<>();
        for (List<Double> run : runs) {
            if (!run.isEmpty()) {
                out.add(median(run));
            }
        }
        return out;
    }

    /**
     * A number with as many digits as a noisy measurement deserves: thousands grouped and no
     * decimals from 1,000 up, one decimal from 10, two from 1, and three below 1 (accuracies,
     * AUCs).
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

package io.callqa.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One line of the benchmark table: what was measured, in which unit, and the value of each run; or,
 * when nothing could be measured, why not ({@link #status()}), so that a missing figure is never
 * replaced by an invented one.
 *
 * @param name what the figure is, e.g. {@code classify, one core}
 * @param unit the unit of the values, e.g. {@code utterances/s}
 * @param values one value per run (per JMH fork, per end-to-end run); empty when not measured
 * @param deterministic true when the value cannot vary between runs (accuracy on fixed data), so
 *     one run is reported without a spread
 * @param status null when measured, else why there is no figure ({@code dataset absent}, {@code no
 *     model}, {@code not built}, {@code failed: ...})
 * @param note how it was measured, or what the numbers rest on (sample size, method)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(
        String name,
        String unit,
        List<Double> values,
        boolean deterministic,
        String status,
        String note) {

    /** Checks that a figure is either measured or says why not. */
    public Figure {
        Objects.requireNonNull(name, "name");
        values = values == null ? List.of() : List.copyOf(values);
        if (status == null && values.isEmpty()) {
            throw new IllegalArgumentException(
                    name
                            + ": a figure needs at least one value, or a status saying why it has"
                            + " none");
        }
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        name + ": every value must be a finite number, got " + values);
            }
        }
    }

    /** A figure measured over several runs. */
    public static Figure measured(String name, String unit, List<Double> values, String note) {
        return new Figure(name, unit, values, false, null, note);
    }

    /** A figure that does not vary between runs, such as an accuracy on fixed data. */
    public static Figure exact(String name, String unit, double value, String note) {
        return new Figure(name, unit, List.of(value), true, null, note);
    }

    /** A figure that could not be measured, and why. */
    public static Figure missing(String name, String status) {
        return new Figure(name, null, List.of(), false, status, null);
    }

    /** The median of the runs; NaN when not measured. */
    public double median() {
        return Stats.median(values);
    }

    /** The smallest run; NaN when not measured. */
    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** The largest run; NaN when not measured. */
    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}

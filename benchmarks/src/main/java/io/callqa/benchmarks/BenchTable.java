package io.callqa.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one table {@code benchmarks/run.sh} prints: figure, median over the runs, spread (smallest to
 * largest run), unit and number of runs; a figure that could not be measured shows why instead.
 * Below it, how each figure was measured.
 */
public final class BenchTable {

    private static final String[] HEADER = {"figure", "median", "spread (min-max)", "unit", "runs"};

    private BenchTable() {}

    /** The spread column: smallest to largest run, or why there is none. */
    public static String spread(Figure f) {
        if (f.status() != null) {
            return "";
        }
        if (f.deterministic()) {
            return "deterministic";
        }
        if (f.values().size() == 1) {
            return "one run";
        }
        return Stats.format(f.min()) + " - " + Stats.format(f.max());
    }

    /** The median column: the median of the runs, or the status of a missing figure. */
    public static String median(Figure f) {
        return f.status() != null ? f.status() : Stats.format(f.median());
    }

    /** Formats {@code figures} as an aligned plain-text table followed by the notes. */
    public static String format(List<Figure> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Figure f : figures) {
            rows.add(
                    new String[] {
                        f.name(),
                        median(f),
                        spread(f),
                        f.unit() == null ? "" : f.unit(),
                        f.status() != null ? "" : Integer.toString(f.values().size())
                    });
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line(out, rows.get(r), width);
            if (r == 0) {
                String[] rule = new String[HEADER.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(width[i]);
                }
                line(out, rule, width);
            }
        }
        Set<String> notes = new LinkedHashSet<>();
        for (Figure f : figures) {
            if (f.note() != null && !f.note().isBlank()) {
                notes.add(f.note());
            }
        }
        if (!notes.isEmpty()) {
            out.append('\n').append("How these were measured:\n");
            for (String n : notes) {
                out.append("  - ").append(n).append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean number = i == 1 || i == 4;
            String c = cells[i];
            // Numbers align right; a status in the median column reads better left-aligned.
            boolean right = number && !c.isEmpty() && Character.isDigit(c.charAt(c.length() - 1));
            String pad = " ".repeat(width[i] - c.length());
            l.append(right ? pad + c : c + pad);
            if (i < cells.length - 1) {
                l.append(" | ");
            }
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }
}

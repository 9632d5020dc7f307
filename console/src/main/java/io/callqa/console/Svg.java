package io.callqa.console;

import java.util.List;
import java.util.Locale;

/** Small SVG charts for the aggregates page, drawn on the server: bars, stacked bars, a line. */
final class Svg {

    static final String[] PALETTE = {
        "#1f6fb2", "#d9822b", "#2e8b57", "#8e44ad", "#c0392b", "#7f8c8d", "#16a085", "#b7950b"
    };
    private static final int W = 640;
    private static final int H = 220;
    private static final int LEFT = 44;
    private static final int BOTTOM = 40;
    private static final int TOP = 12;

    private Svg() {}

    /** Vertical bars, one per label. */
    static String bars(String id, List<String> labels, double[] values, String color) {
        double[][] one = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            one[i][0] = values[i];
        }
        return stacked(id, labels, List.of(""), one, new String[] {color});
    }

    /**
     * Stacked vertical bars: {@code values[label][series]}, with a legend when series are named.
     * Negative or non-finite values draw no bar.
     */
    static String stacked(
            String id,
            List<String> labels,
            List<String> series,
            double[][] values,
            String[] colors) {
        double max = 0;
        for (double[] v : values) {
            double sum = 0;
            for (double x : v) {
                sum += Double.isFinite(x) && x > 0 ? x : 0;
            }
            max = Math.max(max, sum);
        }
        max = max <= 0 ? 1 : max;
        int legend = series.size() > 1 || !series.get(0).isEmpty() ? 18 : 0;
        StringBuilder b = open(id, H + legend);
        double plotW = W - LEFT - 10;
        double plotH = H - TOP - BOTTOM;
        axis(b, max, plotH, legend);
        int n = Math.max(1, labels.size());
        double slot = plotW / n;
        double barW = Math.max(2, slot * 0.7);
        for (int i = 0; i < labels.size(); i++) {
            double x = LEFT + i * slot + (slot - barW) / 2;
            double y = TOP + legend + plotH;
            for (int s = 0; s < values[i].length; s++) {
                double v = values[i][s];
                double h = Double.isFinite(v) && v > 0 ? v / max * plotH : 0;
                y -= h;
                b.append(
                                String.format(
                                        Locale.ROOT,
                                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                                                + " fill=\"%s\"><title>",
                                        x,
                                        y,
                                        barW,
                                        h,
                                        colors[s % colors.length]))
                        .append(
                                Html.esc(
                                        labels.get(i)
                                                + (series.get(s).isEmpty()
                                                        ? ""
                                                        : " " + series.get(s))
                                                + ": "
                                                + trim(values[i][s])))
                        .append("</title></rect>");
            }
            if (labels.size() <= 16 || i % (labels.size() / 12 + 1) == 0) {
                b.append(
                                String.format(
                                        Locale.ROOT,
                                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
                                        x + barW / 2,
                                        TOP + legend + plotH + 14))
                        .append(Html.esc(labels.get(i)))
                        .append("</text>");
            }
        }
        if (legend > 0) {
            legend(b, series, colors);
        }
        return b.append("</svg>").toString();
    }

    /** A line over labelled points; NaN or an infinite value leaves a gap. */
    static String line(
            String id, List<String> labels, double[] values, double min, double max, String color) {
        StringBuilder b = open(id, H);
        double plotW = W - LEFT - 10;
        double plotH = H - TOP - BOTTOM;
        b.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                        LEFT - 4,
                        TOP + 8,
                        trim(max)));
        b.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                        LEFT - 4,
                        TOP + plotH,
                        trim(min)));
        b.append(
                String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>",
                        LEFT,
                        TOP + plotH,
                        LEFT + plotW,
                        TOP + plotH));
        StringBuilder pts = new StringBuilder();
        int n = Math.max(1, labels.size() - 1);
        for (int i = 0; i < labels.size(); i++) {
            double x = LEFT + (labels.size() == 1 ? plotW / 2 : i * plotW / n);
            if (Double.isFinite(values[i]) && max > min) {
                double y = TOP + plotH - (values[i] - min) / (max - min) * plotH;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                b.append(
                                String.format(
                                        Locale.ROOT,
                                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\""
                                                + " fill=\"%s\"><title>",
                                        x,
                                        y,
                                        color))
                        .append(Html.esc(labels.get(i) + ": " + trim(values[i])))
                        .append("</title></circle>");
            }
            if (labels.size() <= 16 || i % (labels.size() / 12 + 1) == 0) {
                b.append(
                                String.format(
                                        Locale.ROOT,
                                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
                                        x,
                                        TOP + plotH + 14))
                        .append(Html.esc(labels.get(i)))
                        .append("</text>");
            }
        }
        b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                .append(color)
                .append("\" points=\"")
                .append(pts)
                .append("\"/>");
        return b.append("</svg>").toString();
    }

    private static StringBuilder open(String id, int height) {
        StringBuilder b = new StringBuilder();
        b.append("<svg id=\"")
                .append(Html.esc(id))
                .append("\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(W)
                .append(' ')
                .append(height)
                .append("\" font-size=\"11\" font-family=\"sans-serif\">");
        return b;
    }

    private static void axis(StringBuilder b, double max, double plotH, int offset) {
        b.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                        LEFT - 4,
                        TOP + offset + 8,
                        trim(max)));
        b.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text>",
                        LEFT - 4,
                        TOP + offset + plotH));
        b.append(
                String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>",
                        LEFT,
                        TOP + offset + plotH,
                        W - 10,
                        TOP + offset + plotH));
    }

    private static void legend(StringBuilder b, List<String> series, String[] colors) {
        int x = LEFT;
        for (int s = 0; s < series.size(); s++) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"2\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                            x,
                            colors[s % colors.length]));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"11\">", x + 14))
                    .append(Html.esc(series.get(s)))
                    .append("</text>");
            x += 24 + 7 * series.get(s).length();
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}

package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.analysis.document.CallFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The call detail's chart: pitch, energy and voice arousal over the call, one panel each, one line
 * per speaker, drawn as SVG on the server (no chart library, nothing to download). Each utterance
 * contributes its measured value over its own time span; alerts are red vertical markers.
 */
final class ProsodyChart {

    private static final int WIDTH = 900;
    private static final int PANEL = 120;
    private static final int GAP = 28;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 44;
    private static final String[][] SERIES = {
        {CallFields.UTTERANCE_PITCH_MEAN_HZ.name(), "chart.pitch"},
        {CallFields.UTTERANCE_ENERGY_DBFS.name(), "chart.energy"},
        {CallFields.UTTERANCE_AROUSAL.name(), "chart.arousal"}
    };

    /** The longest call the chart draws to scale: 24 h, the job's own limit on times. */
    static final double MAX_SECONDS = 24 * 3600;

    private static final long[] STEPS = {10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};
    private static final String[][] SPEAKERS = {{"agent", "#1f6fb2"}, {"customer", "#d9822b"}};

    private ProsodyChart() {}

    /** True if any utterance carries a value the chart draws. */
    static boolean hasData(JsonNode call) {
        for (JsonNode u : Index.at(call, CallFields.UTTERANCES)) {
            for (String[] s : SERIES) {
                if (u.path(s[0]).isNumber()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String svg(JsonNode call, Messages m) {
        double duration = axisLength(call);
        int height = TOP + SERIES.length * (PANEL + GAP) + 10;
        StringBuilder b = new StringBuilder();
        b.append("<svg id=\"prosody-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(m.get("chart.title")))
                .append("\" font-size=\"11\" font-family=\"sans-serif\">");
        double plotW = WIDTH - LEFT - RIGHT;
        // Legend.
        int lx = LEFT;
        for (String[] sp : SPEAKERS) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"4\" fill=\"%s\"/>",
                            lx,
                            sp[1]));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\">", lx + 16))
                    .append(Html.esc(m.get("speaker." + sp[0])))
                    .append("</text>");
            lx += 110;
        }
        b.append(
                String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"8\" x2=\"%d\" y2=\"8\" stroke=\"#c0392b\""
                                + " stroke-dasharray=\"3,2\"/>",
                        lx,
                        lx + 12));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\">", lx + 16))
                .append(Html.esc(m.get("chart.alert")))
                .append("</text>");
        for (int p = 0; p < SERIES.length; p++) {
            String field = SERIES[p][0];
            double top = TOP + p * (PANEL + GAP);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (JsonNode u : Index.at(call, CallFields.UTTERANCES)) {
                if (u.path(field).isNumber() && Double.isFinite(u.path(field).asDouble())) {
                    min = Math.min(min, u.path(field).asDouble());
                    max = Math.max(max, u.path(field).asDouble());
                }
            }
            b.append(String.format(Locale.ROOT, "<g class=\"panel\" data-series=\"%s\">", field));
            b.append(
                    String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\""
                                    + " fill=\"#fafafa\" stroke=\"#ccc\"/>",
                            LEFT,
                            top,
                            plotW,
                            PANEL));
            b.append(
                            String.format(
                                    Locale.ROOT,
                                    "<text x=\"%d\" y=\"%.1f\" font-weight=\"bold\">",
                                    LEFT,
                                    top - 6))
                    .append(Html.esc(m.get(SERIES[p][1])))
                    .append("</text>");
            if (min > max) {
                b.append(
                                String.format(
                                        Locale.ROOT,
                                        "<text x=\"%.1f\" y=\"%.1f\" fill=\"#888\">",
                                        LEFT + 10.0,
                                        top + PANEL / 2.0))
                        .append(Html.esc(m.get("chart.nodata")))
                        .append("</text></g>");
                continue;
            }
            if (max - min < 1e-9) {
                max += 1;
                min -= 1;
            }
            double pad = (max - min) * 0.1;
            double lo = min - pad;
            double hi = max + pad;
            b.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>",
                            LEFT - 4,
                            top + 10,
                            hi));
            b.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>",
                            LEFT - 4,
                            top + PANEL,
                            lo));
            for (String[] sp : SPEAKERS) {
                List<String> pts = new ArrayList<>();
                for (JsonNode u : Index.at(call, CallFields.UTTERANCES)) {
                    if (!u.path(CallFields.UTTERANCE_SPEAKER.name()).asText().equals(sp[0])
                            || !u.path(field).isNumber()
                            || !Double.isFinite(u.path(field).asDouble())) {
                        continue;
                    }
                    double start = u.path(CallFields.UTTERANCE_START.name()).asDouble();
                    double end = u.path(CallFields.UTTERANCE_END.name()).asDouble();
                    if (!Double.isFinite(start) || !Double.isFinite(end) || start > duration) {
                        continue;
                    }
                    double y = top + PANEL - (u.path(field).asDouble() - lo) / (hi - lo) * PANEL;
                    double x1 = LEFT + Math.max(0, start) / duration * plotW;
                    double x2 = LEFT + Math.min(duration, Math.max(0, end)) / duration * plotW;
                    pts.add(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f", x1, y, x2, y));
                }
                if (!pts.isEmpty()) {
                    b.append("<polyline class=\"series-")
                            .append(sp[0])
                            .append("\" fill=\"none\" stroke-width=\"2\" stroke=\"")
                            .append(sp[1])
                            .append("\" points=\"")
                            .append(String.join(" ", pts))
                            .append("\"/>");
                }
            }
            for (JsonNode a : Index.at(call, CallFields.ALERTS)) {
                if (!a.path(CallFields.ALERT_T.name()).isNumber()
                        || !Double.isFinite(a.path(CallFields.ALERT_T.name()).asDouble())
                        || a.path(CallFields.ALERT_T.name()).asDouble() < 0
                        || a.path(CallFields.ALERT_T.name()).asDouble() > duration) {
                    continue;
                }
                double x = LEFT + a.path(CallFields.ALERT_T.name()).asDouble() / duration * plotW;
                b.append(
                                String.format(
                                        Locale.ROOT,
                                        "<line class=\"alert-marker\" x1=\"%.1f\" y1=\"%.1f\""
                                                + " x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\""
                                                + " stroke-dasharray=\"3,2\">",
                                        x,
                                        top,
                                        x,
                                        top + PANEL))
                        .append("<title>")
                        .append(
                                Html.esc(
                                        a.path(CallFields.ALERT_TYPE.name()).asText()
                                                + " "
                                                + Format.clock(
                                                        a.path(CallFields.ALERT_T.name())
                                                                .asDouble())
                                                + ": "
                                                + a.path(CallFields.ALERT_MESSAGE.name()).asText()))
                        .append("</title></line>");
                if (p == 0) {
                    // Labels near either edge lean inwards so they stay inside the chart.
                    String anchor =
                            x > LEFT + plotW - 40 ? "end" : x < LEFT + 40 ? "start" : "middle";
                    b.append(
                                    String.format(
                                            Locale.ROOT,
                                            "<text x=\"%.1f\" y=\"%.1f\" fill=\"#c0392b\""
                                                    + " text-anchor=\"%s\">",
                                            x,
                                            top + 10,
                                            anchor))
                            .append(Html.esc(a.path(CallFields.ALERT_TYPE.name()).asText()))
                            .append("</text>");
                }
            }
            b.append("</g>");
        }
        // Time axis under the last panel.
        double axisY = TOP + (SERIES.length - 1) * (PANEL + GAP) + PANEL + 14;
        long step = tickStep(duration);
        for (long t = 0; t <= duration; t += step) {
            double x = LEFT + t / duration * plotW;
            b.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                            x,
                            axisY,
                            Format.clock(t)));
        }
        b.append("</svg>");
        return b.toString();
    }

    /**
     * The time axis's length in seconds: the call's duration, stretched to the last utterance's
     * end, but never past {@link #MAX_SECONDS}; values that are not finite numbers are ignored. The
     * index takes whatever a producer wrote, and an end of 3e9 s must not draw 3e8 ticks.
     */
    static double axisLength(JsonNode call) {
        double duration = finite(Index.at(call, CallFields.DURATION_S).asDouble(0));
        for (JsonNode u : Index.at(call, CallFields.UTTERANCES)) {
            duration =
                    Math.max(duration, finite(u.path(CallFields.UTTERANCE_END.name()).asDouble()));
        }
        return Math.min(Math.max(duration, 1), MAX_SECONDS);
    }

    /** Seconds between axis labels: a round step giving at most about a dozen labels. */
    static long tickStep(double duration) {
        for (long step : STEPS) {
            if (duration / step <= 12) {
                return step;
            }
        }
        return (long) Math.ceil(duration / 12 / 3600) * 3600;
    }

    private static double finite(double d) {
        return Double.isFinite(d) && d > 0 ? d : 0;
    }
}

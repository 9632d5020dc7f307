package io.callqa.console;

import static io.callqa.analysis.document.CallFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.IndexNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Aggregates over the calls that match the date and team filters, in one search: QA score
 * distribution, category mix over time, top failing rules, agents ranked by QA score, and the
 * customers' voice arousal over time (callqa measures arousal, not valence, so "sentiment" here is
 * how agitated customers sounded).
 */
final class AggregatesPage {

    private AggregatesPage() {}

    static String render(Index index, Request req) throws IOException {
        Messages m = req.messages();
        CallFilter f = new CallFilter(req);
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", 0);
        body.set("query", f.query());
        ObjectNode aggs = body.putObject("aggs");
        ObjectNode hist = aggs.putObject("scores").putObject("histogram");
        hist.put("field", QA_SCORE.path()).put("interval", 10).put("min_doc_count", 0);
        hist.putObject("extended_bounds").put("min", 0).put("max", 100);
        ObjectNode time = aggs.putObject("time");
        time.putObject("auto_date_histogram")
                .put("field", STARTED_AT.path())
                .put("buckets", 30)
                .put("format", "yyyy-MM-dd");
        ObjectNode sub = time.putObject("aggs");
        sub.putObject("cat").putObject("terms").put("field", CATEGORY_LABEL.path()).put("size", 20);
        sub.putObject("arousal")
                .putObject("avg")
                .put("field", EMOTION_CUSTOMER.child(MAX_AROUSAL).path());
        aggs.putObject("rules")
                .putObject("terms")
                .put("field", QA_FAILED_RULES.path())
                .put("size", 10);
        ObjectNode agents = aggs.putObject("agents");
        agents.putObject("terms")
                .put("field", AGENT_ID.path())
                .put("size", 25)
                .putObject("order")
                .put("score", "desc");
        ObjectNode agentAggs = agents.putObject("aggs");
        agentAggs.putObject("score").putObject("avg").put("field", QA_SCORE.path());
        agentAggs
                .putObject("noncompliant")
                .putObject("filter")
                .putObject("term")
                .put(QA_COMPLIANCE_PASSED.path(), false);
        JsonNode r = index.search(IndexNames.CALLS, body);
        JsonNode a = r.path("aggregations");

        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(m.get("agg.title"))).append("</h1>");
        for (String p : f.problems()) {
            b.append("<p class=\"problem\">").append(Html.esc(p)).append("</p>");
        }
        b.append(
                "<form method=\"get\" action=\"/aggregates\" class=\"filters\""
                        + " id=\"agg-filters\">");
        for (String[] p : new String[][] {{"from", "date"}, {"to", "date"}, {"team", "text"}}) {
            b.append("<label>")
                    .append(Html.esc(m.get("filter." + p[0])))
                    .append(" <input type=\"")
                    .append(p[1])
                    .append("\" name=\"")
                    .append(p[0])
                    .append("\" value=\"")
                    .append(Html.esc(req.param(p[0])))
                    .append("\"></label> ");
        }
        b.append("<button type=\"submit\">")
                .append(Html.esc(m.get("calls.apply")))
                .append("</button></form>");
        b.append("<p class=\"count\">")
                .append(Html.esc(m.format("calls.count", r.at("/hits/total/value").asLong())))
                .append("</p>");

        b.append("<div class=\"cards\">");
        // QA score distribution.
        List<String> labels = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (JsonNode bucket : a.at("/scores/buckets")) {
            int k = bucket.path("key").asInt();
            labels.add(k >= 100 ? "100" : k + "-" + (k + 9));
            counts.add(bucket.path("doc_count").asDouble());
        }
        card(b, "agg.scores", m, Svg.bars("chart-scores", labels, toArray(counts), Svg.PALETTE[0]));

        // Category mix over time.
        JsonNode buckets = a.at("/time/buckets");
        Set<String> cats = new LinkedHashSet<>();
        buckets.forEach(x -> x.at("/cat/buckets").forEach(c -> cats.add(c.path("key").asText())));
        List<String> catList = new ArrayList<>(cats);
        catList.sort(null);
        List<String> days = new ArrayList<>();
        double[][] mix = new double[buckets.size()][catList.size()];
        double[] arousal = new double[buckets.size()];
        int i = 0;
        for (JsonNode x : buckets) {
            days.add(x.path("key_as_string").asText());
            for (JsonNode c : x.at("/cat/buckets")) {
                mix[i][catList.indexOf(c.path("key").asText())] = c.path("doc_count").asDouble();
            }
            JsonNode av = x.at("/arousal/value");
            arousal[i] = av.isNumber() ? av.asDouble() : Double.NaN;
            i++;
        }
        List<String> catNames = new ArrayList<>();
        catList.forEach(c -> catNames.add(CallListPage.label(m, "category", c)));
        card(
                b,
                "agg.categories",
                m,
                catList.isEmpty()
                        ? "<p class=\"hint\">" + Html.esc(m.get("agg.empty")) + "</p>"
                        : Svg.stacked("chart-categories", days, catNames, mix, Svg.PALETTE));

        // Top failing rules.
        List<String> rules = new ArrayList<>();
        List<Double> fails = new ArrayList<>();
        for (JsonNode x : a.at("/rules/buckets")) {
            rules.add(x.path("key").asText());
            fails.add(x.path("doc_count").asDouble());
        }
        card(
                b,
                "agg.rules",
                m,
                rules.isEmpty()
                        ? "<p class=\"hint\">" + Html.esc(m.get("agg.empty")) + "</p>"
                        : Svg.bars("chart-rules", rules, toArray(fails), "#c0392b"));

        // Customer arousal trend.
        double lo = -1;
        double hi = 1;
        for (double v : arousal) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, Math.floor(v));
                hi = Math.max(hi, Math.ceil(v));
            }
        }
        card(
                b,
                "agg.sentiment",
                m,
                days.isEmpty()
                        ? "<p class=\"hint\">" + Html.esc(m.get("agg.empty")) + "</p>"
                        : Svg.line("chart-sentiment", days, arousal, lo, hi, Svg.PALETTE[1])
                                + "<p class=\"hint\">"
                                + Html.esc(m.get("agg.sentimentHint"))
                                + "</p>");
        b.append("</div>");

        // Agents ranked.
        b.append("<h2>").append(Html.esc(m.get("agg.agents"))).append("</h2>");
        b.append("<table class=\"grid\" id=\"agents\"><thead><tr><th>#</th><th>")
                .append(Html.esc(m.get("calls.col.agent")))
                .append("</th><th>")
                .append(Html.esc(m.get("agg.avgScore")))
                .append("</th><th>")
                .append(Html.esc(m.get("agg.calls")))
                .append("</th><th>")
                .append(Html.esc(m.get("agg.noncompliant")))
                .append("</th></tr></thead><tbody>");
        int rank = 1;
        for (JsonNode x : a.at("/agents/buckets")) {
            String agent = x.path("key").asText();
            b.append("<tr><td>")
                    .append(rank++)
                    .append("</td><td><a href=\"/calls?agent=")
                    .append(Html.esc(CallListPage.urlPart(agent)))
                    .append("\">")
                    .append(Html.esc(agent))
                    .append("</a></td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f", x.at("/score/value").asDouble()))
                    .append("</td><td class=\"num\">")
                    .append(x.path("doc_count").asLong())
                    .append("</td><td class=\"num\">")
                    .append(x.at("/noncompliant/doc_count").asLong())
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        return Html.page(req, m.get("agg.title"), "aggregates", b.toString());
    }

    private static void card(StringBuilder b, String key, Messages m, String content) {
        b.append("<section class=\"card\"><h2>")
                .append(Html.esc(m.get(key)))
                .append("</h2>")
                .append(content)
                .append("</section>");
    }

    private static double[] toArray(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }
}

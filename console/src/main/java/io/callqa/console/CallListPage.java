package io.callqa.console;

import static io.callqa.analysis.document.CallFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.callqa.analysis.document.IndexNames;
import io.callqa.dashboards.CsvRows;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The call list: filters, a sortable, paginated table, and (for exporters) a CSV download. */
final class CallListPage {

    /**
     * The export's columns: a format people build spreadsheets on, so they are named here and keep
     * their names whatever the document's fields are called.
     */
    private static final List<String> CSV_COLUMNS =
            List.of(
                    "call_id",
                    "started_at",
                    "agent_id",
                    "team",
                    "language",
                    "category",
                    "category_confidence",
                    "qa_score",
                    "compliance_passed",
                    "failed_rules",
                    "customer_max_arousal",
                    "duration_s");

    private CallListPage() {}

    static String render(Index index, Request req) throws IOException {
        Messages m = req.messages();
        CallFilter f = new CallFilter(req);
        ObjectNode body = f.searchBody();
        // Choices for the drop-downs come from every call, not just the filtered ones.
        ObjectNode global = body.putObject("aggs").putObject("all");
        global.putObject("global");
        ObjectNode aggs = global.putObject("aggs");
        aggs.putObject("agents").putObject("terms").put("field", AGENT_ID.path()).put("size", 1000);
        aggs.putObject("teams").putObject("terms").put("field", TEAM.path()).put("size", 200);
        aggs.putObject("categories")
                .putObject("terms")
                .put("field", CATEGORY_LABEL.path())
                .put("size", 100);
        JsonNode r = index.search(IndexNames.CALLS, body);
        long total = r.at("/hits/total/value").asLong();

        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(m.get("calls.title"))).append("</h1>");
        for (String p : f.problems()) {
            b.append("<p class=\"problem\">").append(Html.esc(p)).append("</p>");
        }
        form(b, m, f, r.at("/aggregations/all"));
        b.append("<p class=\"count\" id=\"call-count\">")
                .append(Html.esc(m.format("calls.count", total)))
                .append("</p>");
        if (req.user().role().exports()) {
            b.append("<p><a id=\"export\" href=\"/calls.csv")
                    .append(Html.esc(Request.query(f.given())))
                    .append("\">")
                    .append(Html.esc(m.get("calls.export")))
                    .append("</a></p>");
        }
        b.append("<table class=\"grid\" id=\"calls\"><thead><tr>");
        header(b, m, f, "calls.col.call", null);
        header(b, m, f, "calls.col.started", "started_at");
        header(b, m, f, "calls.col.agent", "agent");
        b.append("<th>").append(Html.esc(m.get("calls.col.team"))).append("</th>");
        b.append("<th>").append(Html.esc(m.get("calls.col.lang"))).append("</th>");
        header(b, m, f, "calls.col.category", "category");
        header(b, m, f, "calls.col.qa", "qa_score");
        b.append("<th>").append(Html.esc(m.get("calls.col.compliance"))).append("</th>");
        b.append("<th>").append(Html.esc(m.get("calls.col.arousal"))).append("</th>");
        b.append("<th>").append(Html.esc(m.get("calls.col.failed"))).append("</th>");
        header(b, m, f, "calls.col.length", "duration");
        b.append("</tr></thead><tbody>");
        for (JsonNode h : r.at("/hits/hits")) {
            row(b, m, h);
        }
        b.append("</tbody></table>");
        pages(b, m, f, req, total);
        return Html.page(req, m.get("calls.title"), "calls", b.toString());
    }

    private static void form(StringBuilder b, Messages m, CallFilter f, JsonNode choices) {
        b.append("<form method=\"get\" action=\"/calls\" class=\"filters\" id=\"filters\">");
        input(b, m, "from", "date", f.from == null ? null : f.from.toString());
        input(b, m, "to", "date", f.to == null ? null : f.to.toString());
        select(b, m, "agent", f.agent, values(choices.at("/agents/buckets")), false);
        select(b, m, "team", f.team, values(choices.at("/teams/buckets")), false);
        select(b, m, "category", f.category, values(choices.at("/categories/buckets")), true);
        input(b, m, "qa_min", "number", f.qaMin == null ? null : trim(f.qaMin));
        input(b, m, "qa_max", "number", f.qaMax == null ? null : trim(f.qaMax));
        select(b, m, "compliance", f.compliance, List.of("failed", "passed"), true);
        select(b, m, "emotion", f.emotion, List.of("agitated", "calm", "low"), true);
        input(b, m, "q", "search", f.text);
        if (!f.sort.equals("started_at")) {
            hidden(b, "sort", f.sort);
        }
        if (f.ascending) {
            hidden(b, "dir", "asc");
        }
        b.append("<button type=\"submit\" id=\"apply\">")
                .append(Html.esc(m.get("calls.apply")))
                .append("</button> <a href=\"/calls\">")
                .append(Html.esc(m.get("calls.reset")))
                .append("</a></form>");
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static List<String> values(JsonNode buckets) {
        List<String> v = new ArrayList<>();
        buckets.forEach(x -> v.add(x.path("key").asText()));
        v.sort(null);
        return v;
    }

    private static void input(StringBuilder b, Messages m, String name, String type, String value) {
        b.append("<label>")
                .append(Html.esc(m.get("filter." + name)))
                .append(" <input type=\"")
                .append(type)
                .append("\" name=\"")
                .append(name)
                .append("\" id=\"f-")
                .append(name)
                .append("\"");
        if (type.equals("number")) {
            b.append(" min=\"0\" max=\"100\" step=\"any\"");
        }
        if (value != null) {
            b.append(" value=\"").append(Html.esc(value)).append("\"");
        }
        b.append("></label> ");
    }

    private static void hidden(StringBuilder b, String name, String value) {
        b.append("<input type=\"hidden\" name=\"")
                .append(name)
                .append("\" value=\"")
                .append(Html.esc(value))
                .append("\">");
    }

    private static void select(
            StringBuilder b,
            Messages m,
            String name,
            String current,
            List<String> options,
            boolean translate) {
        b.append("<label>")
                .append(Html.esc(m.get("filter." + name)))
                .append(" <select name=\"")
                .append(name)
                .append("\" id=\"f-")
                .append(name)
                .append("\"><option value=\"\">")
                .append(Html.esc(m.get("filter.any")))
                .append("</option>");
        for (String o : options) {
            b.append("<option value=\"")
                    .append(Html.esc(o))
                    .append("\"")
                    .append(o.equals(current) ? " selected" : "")
                    .append(">")
                    .append(Html.esc(translate ? label(m, name, o) : o))
                    .append("</option>");
        }
        b.append("</select></label> ");
    }

    /** A known value's UI text ({@code category.refund}), or the value itself. */
    static String label(Messages m, String kind, String value) {
        String key = kind + "." + value;
        String t = m.get(key);
        return t.equals(key) ? value : t;
    }

    private static void header(StringBuilder b, Messages m, CallFilter f, String key, String sort) {
        b.append("<th>");
        if (sort == null) {
            b.append(Html.esc(m.get(key))).append("</th>");
            return;
        }
        Map<String, String> p = f.given();
        boolean current = f.sort.equals(sort);
        p.put("sort", sort);
        // Clicking the current column flips it; a new column starts with the largest first.
        p.put("dir", current && !f.ascending ? "asc" : "desc");
        b.append("<a class=\"sort\" id=\"sort-")
                .append(sort)
                .append("\" href=\"/calls")
                .append(Html.esc(Request.query(p)))
                .append("\">")
                .append(Html.esc(m.get(key)));
        if (current) {
            b.append(f.ascending ? " ▲" : " ▼");
        }
        b.append("</a></th>");
    }

    private static void row(StringBuilder b, Messages m, JsonNode h) {
        JsonNode c = h.path("_source");
        String id = Index.at(c, CALL_ID).asText(h.path("_id").asText());
        boolean compliant = Index.at(c, QA_COMPLIANCE_PASSED).asBoolean(true);
        b.append("<tr class=\"call\" data-call=\"").append(Html.esc(id)).append("\">");
        b.append("<td><a href=\"/calls/")
                .append(Html.esc(urlPart(id)))
                .append("\">")
                .append(Html.esc(id))
                .append("</a></td>");
        b.append("<td>")
                .append(Html.esc(Format.minute(Index.at(c, STARTED_AT).asText())))
                .append("</td>");
        b.append("<td>").append(Html.esc(Index.at(c, AGENT_ID).asText())).append("</td>");
        b.append("<td>").append(Html.esc(Index.at(c, TEAM).asText())).append("</td>");
        b.append("<td>").append(Html.esc(Index.at(c, LANGUAGE).asText())).append("</td>");
        b.append("<td>")
                .append(Html.esc(label(m, "category", Index.at(c, CATEGORY_LABEL).asText())))
                .append(" <small>")
                .append(Format.number(Index.at(c, CATEGORY_CONFIDENCE), 2))
                .append("</small></td>");
        b.append("<td class=\"num qa\">")
                .append(Format.number(Index.at(c, QA_SCORE), 0))
                .append("</td>");
        b.append("<td class=\"")
                .append(compliant ? "pass" : "fail")
                .append("\">")
                .append(Html.esc(m.get(compliant ? "result.pass" : "result.fail")))
                .append("</td>");
        b.append("<td class=\"num\">")
                .append(Format.number(Index.at(c, EMOTION_CUSTOMER.child(MAX_AROUSAL)), 2))
                .append("</td>");
        List<String> failed = new ArrayList<>();
        Index.at(c, QA_FAILED_RULES).forEach(x -> failed.add(x.asText()));
        b.append("<td>").append(Html.esc(String.join(", ", failed))).append("</td>");
        b.append("<td class=\"num\">")
                .append(Html.esc(Format.clock(Index.at(c, DURATION_S).asDouble())))
                .append("</td></tr>");
        // Inner hits go by the nested path; each hit's source is the one utterance.
        JsonNode inner = h.path("inner_hits").path(UTTERANCES.path()).at("/hits/hits/0");
        if (!inner.isMissingNode()) {
            String snippet = null;
            for (JsonNode frag : inner.path("highlight")) {
                snippet = frag.path(0).asText();
                break;
            }
            if (snippet == null) {
                snippet = inner.path("_source").path(UTTERANCE_TEXT.name()).asText();
            }
            b.append("<tr class=\"snippet\"><td></td><td colspan=\"10\">")
                    .append(
                            Html.esc(
                                    Format.clock(
                                            inner.path("_source")
                                                    .path(UTTERANCE_START.name())
                                                    .asDouble())))
                    .append(" ")
                    .append(
                            Html.esc(
                                    label(
                                            m,
                                            "speaker",
                                            inner.path("_source")
                                                    .path(UTTERANCE_SPEAKER.name())
                                                    .asText())))
                    .append(": ")
                    .append(marked(snippet))
                    .append("</td></tr>");
        }
    }

    /** A highlighted fragment: escaped, then OpenSearch's hit marks turned into {@code <mark>}. */
    static String marked(String fragment) {
        return Html.esc(fragment)
                .replace(CallFilter.HIT_START, "<mark>")
                .replace(CallFilter.HIT_END, "</mark>");
    }

    static String urlPart(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void pages(StringBuilder b, Messages m, CallFilter f, Request req, long total) {
        long last =
                Math.max(
                        1,
                        Math.min(
                                (total + CallFilter.PAGE_SIZE - 1) / CallFilter.PAGE_SIZE,
                                10_000 / CallFilter.PAGE_SIZE));
        b.append("<nav class=\"pages\">");
        Map<String, String> p = f.given();
        if (f.page > 1) {
            p.put("page", Integer.toString(f.page - 1));
            b.append("<a id=\"prev\" href=\"/calls")
                    .append(Html.esc(Request.query(p)))
                    .append("\">")
                    .append(Html.esc(m.get("calls.prev")))
                    .append("</a> ");
        }
        b.append("<span>").append(Html.esc(m.format("calls.page", f.page, last))).append("</span>");
        if (f.page < last) {
            p.put("page", Integer.toString(f.page + 1));
            b.append(" <a id=\"next\" href=\"/calls")
                    .append(Html.esc(Request.query(p)))
                    .append("\">")
                    .append(Html.esc(m.get("calls.next")))
                    .append("</a>");
        }
        b.append("</nav>");
    }

    /**
     * Streams every call matching the list's filters as CSV, a page at a time (search_after), so an
     * export of any size never sits in memory. Cells that a spreadsheet would run as a formula get
     * a leading apostrophe ({@link CsvRows}, shared with {@code callqa audit}).
     */
    static void exportCsv(Index index, Request req) throws IOException {
        CallFilter f = new CallFilter(req);
        HttpExchange ex = req.exchange();
        ex.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders()
                .set("Content-Disposition", "attachment; filename=\"callqa-calls.csv\"");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody();
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CsvRows csv = csv(w)) {
            JsonNode after = null;
            while (true) {
                ObjectNode body = f.searchBody();
                body.remove("from");
                body.put("size", 500);
                body.put("track_total_hits", false);
                if (after != null) {
                    body.set("search_after", after);
                }
                ArrayNode hits = (ArrayNode) index.search(IndexNames.CALLS, body).at("/hits/hits");
                for (JsonNode h : hits) {
                    csv.write(csvRow(h.path("_source")));
                    after = h.path("sort");
                }
                if (hits.size() < 500) {
                    break;
                }
            }
        }
    }

    /** The export's CSV writer: its columns, cells neutralised as {@link CsvRows} does. */
    static CsvRows csv(Writer w) throws IOException {
        return new CsvRows(w, CSV_COLUMNS);
    }

    static Map<String, String> csvRow(JsonNode c) {
        Map<String, String> row = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        Index.at(c, QA_FAILED_RULES).forEach(x -> failed.add(x.asText()));
        row.put("call_id", Index.at(c, CALL_ID).asText());
        row.put("started_at", Index.at(c, STARTED_AT).asText());
        row.put("agent_id", Index.at(c, AGENT_ID).asText());
        row.put("team", Index.at(c, TEAM).asText());
        row.put("language", Index.at(c, LANGUAGE).asText());
        row.put("category", Index.at(c, CATEGORY_LABEL).asText());
        row.put("category_confidence", Format.number(Index.at(c, CATEGORY_CONFIDENCE), 2));
        row.put("qa_score", Format.number(Index.at(c, QA_SCORE), 1));
        row.put("compliance_passed", Index.at(c, QA_COMPLIANCE_PASSED).asText());
        row.put("failed_rules", String.join(" ", failed));
        row.put(
                "customer_max_arousal",
                Format.number(Index.at(c, EMOTION_CUSTOMER.child(MAX_AROUSAL)), 3));
        row.put("duration_s", Format.number(Index.at(c, DURATION_S), 2));
        return row;
    }
}

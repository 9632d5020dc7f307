package io.callqa.console;

import static io.callqa.analysis.document.CallFields.ABUSE_COUNT;
import static io.callqa.analysis.document.CallFields.ABUSE_FINDINGS;
import static io.callqa.analysis.document.CallFields.ABUSE_FLAGGED;
import static io.callqa.analysis.document.CallFields.ABUSE_KINDS;
import static io.callqa.analysis.document.CallFields.ABUSE_TEXT;
import static io.callqa.analysis.document.CallFields.AGENT_ID;
import static io.callqa.analysis.document.CallFields.CALL_ID;
import static io.callqa.analysis.document.CallFields.LANGUAGE;
import static io.callqa.analysis.document.CallFields.STARTED_AT;
import static io.callqa.analysis.document.CallFields.TEAM;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.IndexNames;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Abuse of agents by callers, for the floor: per agent the abusive calls of each UTC day over two
 * weeks, the time since the agent's last abusive call, and the flagged calls. Employers must
 * protect customer-facing workers (Korea's 고객응대근로자 보호), and this is where a floor manager sees who
 * needs a break. The two weeks end on {@code ?to=YYYY-MM-DD}, by default on the day of the latest
 * abusive call, so that older data still shows.
 */
final class AbusePage {

    /** Days the per-agent table covers. */
    static final int DAYS = 14;

    /** Flagged calls the list shows at most, newest first. */
    static final int CALLS = 50;

    private AbusePage() {}

    static String render(Index index, Request req, Instant now) throws IOException {
        Messages m = req.messages();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(m.get("abuse.title"))).append("</h1>");
        b.append("<p class=\"hint\">").append(Html.esc(m.get("abuse.hint"))).append("</p>");

        String toParam = req.param("to");
        LocalDate to;
        LastAbuse lastAbuse = lastAbusiveCalls(index);
        Instant latest = lastAbuse.latest();
        Map<String, Instant> last = lastAbuse.perAgent();
        if (toParam != null && !toParam.isEmpty()) {
            try {
                to = LocalDate.parse(toParam);
            } catch (DateTimeParseException e) {
                b.append("<p class=\"problem\">")
                        .append(Html.esc(m.format("abuse.badDate", toParam)))
                        .append("</p>");
                return Html.page(req, m.get("abuse.title"), "abuse", b.toString());
            }
        } else if (latest != null) {
            to = latest.atOffset(ZoneOffset.UTC).toLocalDate();
        } else {
            to = now.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        LocalDate from = to.minusDays(DAYS - 1);
        if (latest == null) {
            b.append("<p id=\"no-abuse\">").append(Html.esc(m.get("abuse.none"))).append("</p>");
            return Html.page(req, m.get("abuse.title"), "abuse", b.toString());
        }

        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", CALLS);
        body.putArray("sort").addObject().putObject(STARTED_AT.path()).put("order", "desc");
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put(ABUSE_FLAGGED.path(), true);
        filter.addObject()
                .putObject("range")
                .putObject(STARTED_AT.path())
                .put("gte", from.toString() + "T00:00:00Z")
                .put("lt", to.plusDays(1).toString() + "T00:00:00Z");
        ArrayNode source = body.putArray("_source");
        for (var f :
                List.of(CALL_ID, STARTED_AT, AGENT_ID, TEAM, LANGUAGE, ABUSE_KINDS, ABUSE_COUNT)) {
            source.add(f.path());
        }
        if (req.user().role().readsCalls()) {
            source.add(ABUSE_FINDINGS.path());
        }
        ObjectNode agents = body.putObject("aggs").putObject("agents");
        agents.putObject("terms").put("field", AGENT_ID.path()).put("size", 500);
        ObjectNode days = agents.putObject("aggs").putObject("days");
        days.putObject("date_histogram")
                .put("field", STARTED_AT.path())
                .put("calendar_interval", "day")
                .put("time_zone", "UTC")
                .put("format", "yyyy-MM-dd")
                .put("min_doc_count", 0)
                .putObject("extended_bounds")
                .put("min", from.toString())
                .put("max", to.toString());
        JsonNode r = index.search(IndexNames.CALLS, body);

        b.append("<p id=\"abuse-window\">")
                .append(
                        Html.esc(
                                m.format(
                                        "abuse.window",
                                        from,
                                        to,
                                        r.at("/hits/total/value").asLong())))
                .append("</p>");
        b.append("<h2>").append(Html.esc(m.get("abuse.perAgent"))).append("</h2>");
        b.append("<table id=\"abuse-agents\" class=\"grid\"><thead><tr><th>")
                .append(Html.esc(m.get("abuse.col.agent")))
                .append("</th>");
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            b.append("<th class=\"num day\">")
                    .append(Html.esc(d.toString().substring(5)))
                    .append("</th>");
        }
        b.append("<th class=\"num\">")
                .append(Html.esc(m.get("abuse.col.total")))
                .append("</th><th>")
                .append(Html.esc(m.get("abuse.col.since")))
                .append("</th></tr></thead><tbody>");
        for (JsonNode agent : r.at("/aggregations/agents/buckets")) {
            String id = agent.path("key").asText();
            b.append("<tr class=\"abuse-agent\" data-agent=\"")
                    .append(Html.esc(id))
                    .append("\"><td>")
                    .append(Html.esc(id))
                    .append("</td>");
            Map<String, Long> perDay = new HashMap<>();
            for (JsonNode d : agent.at("/days/buckets")) {
                perDay.put(d.path("key_as_string").asText(), d.path("doc_count").asLong());
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                long n = perDay.getOrDefault(d.toString(), 0L);
                b.append("<td class=\"num day")
                        .append(n > 0 ? " hot" : "")
                        .append("\" data-day=\"")
                        .append(d)
                        .append("\">")
                        .append(n > 0 ? Long.toString(n) : "")
                        .append("</td>");
            }
            b.append("<td class=\"num total\">").append(agent.path("doc_count").asLong());
            Instant at = last.get(id);
            b.append("</td><td class=\"since\">")
                    .append(at == null ? "" : Html.esc(since(m, at, now)))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");

        b.append("<h2>").append(Html.esc(m.get("abuse.calls"))).append("</h2>");
        b.append("<table id=\"abuse-calls\" class=\"grid\"><thead><tr>");
        List<String> cols = new ArrayList<>(List.of("started", "call", "agent", "kinds", "count"));
        if (req.user().role().readsCalls()) {
            cols.add("first");
        }
        for (String k : cols) {
            b.append("<th>").append(Html.esc(m.get("abuse.col." + k))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (JsonNode h : r.at("/hits/hits")) {
            JsonNode s = h.path("_source");
            String id = Index.at(s, CALL_ID).asText();
            b.append("<tr class=\"abuse-call\" data-call=\"").append(Html.esc(id)).append("\">");
            b.append("<td>")
                    .append(Html.esc(Format.minute(Index.at(s, STARTED_AT).asText())))
                    .append("</td><td>");
            if (req.user().role().readsCalls()) {
                b.append("<a href=\"/calls/")
                        .append(Html.esc(CallListPage.urlPart(id)))
                        .append("#abuse\">")
                        .append(Html.esc(id))
                        .append("</a>");
            } else {
                b.append(Html.esc(id));
            }
            b.append("</td><td>")
                    .append(Html.esc(Index.at(s, AGENT_ID).asText()))
                    .append("</td><td>");
            for (JsonNode k : Index.at(s, ABUSE_KINDS)) {
                b.append("<span class=\"tag alert\">")
                        .append(Html.esc(m.get("abuse.kind." + k.asText())))
                        .append("</span> ");
            }
            b.append("</td><td class=\"num\">")
                    .append(Index.at(s, ABUSE_COUNT).asLong())
                    .append("</td>");
            if (req.user().role().readsCalls()) {
                JsonNode first = Index.at(s, ABUSE_FINDINGS).path(0);
                b.append("<td class=\"hint\">")
                        .append(Html.esc(first.path(ABUSE_TEXT.name()).asText()))
                        .append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        return Html.page(req, m.get("abuse.title"), "abuse", b.toString());
    }

    /**
     * When the latest abusive call started (null if there is none), and per agent when their latest
     * abusive call started, whenever that was.
     */
    private record LastAbuse(Instant latest, Map<String, Instant> perAgent) {}

    /** The latest abusive call, overall and per agent, in one query. */
    private static LastAbuse lastAbusiveCalls(Index index) throws IOException {
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", 0);
        body.putObject("query").putObject("term").put(ABUSE_FLAGGED.path(), true);
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("latest").putObject("max").put("field", STARTED_AT.path());
        ObjectNode agents = aggs.putObject("agents");
        agents.putObject("terms").put("field", AGENT_ID.path()).put("size", 500);
        agents.putObject("aggs").putObject("last").putObject("max").put("field", STARTED_AT.path());
        JsonNode r = index.search(IndexNames.CALLS, body);
        Map<String, Instant> perAgent = new HashMap<>();
        for (JsonNode a : r.at("/aggregations/agents/buckets")) {
            JsonNode v = a.at("/last/value");
            if (v.isNumber()) {
                perAgent.put(a.path("key").asText(), Instant.ofEpochMilli(v.asLong()));
            }
        }
        JsonNode v = r.at("/aggregations/latest/value");
        return new LastAbuse(v.isNumber() ? Instant.ofEpochMilli(v.asLong()) : null, perAgent);
    }

    /** How long ago {@code at} was: {@code 3 d 4 h}, {@code 2 h 5 min}, {@code 7 min}. */
    static String since(Messages m, Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        String amount;
        if (d.toDays() > 0) {
            amount = d.toDays() + " d " + d.toHoursPart() + " h";
        } else if (d.toHours() > 0) {
            amount = d.toHours() + " h " + d.toMinutesPart() + " min";
        } else {
            amount = d.toMinutes() + " min";
        }
        return m.format("abuse.ago", amount);
    }
}

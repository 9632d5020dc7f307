package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.AlertFields;
import io.callqa.analysis.document.AssistFields;
import io.callqa.analysis.document.CallFields;
import io.callqa.analysis.document.DocumentField;
import io.callqa.analysis.document.IndexNames;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The agent view: the live calls with suggestions, and per call the playbook steps suggested to the
 * agent (withdrawn once done) beside the call's alerts, such as the abuse notice the agent may
 * read. The call page is a shell; {@code console.js} fills it from {@code /api/live/<call>} and
 * then from the call's event stream, writing every value as text (never as HTML). An agent sees
 * only the calls whose {@code agent_id} is their user name.
 */
final class LivePage {

    /** Live calls the list shows at most, newest activity first. */
    static final int CALLS = 100;

    /** Events of one call the view loads at most when it opens. */
    static final int EVENTS = 500;

    /**
     * What the view shows of an assist event, under the field's own name ({@code console.js} reads
     * them so), {@code @timestamp} as {@code timestamp}.
     */
    private static final List<DocumentField> FIELDS =
            List.of(
                    AssistFields.CALL_ID,
                    AssistFields.TYPE,
                    AssistFields.PLAYBOOK,
                    AssistFields.STEP,
                    AssistFields.TEXT,
                    AssistFields.SNIPPETS,
                    AssistFields.PHRASES,
                    AssistFields.UTTERANCE,
                    AssistFields.T,
                    AssistFields.TRIGGERED_BY,
                    AssistFields.DONE_BY,
                    AssistFields.EVIDENCE,
                    AssistFields.LANGUAGE,
                    CallFields.AGENT_ID,
                    AssistFields.TIMESTAMP);

    private LivePage() {}

    /** What the view shows of one assist event. */
    static ObjectNode view(String id, JsonNode source) {
        return Index.view(id, source, FIELDS);
    }

    /**
     * Which documents of {@code callId} the user may follow: an agent only those of their own
     * calls.
     */
    static Predicate<JsonNode> of(Request req, String callId) {
        String agent = req.user().role().ownCallsOnly() ? req.user().name() : null;
        return source ->
                callId.equals(Index.at(source, AssistFields.CALL_ID).asText(null))
                        && (agent == null
                                || agent.equals(Index.at(source, CallFields.AGENT_ID).asText()));
    }

    /** The list of live calls with suggestions, as far as the user may see them. */
    static String renderList(Index index, Request req) throws IOException {
        Messages m = req.messages();
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", 0);
        ownOnly(req, body.putObject("query").putObject("bool").putArray("filter"));
        ObjectNode calls = body.putObject("aggs").putObject("calls");
        calls.putObject("terms")
                .put("field", AssistFields.CALL_ID.path())
                .put("size", CALLS)
                .putObject("order")
                .put("last", "desc");
        ObjectNode sub = calls.putObject("aggs");
        sub.putObject("last").putObject("max").put("field", AssistFields.LIVE_RAISED_AT.path());
        sub.putObject("suggested")
                .putObject("filter")
                .putObject("term")
                .put(AssistFields.TYPE.path(), AssistFields.SUGGESTED);
        sub.putObject("withdrawn")
                .putObject("filter")
                .putObject("term")
                .put(AssistFields.TYPE.path(), AssistFields.WITHDRAWN);
        ObjectNode top = sub.putObject("call").putObject("top_hits");
        top.put("size", 1);
        top.putArray("_source")
                .add(CallFields.AGENT_ID.path())
                .add(CallFields.TEAM.path())
                .add(AssistFields.LANGUAGE.path());
        JsonNode buckets =
                index.search(IndexNames.ASSIST_ALL, body).at("/aggregations/calls/buckets");
        List<String> ids = new ArrayList<>();
        buckets.forEach(b -> ids.add(b.path("key").asText()));
        List<String> ended = ended(index, ids);

        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(m.get("live.title"))).append("</h1>");
        b.append("<p class=\"hint\">")
                .append(
                        Html.esc(
                                req.user().role().ownCallsOnly()
                                        ? m.format("live.hintOwn", req.user().name())
                                        : m.get("live.hint")))
                .append("</p>");
        if (ids.isEmpty()) {
            b.append("<p id=\"no-live-calls\">")
                    .append(Html.esc(m.get("live.none")))
                    .append("</p><script src=\"/static/console.js\" defer></script>");
            return Html.page(req, m.get("live.title"), "live", b.toString());
        }
        b.append("<table id=\"live-calls\" class=\"grid\"><thead><tr>");
        for (String k : List.of("call", "agent", "lang", "open", "done", "last", "state")) {
            b.append("<th>").append(Html.esc(m.get("live.col." + k))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (JsonNode bucket : buckets) {
            String id = bucket.path("key").asText();
            JsonNode src = bucket.at("/call/hits/hits/0/_source");
            long suggested = bucket.at("/suggested/doc_count").asLong();
            long withdrawn = bucket.at("/withdrawn/doc_count").asLong();
            boolean over = ended.contains(id);
            b.append("<tr class=\"live-call\" data-call=\"").append(Html.esc(id)).append("\">");
            b.append("<td><a href=\"/live/")
                    .append(Html.esc(CallListPage.urlPart(id)))
                    .append("\">")
                    .append(Html.esc(id))
                    .append("</a></td>");
            b.append("<td>")
                    .append(
                            Html.esc(
                                    String.join(
                                            " / ",
                                            nonEmpty(
                                                    Index.at(src, CallFields.AGENT_ID).asText(),
                                                    Index.at(src, CallFields.TEAM).asText()))))
                    .append("</td>");
            b.append("<td>")
                    .append(Html.esc(Index.at(src, AssistFields.LANGUAGE).asText()))
                    .append("</td>");
            b.append("<td class=\"num open\">")
                    .append(Math.max(0, suggested - withdrawn))
                    .append("</td>");
            b.append("<td class=\"num\">").append(withdrawn).append("</td>");
            JsonNode last = bucket.at("/last/value");
            b.append("<td>")
                    .append(
                            last.isNumber()
                                    ? Html.esc(
                                            Format.second(
                                                    Instant.ofEpochMilli(last.asLong()).toString()))
                                    : "")
                    .append("</td>");
            b.append("<td class=\"state ")
                    .append(over ? "ended" : "live")
                    .append("\">")
                    .append(Html.esc(m.get(over ? "live.ended" : "live.ongoing")))
                    .append("</td></tr>");
        }
        b.append("</tbody></table><script src=\"/static/console.js\" defer></script>");
        return Html.page(req, m.get("live.title"), "live", b.toString());
    }

    /** One live call's agent view (a shell that {@code console.js} fills). */
    static String renderCall(Request req, String callId) {
        Messages m = req.messages();
        StringBuilder b = new StringBuilder();
        b.append("<h1>")
                .append(Html.esc(m.format("live.callTitle", callId)))
                .append("</h1><p><span id=\"live-state\" class=\"state\">")
                .append(Html.esc(m.get("alerts.connecting")))
                .append("</span></p>");
        b.append("<div id=\"agent-view\" data-call=\"").append(Html.esc(callId)).append("\"");
        for (String k :
                List.of(
                        "say",
                        "knowledge",
                        "because",
                        "doneBy",
                        "notice",
                        "none",
                        "noAlerts",
                        "live",
                        "offline")) {
            b.append(" data-t-")
                    .append(k.toLowerCase(Locale.ROOT))
                    .append("=\"")
                    .append(Html.esc(m.get("agent." + k)))
                    .append("\"");
        }
        b.append(">");
        b.append("<div class=\"cards\"><section class=\"card\"><h2>")
                .append(Html.esc(m.get("agent.suggested")))
                .append("</h2><ol id=\"suggestions\" class=\"steps\"></ol></section>");
        b.append("<section class=\"card\"><h2>")
                .append(Html.esc(m.get("agent.alerts")))
                .append("</h2><ul id=\"call-alerts\" class=\"call-alerts\"></ul></section></div>");
        b.append("<h2>")
                .append(Html.esc(m.get("agent.done")))
                .append("</h2><ol id=\"done\" class=\"steps done\"></ol>");
        b.append("</div><script src=\"/static/console.js\" defer></script>");
        return Html.page(req, m.format("live.callTitle", callId), "live", b.toString());
    }

    /**
     * What the view loads when it opens: {@code {assist: [...], alerts: [...]}}, each in the order
     * the call raised them.
     */
    static String callJson(Index index, Request req, String callId) throws IOException {
        ObjectNode out = Index.JSON.createObjectNode();
        ArrayNode assist = out.putArray("assist");
        for (JsonNode h : events(index, req, IndexNames.ASSIST_ALL, AssistFields.CALL_ID, callId)) {
            assist.add(view(h.path("_id").asText(), h.path("_source")));
        }
        ArrayNode alerts = out.putArray("alerts");
        for (JsonNode h : events(index, req, IndexNames.ALERTS_ALL, AlertFields.CALL_ID, callId)) {
            alerts.add(AlertsPage.view(h.path("_id").asText(), h.path("_source")));
        }
        return Index.JSON.writeValueAsString(out);
    }

    private static JsonNode events(
            Index index, Request req, String pattern, DocumentField callField, String callId)
            throws IOException {
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", EVENTS);
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject(AssistFields.T.path()).put("order", "asc");
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put(callField.path(), callId);
        ownOnly(req, filter);
        return index.search(pattern, body).at("/hits/hits");
    }

    private static void ownOnly(Request req, ArrayNode filter) {
        if (req.user().role().ownCallsOnly()) {
            filter.addObject().putObject("term").put(CallFields.AGENT_ID.path(), req.user().name());
        }
    }

    /** Which of {@code ids} have a call document: the call is over and analysed. */
    private static List<String> ended(Index index, List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", ids.size());
        body.put("_source", false);
        ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        List<String> out = new ArrayList<>();
        index.search(IndexNames.CALLS, body)
                .at("/hits/hits")
                .forEach(h -> out.add(h.path("_id").asText()));
        return out;
    }

    private static List<String> nonEmpty(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }
}

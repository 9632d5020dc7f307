package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.AlertFields;
import io.callqa.analysis.document.CallFields;
import io.callqa.analysis.document.DocumentField;
import io.callqa.analysis.document.IndexNames;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The live alerts panel. The page is a shell; {@code console.js} fills it from {@code /api/alerts}
 * and then from the event stream, writing every value as text (never as HTML).
 */
final class AlertsPage {

    /** Alerts the panel loads when it opens. */
    static final int RECENT = 100;

    /**
     * What the panel shows of an alert, under the field's own name ({@code console.js} reads them
     * so), {@code @timestamp} as {@code timestamp}. The call's metadata is in the alert under the
     * call document's names.
     */
    private static final List<DocumentField> FIELDS =
            List.of(
                    AlertFields.CALL_ID,
                    AlertFields.TYPE,
                    AlertFields.RULE_ID,
                    AlertFields.SEVERITY,
                    AlertFields.SPEAKER,
                    AlertFields.T,
                    AlertFields.MESSAGE,
                    AlertFields.TEXT,
                    CallFields.AGENT_ID,
                    CallFields.TEAM,
                    CallFields.QUEUE,
                    AlertFields.LANGUAGE,
                    AlertFields.TIMESTAMP,
                    AlertFields.ACKNOWLEDGED_BY,
                    AlertFields.ACKNOWLEDGED_AT,
                    AlertFields.ABUSE_KIND,
                    AlertFields.ABUSE_NOTICE);

    private AlertsPage() {}

    static String render(Request req) {
        Messages m = req.messages();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(m.get("alerts.title"))).append("</h1>");
        b.append("<p class=\"hint\">").append(Html.esc(m.get("alerts.hint"))).append("</p>");
        b.append("<p><label><input type=\"checkbox\" id=\"open-only\"> ")
                .append(Html.esc(m.get("alerts.openOnly")))
                .append("</label> <span id=\"live-state\" class=\"state\">")
                .append(Html.esc(m.get("alerts.connecting")))
                .append("</span></p>");
        b.append("<table id=\"alerts\" class=\"grid\" data-can-ack=\"")
                .append(req.user().role().acknowledges())
                .append("\" data-can-open=\"")
                .append(req.user().role().readsCalls())
                .append("\"");
        for (String k :
                List.of(
                        "time",
                        "call",
                        "type",
                        "severity",
                        "agent",
                        "message",
                        "ack",
                        "acked",
                        "acknowledge",
                        "live",
                        "offline")) {
            b.append(" data-t-")
                    .append(k)
                    .append("=\"")
                    .append(Html.esc(m.get("alerts." + k)))
                    .append("\"");
        }
        b.append("><thead><tr>");
        for (String k : List.of("time", "call", "type", "severity", "agent", "message", "ack")) {
            b.append("<th>").append(Html.esc(m.get("alerts." + k))).append("</th>");
        }
        b.append("</tr></thead><tbody></tbody></table>");
        b.append("<script src=\"/static/console.js\" defer></script>");
        return Html.page(req, m.get("alerts.title"), "alerts", b.toString());
    }

    /** The newest alerts as a JSON array of {@link #view}s. */
    static String recentJson(Index index) throws IOException {
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", RECENT);
        body.putArray("sort")
                .addObject()
                .putObject(AlertFields.TIMESTAMP.path())
                .put("order", "desc");
        ArrayNode out = Index.JSON.createArrayNode();
        for (JsonNode h : index.search(IndexNames.ALERTS_ALL, body).at("/hits/hits")) {
            out.add(view(h.path("_id").asText(), h.path("_source")));
        }
        return Index.JSON.writeValueAsString(out);
    }

    /** What the panel shows of one alert. */
    static ObjectNode view(String id, JsonNode source) {
        ObjectNode v = Index.view(id, source, FIELDS);
        v.put(
                AlertFields.ACKNOWLEDGED.path(),
                Index.at(source, AlertFields.ACKNOWLEDGED).asBoolean(false));
        return v;
    }

    /**
     * Marks the alert {@code id} as acknowledged by the signed-in user, now, in whichever alerts
     * index holds it (retention may split alerts over several).
     *
     * @return false if no alerts index holds it
     */
    static boolean acknowledge(Index index, Request req) throws IOException {
        String id = req.param("id");
        if (id == null) {
            return false;
        }
        ObjectNode find = Index.JSON.createObjectNode();
        find.put("size", 1);
        find.put("_source", false);
        find.putObject("query").putObject("ids").putArray("values").add(id);
        JsonNode hit = index.search(IndexNames.ALERTS_ALL, find).at("/hits/hits/0");
        if (hit.isMissingNode()) {
            return false;
        }
        ObjectNode doc = Index.JSON.createObjectNode();
        doc.put(AlertFields.ACKNOWLEDGED.name(), true);
        doc.put(AlertFields.ACKNOWLEDGED_BY.name(), req.user().name());
        doc.put(AlertFields.ACKNOWLEDGED_AT.name(), Instant.now().toString());
        index.update(hit.path("_index").asText(), id, doc);
        return true;
    }
}

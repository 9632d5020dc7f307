package io.callqa.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One call: header, summary, recording with the transcript following along, the transcript with
 * redactions as tags and rule evidence highlighted, the scorecard with each rule's result and why,
 * the category, the prosody chart, and the review history with the review forms.
 */
final class CallPage {

    private static final Pattern REDACTION =
            Pattern.compile("\\[(CARD|PHONE|EMAIL|SSN|RRN|DOB)\\]");
    private static final int MAX_REASON = 2000;

    /** One stretch of an utterance that a rule's evidence points at. */
    record Mark(int start, int end, String rule, boolean failed) {}

    private CallPage() {}

    static String render(Index index, Request req, JsonNode call, Optional<Path> audio)
            throws IOException {
        Messages m = req.messages();
        String id = call.path("call_id").asText();
        List<JsonNode> reviews = reviews(index, id);
        Map<String, JsonNode> latest = new HashMap<>();
        for (JsonNode r : reviews) {
            latest.putIfAbsent(target(r), r); // newest first
        }
        StringBuilder b = new StringBuilder();
        header(b, m, call, latest.get("category"));
        section(b, "summary", m.get("call.summary"));
        b.append("<p id=\"summary\">")
                .append(redacted(call.path("summary").asText()))
                .append("</p>");

        section(b, "transcript", m.get("call.transcript"));
        if (audio.isPresent()) {
            b.append("<audio id=\"player\" controls preload=\"metadata\" src=\"/calls/")
                    .append(Html.esc(CallListPage.urlPart(id)))
                    .append("/audio\"></audio>");
        } else {
            b.append("<p class=\"hint\" id=\"no-audio\">")
                    .append(Html.esc(m.get("call.noaudio")))
                    .append("</p>");
        }
        transcript(b, m, call);

        section(b, "scorecard", m.get("call.scorecard"));
        scorecard(b, req, call, latest);

        section(b, "category", m.get("call.category"));
        category(b, req, call, latest.get("category"));

        section(b, "chart", m.get("chart.title"));
        if (ProsodyChart.hasData(call)) {
            b.append("<div class=\"chart\">").append(ProsodyChart.svg(call, m)).append("</div>");
        } else {
            b.append("<p class=\"hint\" id=\"no-chart\">")
                    .append(Html.esc(m.get("chart.nodata")))
                    .append("</p>");
        }

        section(b, "reviews", m.get("call.reviews"));
        history(b, m, reviews);
        b.append("<script src=\"/static/console.js\" defer></script>");
        return Html.page(req, id, "calls", b.toString());
    }

    private static void section(StringBuilder b, String id, String title) {
        b.append("<h2 id=\"").append(id).append("\">").append(Html.esc(title)).append("</h2>");
    }

    private static void header(StringBuilder b, Messages m, JsonNode c, JsonNode categoryReview) {
        boolean compliant = c.at("/qa/compliance_passed").asBoolean(true);
        b.append("<h1 id=\"call-id\">")
                .append(Html.esc(c.path("call_id").asText()))
                .append("</h1>");
        b.append("<dl class=\"facts\">");
        fact(b, m.get("calls.col.started"), Format.second(c.path("started_at").asText()));
        fact(b, m.get("calls.col.agent"), c.path("agent_id").asText());
        fact(b, m.get("calls.col.team"), c.path("team").asText());
        fact(b, m.get("call.queue"), c.path("queue").asText());
        fact(b, m.get("calls.col.lang"), c.path("language").asText());
        fact(b, m.get("calls.col.length"), Format.clock(c.path("duration_s").asDouble()));
        fact(b, m.get("calls.col.qa"), Format.number(c.at("/qa/score"), 0));
        b.append("<dt>")
                .append(Html.esc(m.get("calls.col.compliance")))
                .append("</dt><dd id=\"compliance\" class=\"")
                .append(compliant ? "pass" : "fail")
                .append("\">")
                .append(Html.esc(m.get(compliant ? "result.pass" : "result.fail")))
                .append("</dd>");
        String label = c.at("/category/label").asText();
        b.append("<dt>")
                .append(Html.esc(m.get("calls.col.category")))
                .append("</dt><dd id=\"category-label\">")
                .append(Html.esc(CallListPage.label(m, "category", label)))
                .append(" (")
                .append(Format.number(c.at("/category/confidence"), 2))
                .append(")");
        if (categoryReview != null && "override".equals(categoryReview.path("action").asText())) {
            b.append(" → <strong class=\"override\">")
                    .append(
                            Html.esc(
                                    CallListPage.label(
                                            m, "category", categoryReview.path("value").asText())))
                    .append("</strong>");
        }
        b.append("</dd>");
        fact(b, m.get("call.source"), c.at("/source/uri").asText());
        fact(
                b,
                m.get("call.rulepack"),
                c.at("/qa/rulepack/id").asText() + " " + c.at("/qa/rulepack/version").asText());
        b.append("</dl>");
    }

    private static void fact(StringBuilder b, String name, String value) {
        b.append("<dt>")
                .append(Html.esc(name))
                .append("</dt><dd>")
                .append(Html.esc(value))
                .append("</dd>");
    }

    static void transcript(StringBuilder b, Messages m, JsonNode call) {
        Map<Integer, List<Mark>> marks = new HashMap<>();
        Map<Integer, List<String>> unplaced = new HashMap<>();
        JsonNode utterances = call.path("utterances");
        for (JsonNode r : call.at("/qa/results")) {
            boolean failed = r.path("passed").isBoolean() && !r.path("passed").asBoolean();
            String rule = r.path("rule_id").asText();
            for (JsonNode e : r.path("evidence")) {
                int u = e.path("utterance").asInt(-1);
                if (u < 0 || u >= utterances.size()) {
                    continue;
                }
                String text = utterances.get(u).path("text").asText();
                String matched = e.path("matched").asText("");
                int[] at = locate(text, matched);
                if (at != null) {
                    marks.computeIfAbsent(u, k -> new ArrayList<>())
                            .add(new Mark(at[0], at[1], rule, failed));
                } else {
                    // Fuzzy matches (a near-miss word, Korean spacing) have no exact stretch:
                    // the whole utterance carries the rule instead.
                    unplaced.computeIfAbsent(u, k -> new ArrayList<>())
                            .add((failed ? "!" : "") + rule);
                }
            }
        }
        Map<Integer, List<JsonNode>> alerts = new HashMap<>();
        for (JsonNode a : call.path("alerts")) {
            if (a.path("utterance").isInt()) {
                alerts.computeIfAbsent(a.path("utterance").asInt(), k -> new ArrayList<>()).add(a);
            }
        }
        b.append("<ol id=\"transcript-lines\" class=\"transcript\">");
        for (int i = 0; i < utterances.size(); i++) {
            JsonNode u = utterances.get(i);
            String speaker = u.path("speaker").asText();
            List<Mark> ms = marks.getOrDefault(i, List.of());
            List<String> whole = unplaced.getOrDefault(i, List.of());
            boolean fails =
                    ms.stream().anyMatch(Mark::failed)
                            || whole.stream().anyMatch(s -> s.startsWith("!"));
            b.append("<li id=\"u-")
                    .append(i)
                    .append("\" class=\"utt ")
                    .append(speaker.equals("agent") ? "agent" : "customer")
                    .append(fails ? " violation" : "")
                    .append("\" data-start=\"")
                    .append(u.path("start").asDouble())
                    .append("\" data-end=\"")
                    .append(u.path("end").asDouble())
                    .append("\"><span class=\"time\">")
                    .append(Html.esc(Format.clock(u.path("start").asDouble())))
                    .append("</span> <span class=\"speaker\">")
                    .append(Html.esc(CallListPage.label(m, "speaker", speaker)))
                    .append("</span> <span class=\"text\">")
                    .append(highlighted(u.path("text").asText(), ms))
                    .append("</span>");
            if (u.path("agitated").asBoolean(false)
                    || "agitated".equals(u.path("emotion").asText())) {
                b.append(" <span class=\"tag emotion\">")
                        .append(Html.esc(m.get("emotion.agitated")))
                        .append(" ")
                        .append(Format.number(u.path("arousal"), 2))
                        .append("</span>");
            }
            for (String w : whole) {
                boolean f = w.startsWith("!");
                b.append(" <span class=\"tag ")
                        .append(f ? "ev-fail" : "ev-pass")
                        .append("\">")
                        .append(Html.esc(f ? w.substring(1) : w))
                        .append("</span>");
            }
            for (JsonNode a : alerts.getOrDefault(i, List.of())) {
                b.append(" <span class=\"tag alert\" title=\"")
                        .append(Html.esc(a.path("message").asText()))
                        .append("\">⚠ ")
                        .append(Html.esc(a.path("type").asText()))
                        .append("</span>");
            }
            b.append("</li>");
        }
        b.append("</ol>");
    }

    /**
     * Where {@code matched} first occurs in {@code text} ignoring case, as {@code [start, end)}
     * offsets into {@code text} itself, or null. Lower-casing can change a string's length ("İ"
     * becomes two chars), so the search runs on a lower-cased copy that remembers, for each of its
     * chars, the code point of the original it came from; offsets always fall between code points.
     */
    static int[] locate(String text, String matched) {
        if (matched.isEmpty()) {
            return null;
        }
        StringBuilder lower = new StringBuilder(text.length());
        int[] from = new int[text.length() * 3 + 1];
        int[] to = new int[text.length() * 3 + 1];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            String l = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
            for (int k = 0; k < l.length(); k++) {
                if (lower.length() >= from.length) {
                    from = Arrays.copyOf(from, from.length * 2);
                    to = Arrays.copyOf(to, to.length * 2);
                }
                from[lower.length()] = i;
                to[lower.length()] = next;
                lower.append(l.charAt(k));
            }
            i = next;
        }
        String needle = matched.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(needle);
        if (at < 0) {
            return null;
        }
        return new int[] {from[at], to[at + needle.length() - 1]};
    }

    /**
     * The utterance text with its evidence marked; failed evidence wins where stretches overlap.
     */
    static String highlighted(String text, List<Mark> marks) {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(
                (x, y) ->
                        x.start() != y.start()
                                ? Integer.compare(x.start(), y.start())
                                : Boolean.compare(y.failed(), x.failed()));
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Mark mk : sorted) {
            if (mk.start() < at || mk.end() > text.length() || mk.start() >= mk.end()) {
                continue;
            }
            b.append(redacted(text.substring(at, mk.start())));
            b.append("<mark class=\"evidence ")
                    .append(mk.failed() ? "ev-fail" : "ev-pass")
                    .append("\" data-rule=\"")
                    .append(Html.esc(mk.rule()))
                    .append("\" title=\"")
                    .append(Html.esc(mk.rule()))
                    .append("\">")
                    .append(redacted(text.substring(mk.start(), mk.end())))
                    .append("</mark>");
            at = mk.end();
        }
        b.append(redacted(text.substring(at)));
        return b.toString();
    }

    /** Escaped text with redaction placeholders ([CARD], [DOB], ...) shown as tags. */
    static String redacted(String text) {
        return REDACTION.matcher(Html.esc(text)).replaceAll("<span class=\"redaction\">$1</span>");
    }

    private static String result(JsonNode passed) {
        return passed.isBoolean() ? (passed.asBoolean() ? "passed" : "failed") : "not_applicable";
    }

    private static void scorecard(
            StringBuilder b, Request req, JsonNode call, Map<String, JsonNode> latest) {
        Messages m = req.messages();
        boolean canReview = req.user().role().reviews();
        b.append("<table class=\"grid\" id=\"scorecard-table\"><thead><tr>");
        for (String k :
                List.of("rule", "kind", "severity", "result", "why", "evidence", "review")) {
            b.append("<th>").append(Html.esc(m.get("score." + k))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (JsonNode r : call.at("/qa/results")) {
            String rule = r.path("rule_id").asText();
            String result = result(r.path("passed"));
            b.append("<tr id=\"rule-")
                    .append(Html.esc(rule))
                    .append("\" class=\"")
                    .append(
                            result.equals("failed")
                                    ? "fail"
                                    : result.equals("passed") ? "pass" : "na")
                    .append("\"><td><strong>")
                    .append(Html.esc(rule))
                    .append("</strong><br><small>")
                    .append(Html.esc(r.path("description").asText()))
                    .append("</small></td><td>")
                    .append(Html.esc(CallListPage.label(m, "kind", r.path("kind").asText())))
                    .append("</td><td>")
                    .append(
                            Html.esc(
                                    CallListPage.label(m, "severity", r.path("severity").asText())))
                    .append("</td><td class=\"result\">")
                    .append(Html.esc(m.get("result." + result)))
                    .append("</td><td>")
                    .append(redacted(r.path("note").asText()))
                    .append("</td><td>");
            for (JsonNode e : r.path("evidence")) {
                int u = e.path("utterance").asInt(-1);
                if (u >= 0) {
                    b.append("<a href=\"#u-")
                            .append(u)
                            .append("\">")
                            .append(Html.esc(Format.clock(e.path("t").asDouble())))
                            .append("</a> ");
                }
            }
            b.append("</td><td class=\"review-state\">");
            JsonNode rv = latest.get("rule:" + rule);
            if (rv != null) {
                reviewState(b, m, rv, "result.");
            }
            if (canReview) {
                reviewForm(
                        b,
                        req,
                        call.path("call_id").asText(),
                        "rule:" + rule,
                        List.of("passed", "failed", "not_applicable"),
                        "result.");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table>");
        JsonNode explanation = call.at("/qa/explanation");
        if (explanation.size() > 0) {
            b.append("<ul class=\"explanation\">");
            explanation.forEach(x -> b.append("<li>").append(redacted(x.asText())).append("</li>"));
            b.append("</ul>");
        }
    }

    private static void reviewState(StringBuilder b, Messages m, JsonNode rv, String valuePrefix) {
        boolean override = "override".equals(rv.path("action").asText());
        b.append("<div class=\"").append(override ? "override" : "confirmed").append("\">");
        if (override) {
            b.append(Html.esc(m.get("review.overridden")))
                    .append(": ")
                    .append(Html.esc(value(m, valuePrefix, rv.path("value").asText())));
        } else {
            b.append(Html.esc(m.get("review.confirmed")));
        }
        b.append(" <small>")
                .append(Html.esc(rv.path("reviewer").asText()))
                .append(", ")
                .append(Html.esc(Format.minute(rv.path("@timestamp").asText())))
                .append("</small></div>");
    }

    private static String value(Messages m, String prefix, String v) {
        return prefix.equals("category.")
                ? CallListPage.label(m, "category", v)
                : m.get(prefix + v);
    }

    private static void reviewForm(
            StringBuilder b,
            Request req,
            String callId,
            String target,
            List<String> values,
            String valuePrefix) {
        Messages m = req.messages();
        String call = CallListPage.urlPart(callId);
        String formId = "review-" + target.replace(':', '-');
        b.append("<form method=\"post\" class=\"review\" id=\"")
                .append(Html.esc(formId))
                .append("\" action=\"/calls/")
                .append(Html.esc(call))
                .append("/review\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(Html.esc(req.csrfToken()))
                .append("\"><input type=\"hidden\" name=\"target\" value=\"")
                .append(Html.esc(target))
                .append("\"><select name=\"value\"><option value=\"confirm\">")
                .append(Html.esc(m.get("review.confirm")))
                .append("</option>");
        for (String v : values) {
            b.append("<option value=\"")
                    .append(Html.esc(v))
                    .append("\">")
                    .append(Html.esc(m.get("review.overrideTo")))
                    .append(" ")
                    .append(Html.esc(value(m, valuePrefix, v)))
                    .append("</option>");
        }
        b.append("</select> <input name=\"reason\" required maxlength=\"")
                .append(MAX_REASON)
                .append("\" placeholder=\"")
                .append(Html.esc(m.get("review.reason")))
                .append("\"> <button type=\"submit\">")
                .append(Html.esc(m.get("review.save")))
                .append("</button></form>");
    }

    private static void category(StringBuilder b, Request req, JsonNode call, JsonNode review) {
        Messages m = req.messages();
        b.append("<table class=\"grid\" id=\"category-scores\"><tbody>");
        List<String> labels = new ArrayList<>();
        call.at("/category/scores")
                .fields()
                .forEachRemaining(
                        e -> {
                            labels.add(e.getKey());
                            b.append("<tr><td>")
                                    .append(Html.esc(CallListPage.label(m, "category", e.getKey())))
                                    .append("</td><td><meter min=\"0\" max=\"1\" value=\"")
                                    .append(Format.number(e.getValue(), 3))
                                    .append("\"></meter> ")
                                    .append(Format.number(e.getValue(), 2))
                                    .append("</td></tr>");
                        });
        b.append("</tbody></table><div class=\"review-state\" id=\"category-review\">");
        if (review != null) {
            reviewState(b, m, review, "category.");
        }
        if (req.user().role().reviews() && !labels.isEmpty()) {
            reviewForm(b, req, call.path("call_id").asText(), "category", labels, "category.");
        }
        b.append("</div>");
    }

    private static void history(StringBuilder b, Messages m, List<JsonNode> reviews) {
        if (reviews.isEmpty()) {
            b.append("<p class=\"hint\" id=\"no-reviews\">")
                    .append(Html.esc(m.get("review.none")))
                    .append("</p>");
            return;
        }
        b.append("<table class=\"grid\" id=\"review-history\"><thead><tr>");
        for (String k : List.of("when", "who", "target", "action", "change", "reason")) {
            b.append("<th>").append(Html.esc(m.get("review.col." + k))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (JsonNode r : reviews) {
            String prefix = "category".equals(r.path("target").asText()) ? "category." : "result.";
            b.append("<tr class=\"review-entry\"><td>")
                    .append(Html.esc(Format.second(r.path("@timestamp").asText())))
                    .append("</td><td>")
                    .append(Html.esc(r.path("reviewer").asText()))
                    .append(" (")
                    .append(Html.esc(r.path("role").asText()))
                    .append(")</td><td>")
                    .append(
                            Html.esc(
                                    r.path("target").asText().equals("category")
                                            ? m.get("calls.col.category")
                                            : r.path("rule_id").asText()))
                    .append("</td><td>")
                    .append(
                            Html.esc(
                                    m.get(
                                            "review."
                                                    + ("override".equals(r.path("action").asText())
                                                            ? "overridden"
                                                            : "confirmed"))))
                    .append("</td><td>")
                    .append(Html.esc(value(m, prefix, r.path("original").asText())))
                    .append(" → ")
                    .append(Html.esc(value(m, prefix, r.path("value").asText())))
                    .append("</td><td class=\"reason\">")
                    .append(Html.esc(r.path("reason").asText()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    private static String target(JsonNode review) {
        return "category".equals(review.path("target").asText())
                ? "category"
                : "rule:" + review.path("rule_id").asText();
    }

    /** The call's reviews, newest first. */
    static List<JsonNode> reviews(Index index, String callId) throws IOException {
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", 500);
        body.putObject("query").putObject("term").put("call_id", callId);
        body.putArray("sort").addObject().putObject("@timestamp").put("order", "desc");
        List<JsonNode> out = new ArrayList<>();
        index.search(Index.REVIEWS + "*", body)
                .at("/hits/hits")
                .forEach(h -> out.add(h.path("_source")));
        return out;
    }

    /**
     * Stores a review from the form: confirm or override one rule's result or the category, with a
     * reason, the reviewer and the time.
     *
     * @return the problem with the form, if any (nothing is stored then)
     */
    static Optional<String> saveReview(Index index, Request req, JsonNode call) throws IOException {
        Messages m = req.messages();
        String target = req.param("target");
        String value = req.param("value");
        String reason = req.param("reason");
        if (reason == null) {
            return Optional.of(m.get("review.needReason"));
        }
        if (reason.length() > MAX_REASON) {
            return Optional.of(m.format("review.longReason", MAX_REASON));
        }
        if (target == null || value == null) {
            return Optional.of(m.get("review.badTarget"));
        }
        ObjectNode doc = Index.JSON.createObjectNode();
        String reviewId = UUID.randomUUID().toString();
        String original;
        if (target.equals("category")) {
            original = call.at("/category/label").asText();
            List<String> labels = new ArrayList<>();
            call.at("/category/scores").fieldNames().forEachRemaining(labels::add);
            if (!value.equals("confirm") && !labels.contains(value)) {
                return Optional.of(m.format("review.badValue", value));
            }
            doc.put("target", "category");
        } else if (target.startsWith("rule:")) {
            String rule = target.substring(5);
            JsonNode result = null;
            for (JsonNode r : call.at("/qa/results")) {
                if (r.path("rule_id").asText().equals(rule)) {
                    result = r;
                }
            }
            if (result == null) {
                return Optional.of(m.get("review.badTarget"));
            }
            if (!value.equals("confirm")
                    && !List.of("passed", "failed", "not_applicable").contains(value)) {
                return Optional.of(m.format("review.badValue", value));
            }
            original = result(result.path("passed"));
            doc.put("target", "rule");
            doc.put("rule_id", rule);
        } else {
            return Optional.of(m.get("review.badTarget"));
        }
        boolean confirm = value.equals("confirm") || value.equals(original);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("@timestamp", Instant.now().toString());
        fields.put("review_id", reviewId);
        fields.put("call_id", call.path("call_id").asText());
        fields.put("reviewer", req.user().name());
        fields.put("role", req.user().role().id());
        fields.put("action", confirm ? "confirm" : "override");
        fields.put("original", original);
        fields.put("value", confirm ? original : value);
        fields.put("reason", reason);
        fields.forEach(doc::put);
        index.put(Index.REVIEWS, reviewId, doc);
        return Optional.empty();
    }
}

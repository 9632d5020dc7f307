package io.callqa.console;

import static io.callqa.analysis.document.CallFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.CallFields;
import io.callqa.analysis.document.IndexNames;
import io.callqa.analysis.document.ReviewFields;
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
        String id = Index.at(call, CALL_ID).asText();
        List<JsonNode> reviews = reviews(index, id);
        Map<String, JsonNode> latest = new HashMap<>();
        for (JsonNode r : reviews) {
            latest.putIfAbsent(target(r), r); // newest first
        }
        StringBuilder b = new StringBuilder();
        header(b, m, call, latest.get("category"));
        section(b, "summary", m.get("call.summary"));
        b.append("<p id=\"summary\">")
                .append(redacted(Index.at(call, SUMMARY).asText()))
                .append("</p>");

        if (Index.at(call, CallFields.ABUSE_FLAGGED).asBoolean(false)) {
            section(b, "abuse", m.get("call.abuse"));
            abuse(b, m, call);
        }

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

        if (Index.at(call, CallFields.ASSIST_PLAYBOOKS).size() > 0) {
            section(b, "assist", m.get("call.assist"));
            assist(b, m, call);
        }

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

    /** The playbooks the call triggered: each step, whether it was suggested and followed. */
    private static void assist(StringBuilder b, Messages m, JsonNode call) {
        b.append("<p class=\"hint\">")
                .append(
                        Html.esc(
                                m.format(
                                        "call.assist.summary",
                                        Index.at(call, CallFields.ASSIST_SUGGESTED).asLong(),
                                        Index.at(call, CallFields.ASSIST_FOLLOWED).asLong())))
                .append("</p><table id=\"assist-steps\" class=\"grid\"><thead><tr>");
        for (String k : List.of("playbook", "step", "suggested", "followed")) {
            b.append("<th>").append(Html.esc(m.get("call.assist." + k))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (JsonNode p : Index.at(call, CallFields.ASSIST_PLAYBOOKS)) {
            String playbook = p.path(CallFields.PLAYBOOK_ID.name()).asText();
            String description = p.path(CallFields.PLAYBOOK_DESCRIPTION.name()).asText();
            for (JsonNode st : p.path(CallFields.PLAYBOOK_STEPS.name())) {
                boolean suggested = st.path(CallFields.STEP_SUGGESTED_AT.name()).isNumber();
                boolean followed = st.path(CallFields.STEP_FOLLOWED.name()).asBoolean(false);
                b.append("<tr class=\"assist-step\" data-playbook=\"")
                        .append(Html.esc(playbook))
                        .append("\" data-step=\"")
                        .append(Html.esc(st.path(CallFields.STEP_ID.name()).asText()))
                        .append("\"><td>")
                        .append(Html.esc(description.isEmpty() ? playbook : description))
                        .append("</td><td>")
                        .append(Html.esc(st.path(CallFields.STEP_TEXT.name()).asText()))
                        .append("</td><td>")
                        .append(Html.esc(m.get(suggested ? "call.assist.yes" : "call.assist.no")))
                        .append("</td><td class=\"")
                        .append(followed ? "pass" : "fail")
                        .append("\">")
                        .append(Html.esc(m.get(followed ? "call.assist.yes" : "call.assist.no")))
                        .append("</td></tr>");
            }
        }
        b.append("</tbody></table>");
    }

    /** The customer's abusive utterances, with the notice the agent could read. */
    private static void abuse(StringBuilder b, Messages m, JsonNode call) {
        b.append("<table id=\"abuse-findings\" class=\"grid\"><thead><tr>");
        for (String k : List.of("time", "kind", "text", "terms", "confidence")) {
            b.append("<th>").append(Html.esc(m.get("call.abuse." + k))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (JsonNode f : Index.at(call, CallFields.ABUSE_FINDINGS)) {
            b.append("<tr class=\"abuse-finding\"><td>")
                    .append(Format.clock(f.path(CallFields.ABUSE_T.name()).asDouble()))
                    .append("</td><td><span class=\"tag alert\">")
                    .append(
                            Html.esc(
                                    m.get(
                                            "abuse.kind."
                                                    + f.path(CallFields.ABUSE_KIND.name())
                                                            .asText())))
                    .append("</span></td><td>")
                    .append(redacted(f.path(CallFields.ABUSE_TEXT.name()).asText()))
                    .append("</td><td>");
            List<String> terms = new ArrayList<>();
            f.path(CallFields.ABUSE_TERMS.name()).forEach(t -> terms.add(t.asText()));
            b.append(Html.esc(String.join(", ", terms)))
                    .append("</td><td class=\"num\">")
                    .append(Format.number(f.path(CallFields.ABUSE_CONFIDENCE.name()), 2))
                    .append("</td></tr>");
        }
        b.append("</tbody></table><p class=\"notice\" id=\"abuse-notice\"><strong>")
                .append(Html.esc(m.get("call.abuse.notice")))
                .append("</strong> ")
                .append(Html.esc(Index.at(call, CallFields.ABUSE_NOTICE).asText()))
                .append("</p>");
    }

    private static void section(StringBuilder b, String id, String title) {
        b.append("<h2 id=\"").append(id).append("\">").append(Html.esc(title)).append("</h2>");
    }

    private static void header(StringBuilder b, Messages m, JsonNode c, JsonNode categoryReview) {
        boolean compliant = Index.at(c, QA_COMPLIANCE_PASSED).asBoolean(true);
        b.append("<h1 id=\"call-id\">")
                .append(Html.esc(Index.at(c, CALL_ID).asText()))
                .append("</h1>");
        b.append("<dl class=\"facts\">");
        fact(b, m.get("calls.col.started"), Format.second(Index.at(c, STARTED_AT).asText()));
        fact(b, m.get("calls.col.agent"), Index.at(c, AGENT_ID).asText());
        fact(b, m.get("calls.col.team"), Index.at(c, TEAM).asText());
        fact(b, m.get("call.queue"), Index.at(c, QUEUE).asText());
        fact(b, m.get("calls.col.lang"), Index.at(c, LANGUAGE).asText());
        fact(b, m.get("calls.col.length"), Format.clock(Index.at(c, DURATION_S).asDouble()));
        fact(b, m.get("calls.col.qa"), Format.number(Index.at(c, QA_SCORE), 0));
        b.append("<dt>")
                .append(Html.esc(m.get("calls.col.compliance")))
                .append("</dt><dd id=\"compliance\" class=\"")
                .append(compliant ? "pass" : "fail")
                .append("\">")
                .append(Html.esc(m.get(compliant ? "result.pass" : "result.fail")))
                .append("</dd>");
        String label = Index.at(c, CATEGORY_LABEL).asText();
        b.append("<dt>")
                .append(Html.esc(m.get("calls.col.category")))
                .append("</dt><dd id=\"category-label\">")
                .append(Html.esc(CallListPage.label(m, "category", label)))
                .append(" (")
                .append(Format.number(Index.at(c, CATEGORY_CONFIDENCE), 2))
                .append(")");
        if (categoryReview != null
                && "override".equals(Index.at(categoryReview, ReviewFields.ACTION).asText())) {
            b.append(" → <strong class=\"override\">")
                    .append(
                            Html.esc(
                                    CallListPage.label(
                                            m,
                                            "category",
                                            Index.at(categoryReview, ReviewFields.VALUE).asText())))
                    .append("</strong>");
        }
        b.append("</dd>");
        fact(b, m.get("call.source"), Index.at(c, SOURCE_URI).asText());
        JsonNode pack = Index.at(c, QA_RULEPACK);
        fact(
                b,
                m.get("call.rulepack"),
                pack.path(RULEPACK_ID.name()).asText()
                        + " "
                        + pack.path(RULEPACK_VERSION.name()).asText());
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
        JsonNode utterances = Index.at(call, UTTERANCES);
        for (JsonNode r : Index.at(call, QA_RESULTS)) {
            JsonNode passed = r.path(RESULT_PASSED.name());
            boolean failed = passed.isBoolean() && !passed.asBoolean();
            String rule = r.path(RESULT_RULE_ID.name()).asText();
            for (JsonNode e : r.path(RESULT_EVIDENCE.name())) {
                int u = e.path(EVIDENCE_UTTERANCE.name()).asInt(-1);
                if (u < 0 || u >= utterances.size()) {
                    continue;
                }
                String text = utterances.get(u).path(UTTERANCE_TEXT.name()).asText();
                String matched = e.path(EVIDENCE_MATCHED.name()).asText("");
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
        for (JsonNode a : Index.at(call, ALERTS)) {
            JsonNode utterance = a.path(ALERT_UTTERANCE.name());
            if (utterance.isInt()) {
                alerts.computeIfAbsent(utterance.asInt(), k -> new ArrayList<>()).add(a);
            }
        }
        b.append("<ol id=\"transcript-lines\" class=\"transcript\">");
        for (int i = 0; i < utterances.size(); i++) {
            JsonNode u = utterances.get(i);
            String speaker = u.path(UTTERANCE_SPEAKER.name()).asText();
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
                    .append(u.path(UTTERANCE_START.name()).asDouble())
                    .append("\" data-end=\"")
                    .append(u.path(UTTERANCE_END.name()).asDouble())
                    .append("\"><span class=\"time\">")
                    .append(Html.esc(Format.clock(u.path(UTTERANCE_START.name()).asDouble())))
                    .append("</span> <span class=\"speaker\">")
                    .append(Html.esc(CallListPage.label(m, "speaker", speaker)))
                    .append("</span> <span class=\"text\">")
                    .append(highlighted(u.path(UTTERANCE_TEXT.name()).asText(), ms))
                    .append("</span>");
            if (u.path(UTTERANCE_AGITATED.name()).asBoolean(false)
                    || "agitated".equals(u.path(UTTERANCE_EMOTION.name()).asText())) {
                b.append(" <span class=\"tag emotion\">")
                        .append(Html.esc(m.get("emotion.agitated")))
                        .append(" ")
                        .append(Format.number(u.path(UTTERANCE_AROUSAL.name()), 2))
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
                        .append(Html.esc(a.path(ALERT_MESSAGE.name()).asText()))
                        .append("\">⚠ ")
                        .append(Html.esc(a.path(ALERT_TYPE.name()).asText()))
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
        for (JsonNode r : Index.at(call, QA_RESULTS)) {
            String rule = r.path(RESULT_RULE_ID.name()).asText();
            String result = result(r.path(RESULT_PASSED.name()));
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
                    .append(Html.esc(r.path(RESULT_DESCRIPTION.name()).asText()))
                    .append("</small></td><td>")
                    .append(
                            Html.esc(
                                    CallListPage.label(
                                            m, "kind", r.path(RESULT_KIND.name()).asText())))
                    .append("</td><td>")
                    .append(
                            Html.esc(
                                    CallListPage.label(
                                            m,
                                            "severity",
                                            r.path(RESULT_SEVERITY.name()).asText())))
                    .append("</td><td class=\"result\">")
                    .append(Html.esc(m.get("result." + result)))
                    .append("</td><td>")
                    .append(redacted(r.path(RESULT_NOTE.name()).asText()))
                    .append("</td><td>");
            for (JsonNode e : r.path(RESULT_EVIDENCE.name())) {
                int u = e.path(EVIDENCE_UTTERANCE.name()).asInt(-1);
                if (u >= 0) {
                    b.append("<a href=\"#u-")
                            .append(u)
                            .append("\">")
                            .append(Html.esc(Format.clock(e.path(EVIDENCE_T.name()).asDouble())))
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
                        Index.at(call, CALL_ID).asText(),
                        "rule:" + rule,
                        List.of("passed", "failed", "not_applicable"),
                        "result.");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table>");
        JsonNode explanation = Index.at(call, QA_EXPLANATION);
        if (explanation.size() > 0) {
            b.append("<ul class=\"explanation\">");
            explanation.forEach(x -> b.append("<li>").append(redacted(x.asText())).append("</li>"));
            b.append("</ul>");
        }
    }

    private static void reviewState(StringBuilder b, Messages m, JsonNode rv, String valuePrefix) {
        boolean override = "override".equals(Index.at(rv, ReviewFields.ACTION).asText());
        b.append("<div class=\"").append(override ? "override" : "confirmed").append("\">");
        if (override) {
            b.append(Html.esc(m.get("review.overridden")))
                    .append(": ")
                    .append(
                            Html.esc(
                                    value(
                                            m,
                                            valuePrefix,
                                            Index.at(rv, ReviewFields.VALUE).asText())));
        } else {
            b.append(Html.esc(m.get("review.confirmed")));
        }
        b.append(" <small>")
                .append(Html.esc(Index.at(rv, ReviewFields.REVIEWER).asText()))
                .append(", ")
                .append(Html.esc(Format.minute(Index.at(rv, ReviewFields.TIMESTAMP).asText())))
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
        Index.at(call, CATEGORY_SCORES)
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
            reviewForm(b, req, Index.at(call, CALL_ID).asText(), "category", labels, "category.");
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
            String target = Index.at(r, ReviewFields.TARGET).asText();
            String prefix = "category".equals(target) ? "category." : "result.";
            boolean overridden = "override".equals(Index.at(r, ReviewFields.ACTION).asText());
            b.append("<tr class=\"review-entry\"><td>")
                    .append(Html.esc(Format.second(Index.at(r, ReviewFields.TIMESTAMP).asText())))
                    .append("</td><td>")
                    .append(Html.esc(Index.at(r, ReviewFields.REVIEWER).asText()))
                    .append(" (")
                    .append(Html.esc(Index.at(r, ReviewFields.ROLE).asText()))
                    .append(")</td><td>")
                    .append(
                            Html.esc(
                                    target.equals("category")
                                            ? m.get("calls.col.category")
                                            : Index.at(r, ReviewFields.RULE_ID).asText()))
                    .append("</td><td>")
                    .append(Html.esc(m.get("review." + (overridden ? "overridden" : "confirmed"))))
                    .append("</td><td>")
                    .append(Html.esc(value(m, prefix, Index.at(r, ReviewFields.ORIGINAL).asText())))
                    .append(" → ")
                    .append(Html.esc(value(m, prefix, Index.at(r, ReviewFields.VALUE).asText())))
                    .append("</td><td class=\"reason\">")
                    .append(Html.esc(Index.at(r, ReviewFields.REASON).asText()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    private static String target(JsonNode review) {
        return "category".equals(Index.at(review, ReviewFields.TARGET).asText())
                ? "category"
                : "rule:" + Index.at(review, ReviewFields.RULE_ID).asText();
    }

    /** The call's reviews, newest first. */
    static List<JsonNode> reviews(Index index, String callId) throws IOException {
        ObjectNode body = Index.JSON.createObjectNode();
        body.put("size", 500);
        body.putObject("query").putObject("term").put(ReviewFields.CALL_ID.path(), callId);
        body.putArray("sort")
                .addObject()
                .putObject(ReviewFields.TIMESTAMP.path())
                .put("order", "desc");
        List<JsonNode> out = new ArrayList<>();
        index.search(IndexNames.REVIEWS + "*", body)
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
            original = Index.at(call, CATEGORY_LABEL).asText();
            List<String> labels = new ArrayList<>();
            Index.at(call, CATEGORY_SCORES).fieldNames().forEachRemaining(labels::add);
            if (!value.equals("confirm") && !labels.contains(value)) {
                return Optional.of(m.format("review.badValue", value));
            }
            doc.put(ReviewFields.TARGET.name(), "category");
        } else if (target.startsWith("rule:")) {
            String rule = target.substring(5);
            JsonNode result = null;
            for (JsonNode r : Index.at(call, QA_RESULTS)) {
                if (r.path(RESULT_RULE_ID.name()).asText().equals(rule)) {
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
            original = result(result.path(RESULT_PASSED.name()));
            doc.put(ReviewFields.TARGET.name(), "rule");
            doc.put(ReviewFields.RULE_ID.name(), rule);
        } else {
            return Optional.of(m.get("review.badTarget"));
        }
        boolean confirm = value.equals("confirm") || value.equals(original);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ReviewFields.TIMESTAMP.name(), Instant.now().toString());
        fields.put(ReviewFields.REVIEW_ID.name(), reviewId);
        fields.put(ReviewFields.CALL_ID.name(), Index.at(call, CALL_ID).asText());
        fields.put(ReviewFields.REVIEWER.name(), req.user().name());
        fields.put(ReviewFields.ROLE.name(), req.user().role().id());
        fields.put(ReviewFields.ACTION.name(), confirm ? "confirm" : "override");
        fields.put(ReviewFields.ORIGINAL.name(), original);
        fields.put(ReviewFields.VALUE.name(), confirm ? original : value);
        fields.put(ReviewFields.REASON.name(), reason);
        fields.forEach(doc::put);
        index.put(IndexNames.REVIEWS, reviewId, doc);
        return Optional.empty();
    }
}

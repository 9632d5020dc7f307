package io.callqa.rules.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.rules.classify.Classification;
import io.callqa.rules.pii.PiiFinding;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;

/**
 * Writes a {@link CallAnalysis} in the analysis result format (the {@code analyze} output, and the
 * shape of the indexed call document): {@code call_id, language, duration_s, qa, summary, keywords,
 * pii_found, utterances, alerts}.
 */
public final class AnalysisJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AnalysisJson() {}

    /**
     * The {@code category} object of a call: {@code {label, confidence, scores {category: score}}},
     * as the analysis result and the indexed document carry it.
     */
    public static ObjectNode category(Classification c) {
        ObjectNode o = F.objectNode();
        o.put("label", c.label());
        o.put("confidence", round(c.confidence()));
        ObjectNode scores = o.putObject("scores");
        c.scores().forEach((k, v) -> scores.put(k, round(v)));
        return o;
    }

    /** The result document of one call. */
    public static ObjectNode toJson(CallAnalysis a) {
        ObjectNode root = F.objectNode();
        root.put("call_id", a.call().callId());
        root.put("language", a.call().language());
        root.put("duration_s", round(a.durationS()));

        ObjectNode qa = root.putObject("qa");
        qa.put("score", a.scorecard().score());
        qa.put("compliance_passed", a.scorecard().compliancePassed());
        ObjectNode pack = qa.putObject("rulepack");
        pack.put("id", a.pack().id());
        pack.put("version", a.pack().version());
        ArrayNode results = qa.putArray("results");
        for (RuleResult r : a.results()) {
            ObjectNode o = results.addObject();
            o.put("rule_id", r.rule().id());
            o.put("description", r.rule().description());
            o.put("kind", r.rule().kind().id());
            o.put("severity", r.rule().severity().id());
            o.put("weight", r.rule().weight());
            Boolean passed = r.outcome().passed();
            if (passed == null) {
                o.putNull("passed");
            } else {
                o.put("passed", passed);
            }
            o.put("note", r.note());
            ArrayNode ev = o.putArray("evidence");
            for (Evidence e : r.evidence()) {
                ObjectNode eo = ev.addObject();
                if (e.utterance() == null) {
                    eo.putNull("utterance");
                } else {
                    eo.put("utterance", e.utterance());
                }
                eo.put("t", round(e.t()));
                eo.put("text", e.text());
                if (e.matched() != null) {
                    eo.put("matched", e.matched());
                }
                if (e.strength() != null) {
                    eo.put("strength", round(e.strength()));
                }
                if (e.confidence() != null) {
                    eo.put("confidence", round(e.confidence()));
                }
                if (e.act() != null) {
                    eo.put("act", e.act());
                }
            }
        }
        ArrayNode explanation = qa.putArray("explanation");
        a.scorecard().explanation().forEach(explanation::add);

        root.put("summary", a.summary().text());
        ObjectNode parts = root.putObject("summary_parts");
        parts.put("reason", a.summary().reason());
        parts.put("action", a.summary().action());
        parts.put("outcome", a.summary().outcome());
        parts.put("next_step", a.summary().nextStep());
        ArrayNode keywords = root.putArray("keywords");
        a.summary().keywords().forEach(keywords::add);

        ArrayNode pii = root.putArray("pii_found");
        for (PiiFinding f : a.pii()) {
            ObjectNode o = pii.addObject();
            o.put("type", f.type().id());
            o.put("utterance", f.utterance());
            o.put("speaker", f.speaker().id());
        }
        ArrayNode us = root.putArray("utterances");
        for (int i = 0; i < a.call().utterances().size(); i++) {
            Utterance u = a.call().utterances().get(i);
            ObjectNode o = us.addObject();
            o.put("speaker", u.speaker().id());
            o.put("start", u.start());
            o.put("end", u.end());
            o.put("text", u.text());
            u.meanConfidence().ifPresent(c -> o.put("confidence", round(c)));
            // The redactor drops or masks the words of what it redacts, so these are safe to show.
            if (!u.words().isEmpty()) {
                ArrayNode ws = o.putArray("words");
                for (Word w : u.words()) {
                    ws.addObject()
                            .put("w", w.w())
                            .put("start", w.start())
                            .put("end", w.end())
                            .put("conf", round(w.conf()));
                }
            }
            o.put("agitated", a.agitated().contains(i));
        }
        ArrayNode alerts = root.putArray("alerts");
        for (Alert al : a.alerts()) {
            alerts.add(alert(al));
        }
        return root;
    }

    /**
     * One alert as the analysis result lists it: {@code {id, type, rule_id, severity, utterance, t,
     * message}}; a live call's alert documents are made from the same.
     */
    public static ObjectNode alert(Alert al) {
        ObjectNode o = F.objectNode();
        o.put("id", al.id());
        o.put("type", al.type());
        if (al.ruleId() == null) {
            o.putNull("rule_id");
        } else {
            o.put("rule_id", al.ruleId());
        }
        o.put("severity", al.severity().id());
        if (al.utterance() == null) {
            o.putNull("utterance");
        } else {
            o.put("utterance", al.utterance());
        }
        o.put("t", round(al.t()));
        o.put("message", al.message());
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

package io.callqa.rules.assist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.rules.pack.Playbook;
import io.callqa.rules.pack.PlaybookStep;
import io.callqa.rules.pack.RulePack;

/**
 * Writes agent-assist events and reports as JSON: an event as a live consumer receives it, and a
 * call's report as the {@code assist} section of the analysis result and the call document.
 */
public final class AssistJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AssistJson() {}

    /**
     * One event: {@code {type: suggested, playbook, step, text, snippets, phrases, utterance, t,
     * triggered_by, evidence}} or {@code {type: withdrawn, playbook, step, utterance, t, done_by,
     * evidence}}.
     */
    public static ObjectNode event(AssistEvent e) {
        ObjectNode o = F.objectNode();
        if (e instanceof AssistEvent.Suggested s) {
            o.put("type", "suggested");
            o.put("playbook", s.playbook());
            o.put("step", s.step());
            o.put("text", s.text());
            ArrayNode snippets = o.putArray("snippets");
            s.snippets().forEach(snippets::add);
            ArrayNode phrases = o.putArray("phrases");
            s.phrases().forEach(phrases::add);
            o.put("utterance", s.utterance());
            o.put("t", round(s.t()));
            o.put("triggered_by", s.triggeredBy());
            o.put("evidence", s.evidence());
        } else if (e instanceof AssistEvent.Withdrawn w) {
            o.put("type", "withdrawn");
            o.put("playbook", w.playbook());
            o.put("step", w.step());
            o.put("utterance", w.utterance());
            o.put("t", round(w.t()));
            o.put("done_by", w.doneBy());
            o.put("evidence", w.evidence());
        }
        return o;
    }

    /**
     * A call's report: {@code {suggested, followed, playbooks: [{playbook, description,
     * triggered_at, evidence, steps: [{step, text, suggested_at, done_at, followed}]}]}}, with
     * {@code suggested_at} and {@code done_at} null when the step was never shown or never done.
     *
     * @param pack the pack the report was made with, for the descriptions and step texts
     */
    public static ObjectNode report(AssistReport r, RulePack pack) {
        ObjectNode root = F.objectNode();
        root.put(
                "suggested",
                r.steps().stream().filter(AssistReport.StepOutcome::suggested).count());
        root.put("followed", r.steps().stream().filter(AssistReport.StepOutcome::followed).count());
        ArrayNode playbooks = root.putArray("playbooks");
        for (AssistReport.RaisedPlaybook p : r.playbooks()) {
            Playbook def = pack.playbook(p.playbook()).orElse(null);
            ObjectNode o = playbooks.addObject();
            o.put("playbook", p.playbook());
            o.put("description", def == null ? "" : def.description());
            o.put("triggered_at", p.triggeredAt());
            o.put("evidence", p.evidence());
            ArrayNode steps = o.putArray("steps");
            for (AssistReport.StepOutcome s : p.steps()) {
                ObjectNode so = steps.addObject();
                so.put("step", s.step());
                so.put(
                        "text",
                        def == null
                                ? ""
                                : def.steps().stream()
                                        .filter(x -> x.id().equals(s.step()))
                                        .map(PlaybookStep::text)
                                        .findFirst()
                                        .orElse(""));
                if (s.suggestedAt().isPresent()) {
                    so.put("suggested_at", s.suggestedAt().getAsInt());
                } else {
                    so.putNull("suggested_at");
                }
                if (s.doneAt().isPresent()) {
                    so.put("done_at", s.doneAt().getAsInt());
                } else {
                    so.putNull("done_at");
                }
                so.put("followed", s.followed());
            }
        }
        return root;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}

package io.callqa.analysis.document;

import static io.callqa.analysis.document.CallFields.ASSIST_FOLLOWED;
import static io.callqa.analysis.document.CallFields.ASSIST_PLAYBOOKS;
import static io.callqa.analysis.document.CallFields.ASSIST_SUGGESTED;
import static io.callqa.analysis.document.CallFields.PLAYBOOK_DESCRIPTION;
import static io.callqa.analysis.document.CallFields.PLAYBOOK_EVIDENCE;
import static io.callqa.analysis.document.CallFields.PLAYBOOK_ID;
import static io.callqa.analysis.document.CallFields.PLAYBOOK_STEPS;
import static io.callqa.analysis.document.CallFields.PLAYBOOK_TRIGGERED_AT;
import static io.callqa.analysis.document.CallFields.STEP_DONE_AT;
import static io.callqa.analysis.document.CallFields.STEP_FOLLOWED;
import static io.callqa.analysis.document.CallFields.STEP_ID;
import static io.callqa.analysis.document.CallFields.STEP_SUGGESTED_AT;
import static io.callqa.analysis.document.CallFields.STEP_TEXT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.CallReport;
import io.callqa.rules.assist.AssistEvent;
import io.callqa.rules.assist.AssistReport;
import io.callqa.rules.pack.Playbook;
import io.callqa.rules.pack.PlaybookStep;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.transcript.CallTranscript;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Writes agent assist: each live event ({@code callqa.assist}, {@code callqa-assist-<day>}) as an
 * {@link AssistDocument}, and a call's report as the {@code assist} section of its call document.
 * Field names come from {@link AssistFields} and {@link CallFields}.
 */
public final class AssistDocuments {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AssistDocuments() {}

    /**
     * One event of {@code call} (redacted; its metadata redacted in {@code metadata}): {@code
     * {event_id, call_id, @timestamp, type: suggested, playbook, step, text, snippets, phrases,
     * utterance, t, triggered_by, evidence}} or {@code {..., type: withdrawn, ..., done_by,
     * evidence}}, with the call's metadata and, when raised live, {@code live {raised_at,
     * finalized_at}}.
     *
     * @param live when the operator raised it and when its utterance was finalized, or null
     */
    public static AssistDocument event(
            CallTranscript call, Map<String, String> metadata, AssistEvent e, LiveStamp live) {
        return event(call.callId(), call.language(), call.startedAt(), metadata, e, live);
    }

    /**
     * As {@link #event(CallTranscript, Map, AssistEvent, LiveStamp)}, for a call still going on:
     * only its id, language and start are known.
     *
     * @param startedAt when the call started, or empty (the document then has no {@code
     *     @timestamp})
     */
    public static AssistDocument event(
            String callId,
            String language,
            Optional<Instant> startedAt,
            Map<String, String> metadata,
            AssistEvent e,
            LiveStamp live) {
        ObjectNode o = F.objectNode();
        String type =
                e instanceof AssistEvent.Suggested
                        ? AssistFields.SUGGESTED
                        : AssistFields.WITHDRAWN;
        String id = callId + ":" + e.playbook() + ":" + e.step() + ":" + type;
        o.put(AssistFields.EVENT_ID.name(), id);
        o.put(AssistFields.CALL_ID.name(), callId);
        double t = e instanceof AssistEvent.Suggested s ? s.t() : ((AssistEvent.Withdrawn) e).t();
        Instant at = startedAt.map(s -> CallReport.at(s, round(t))).orElse(null);
        if (at != null) {
            o.put(AssistFields.TIMESTAMP.name(), at.toString());
        }
        o.put(AssistFields.TYPE.name(), type);
        o.put(AssistFields.PLAYBOOK.name(), e.playbook());
        o.put(AssistFields.STEP.name(), e.step());
        if (e instanceof AssistEvent.Suggested s) {
            o.put(AssistFields.TEXT.name(), s.text());
            ArrayNode snippets = o.putArray(AssistFields.SNIPPETS.name());
            s.snippets().forEach(snippets::add);
            ArrayNode phrases = o.putArray(AssistFields.PHRASES.name());
            s.phrases().forEach(phrases::add);
            o.put(AssistFields.UTTERANCE.name(), s.utterance());
            o.put(AssistFields.T.name(), round(s.t()));
            o.put(AssistFields.TRIGGERED_BY.name(), s.triggeredBy());
            o.put(AssistFields.EVIDENCE.name(), s.evidence());
        } else if (e instanceof AssistEvent.Withdrawn w) {
            o.put(AssistFields.UTTERANCE.name(), w.utterance());
            o.put(AssistFields.T.name(), round(w.t()));
            o.put(AssistFields.DONE_BY.name(), w.doneBy());
            o.put(AssistFields.EVIDENCE.name(), w.evidence());
        }
        o.put(AssistFields.LANGUAGE.name(), language);
        metadata.forEach(o::put);
        if (live != null) {
            ObjectNode l = o.putObject("live");
            l.put(AssistFields.LIVE_RAISED_AT.name(), live.raisedAtMillis());
            l.put(AssistFields.LIVE_FINALIZED_AT.name(), live.settledAtMillis());
        }
        return new AssistDocument(id, callId, at, json(o));
    }

    /**
     * A call's report: {@code {suggested, followed, playbooks: [{playbook, description,
     * triggered_at, evidence, steps: [{step, text, suggested_at, done_at, followed}]}]}}, with
     * {@code suggested_at} and {@code done_at} (utterance indexes) null when the step was never
     * shown or never done.
     *
     * @param pack the pack the report was made with, for the descriptions and step texts
     */
    public static ObjectNode report(AssistReport r, RulePack pack) {
        ObjectNode root = F.objectNode();
        root.put(
                ASSIST_SUGGESTED.name(),
                r.steps().stream().filter(AssistReport.StepOutcome::suggested).count());
        root.put(
                ASSIST_FOLLOWED.name(),
                r.steps().stream().filter(AssistReport.StepOutcome::followed).count());
        ArrayNode playbooks = root.putArray(ASSIST_PLAYBOOKS.name());
        for (AssistReport.RaisedPlaybook p : r.playbooks()) {
            Playbook def = pack.playbook(p.playbook()).orElse(null);
            ObjectNode o = playbooks.addObject();
            o.put(PLAYBOOK_ID.name(), p.playbook());
            o.put(PLAYBOOK_DESCRIPTION.name(), def == null ? "" : def.description());
            o.put(PLAYBOOK_TRIGGERED_AT.name(), p.triggeredAt());
            o.put(PLAYBOOK_EVIDENCE.name(), p.evidence());
            ArrayNode steps = o.putArray(PLAYBOOK_STEPS.name());
            for (AssistReport.StepOutcome s : p.steps()) {
                ObjectNode so = steps.addObject();
                so.put(STEP_ID.name(), s.step());
                so.put(
                        STEP_TEXT.name(),
                        def == null
                                ? ""
                                : def.steps().stream()
                                        .filter(x -> x.id().equals(s.step()))
                                        .map(PlaybookStep::text)
                                        .findFirst()
                                        .orElse(""));
                if (s.suggestedAt().isPresent()) {
                    so.put(STEP_SUGGESTED_AT.name(), s.suggestedAt().getAsInt());
                } else {
                    so.putNull(STEP_SUGGESTED_AT.name());
                }
                if (s.doneAt().isPresent()) {
                    so.put(STEP_DONE_AT.name(), s.doneAt().getAsInt());
                } else {
                    so.putNull(STEP_DONE_AT.name());
                }
                so.put(STEP_FOLLOWED.name(), s.followed());
            }
        }
        return root;
    }

    private static String json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}

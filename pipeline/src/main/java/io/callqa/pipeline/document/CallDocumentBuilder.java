package io.callqa.pipeline.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.audio.dynamics.SpeechSegment;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Builds the {@code callqa-calls} document of a call from its transcript and the measurements made
 * on it.
 *
 * <p>Utterance text is deliberately not indexed yet: transcripts may hold card numbers and other
 * personal data, and nothing unredacted may reach the index. Text is added once PII redaction runs
 * before this step.
 */
public final class CallDocumentBuilder {
    private final ObjectMapper mapper = new ObjectMapper();
    private final DynamicsSettings dynamicsSettings;

    /** A builder measuring dynamics with {@code dynamicsSettings}. */
    public CallDocumentBuilder(DynamicsSettings dynamicsSettings) {
        this.dynamicsSettings = dynamicsSettings;
    }

    /** Builds the document of {@code t}, read from {@code sourceUri} with hash {@code sha256}. */
    public CallDocument build(CallTranscript t, String sourceUri, String sha256) {
        ConversationDynamics d =
                ConversationDynamics.measure(
                        segments(t, Speaker.AGENT),
                        segments(t, Speaker.CUSTOMER),
                        t.speechEnd(),
                        dynamicsSettings);

        ObjectNode doc = mapper.createObjectNode();
        doc.put("call_id", t.callId());
        doc.put("language", t.language());
        t.startedAt()
                .ifPresent(
                        s -> {
                            doc.put("started_at", s.toString());
                            long endMillis = s.toEpochMilli() + Math.round(t.speechEnd() * 1000);
                            doc.put(
                                    "ended_at",
                                    java.time.Instant.ofEpochMilli(endMillis).toString());
                        });
        doc.put("duration_s", round(t.speechEnd()));
        t.metadata().forEach(doc::put);

        ObjectNode source = doc.putObject("source");
        source.put("uri", sourceUri);
        source.put("sha256", sha256);
        source.put("kind", "transcript");
        doc.putObject("asr").put("engine", "provided");

        ObjectNode prosody = doc.putObject("prosody");
        ObjectNode agent = prosody.putObject("agent");
        agent.put("talk_s", round(d.agentTalkS()));
        agent.put("talk_ratio", round(d.agentTalkRatio()));
        ObjectNode customer = prosody.putObject("customer");
        customer.put("talk_s", round(d.customerTalkS()));
        customer.put(
                "talk_ratio",
                round(d.agentTalkS() + d.customerTalkS() > 0 ? 1 - d.agentTalkRatio() : 0));
        prosody.put("silence_ratio", round(d.silenceRatio()));
        prosody.put("longest_silence_s", round(d.longestDeadAirS()));
        prosody.put("overtalk_s", round(d.overtalkS()));
        prosody.put("interruptions", d.interruptions().size());

        ArrayNode deadAir = doc.putArray("dead_air");
        for (SpeechSegment s : d.deadAir()) {
            deadAir.addObject().put("start", round(s.start())).put("end", round(s.end()));
        }

        doc.put("utterance_count", t.utterances().size());
        ArrayNode us = doc.putArray("utterances");
        for (Utterance u : t.utterances()) {
            us.addObject()
                    .put("speaker", u.speaker().id())
                    .put("start", round(u.start()))
                    .put("end", round(u.end()));
        }
        try {
            return new CallDocument(t.callId(), mapper.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<SpeechSegment> segments(CallTranscript t, Speaker speaker) {
        return t.utterances().stream()
                .filter(u -> u.speaker() == speaker)
                .map(u -> new SpeechSegment(u.start(), u.end()))
                .toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

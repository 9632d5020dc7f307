package io.callqa.pipeline.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.DynamicsSettings;
import io.callqa.audio.dynamics.SpeechSegment;
import io.callqa.pipeline.analysis.AudioSignals;
import io.callqa.rules.classify.CallClassifier;
import io.callqa.rules.engine.Alert;
import io.callqa.rules.engine.AnalysisJson;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.CallAnalyzer;
import io.callqa.rules.engine.CallSignals;
import io.callqa.rules.engine.LiveAlerts;
import io.callqa.rules.engine.RuleResult;
import io.callqa.rules.engine.TimeSpan;
import io.callqa.rules.engine.UtteranceEmotion;
import io.callqa.rules.pack.Metric;
import io.callqa.rules.pack.Rule;
import io.callqa.rules.pack.RuleCheck;
import io.callqa.rules.pack.RuleKind;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackException;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.pii.PiiRedactor;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code callqa-calls} document of a call: the full analysis of qa-rules (redacted
 * utterances, QA results with evidence, summary, keywords, PII found, alerts; the same shape {@code
 * callqa analyze} prints) plus what the pipeline adds (metadata, source, turn-taking).
 *
 * <p>PII is redacted by the analysis before anything is put into the document, so no unredacted
 * transcript text reaches the index.
 */
public final class CallDocumentBuilder {

    private static final PiiRedactor METADATA_REDACTOR = new PiiRedactor();

    private final ObjectMapper mapper = new ObjectMapper();
    private final DynamicsSettings dynamicsSettings;
    private final RulePackLoader packs = new RulePackLoader();
    private final Map<String, RulePack> bundled = new HashMap<>();
    private final Map<String, CallAnalyzer> analyzers = new HashMap<>();
    private final CallClassifier classifier = CallClassifier.defaultModel();

    /** A builder scoring with the bundled pack of each call's language. */
    public CallDocumentBuilder(DynamicsSettings dynamicsSettings) {
        this.dynamicsSettings = dynamicsSettings;
    }

    /**
     * The call's recording as analysed: where it is, its hash (the audit trail points at the
     * recording) and what audio analysis measured.
     */
    public record Recording(String uri, String sha256, CallFeatures features) {}

    /** A call's document and the alerts it raised. */
    public record Built(CallDocument call, List<AlertDocument> alerts) {}

    /**
     * Builds the document of {@code t} (read from {@code transcriptUri}, hash {@code
     * transcriptSha256}) and, when not null, its analysed {@code recording}; plus one alert
     * document per alert the call raised, each carrying the call's metadata so that a floor
     * manager's view needs no join.
     */
    public Built build(
            CallTranscript t, String transcriptUri, String transcriptSha256, Recording recording) {
        return built(t, document(t, transcriptUri, transcriptSha256, recording, null, null));
    }

    /**
     * As {@link #build(CallTranscript, String, String, Recording)} for a transcript that callqa
     * made itself, naming the recognizer and model in the document ({@code asr}) for the audit.
     */
    public Built build(
            CallTranscript t,
            String transcriptUri,
            String transcriptSha256,
            Recording recording,
            String asrEngine,
            String asrModel) {
        return built(
                t, document(t, transcriptUri, transcriptSha256, recording, asrEngine, asrModel));
    }

    /**
     * Builds the document of a live call once it has ended, from its finalized utterances and what
     * was measured of each ({@code features}, null when no audio came with the words).
     *
     * @param audioUri where the call's audio came from, e.g. the topic
     * @param asrEngine {@code vosk} when the job recognized the words, {@code provided} when they
     *     came finalized on the utterances topic
     */
    public Built buildLive(
            CallTranscript t, CallFeatures features, String audioUri, String asrEngine) {
        Recording recording = features == null ? null : new Recording(audioUri, null, features);
        ObjectNode doc = document(t, audioUri, null, recording, asrEngine, null);
        ObjectNode source = (ObjectNode) doc.path("source");
        source.put("kind", "live");
        source.remove("transcript");
        return built(t, doc);
    }

    /**
     * The alerts that a live call has settled so far (see {@link LiveAlerts}), as alert documents.
     * {@code t} holds the utterances finalized so far.
     *
     * @param emotions the voice's arousal by utterance index, for the utterances that have one
     * @param heardFrom per speaker, the start of their latest finalized utterance
     */
    public List<AlertDocument> settledAlerts(
            CallTranscript t,
            Map<Integer, UtteranceEmotion> emotions,
            Map<Speaker, Double> heardFrom) {
        return settledAlerts(t, emotions, heardFrom, Optional.empty());
    }

    /**
     * As {@link #settledAlerts(CallTranscript, Map, Map)} while both parties are still silent:
     * {@code silence} is the stretch from the last voice heard to the latest audio, so a dead-air
     * rule can fail while the dead air lasts rather than once someone speaks again. Nothing said
     * later can shorten a silence that has already lasted, so such a failure is settled.
     */
    public List<AlertDocument> settledAlerts(
            CallTranscript t,
            Map<Integer, UtteranceEmotion> emotions,
            Map<Speaker, Double> heardFrom,
            Optional<TimeSpan> silence) {
        CallSignals signals = CallSignals.NONE.withEmotions(emotions);
        if (silence.isPresent()) {
            signals = signals.withOngoingSilence(t, silence.get());
        }
        CallAnalysis analysis = analyzer(t.language()).analyze(t, signals);
        List<Alert> settled = LiveAlerts.settled(analysis, heardFrom);
        if (settled.isEmpty()) {
            return List.of();
        }
        ObjectNode doc = AnalysisJson.toJson(analysis);
        List<AlertDocument> out = new ArrayList<>();
        for (JsonNode a : doc.path("alerts")) {
            String id = a.path("id").asText();
            if (settled.stream().anyMatch(x -> x.id().equals(id))) {
                out.add(new AlertDocument(id, t.callId(), write(alert(t, doc, a))));
            }
        }
        return out;
    }

    /**
     * The alert document of an alert that a live call's session settled, the same as {@link
     * #settledAlerts} makes from the analysis of the call so far.
     *
     * @param metadata the call's metadata (without its language)
     * @param speaker who said the utterance the alert concerns, or null
     * @param text that utterance's redacted text, or null
     */
    public AlertDocument liveAlert(
            String callId,
            String language,
            Optional<Instant> startedAt,
            Map<String, String> metadata,
            Alert alert,
            Speaker speaker,
            String text) {
        ObjectNode a = AnalysisJson.alert(alert);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("alert_id", alert.id());
        o.put("call_id", callId);
        startedAt.ifPresent(s -> o.put("@timestamp", at(s, a.path("t").asDouble())));
        for (String field : List.of("type", "rule_id", "severity", "utterance", "t", "message")) {
            o.set(field, a.path(field));
        }
        if (speaker != null) {
            o.put("speaker", speaker.id());
            o.put("text", text);
        }
        o.put("language", language);
        putMetadata(o, metadata);
        o.put("acknowledged", false);
        return new AlertDocument(alert.id(), callId, write(o));
    }

    /** The bundled pack of a language, the one the call document is scored with. */
    public RulePack pack(String language) {
        return bundled.computeIfAbsent(
                language,
                lang -> {
                    try {
                        return packs.loadDefault(lang);
                    } catch (RulePackException e) {
                        // The bundled packs are validated by the build; this is a broken jar.
                        throw new IllegalStateException(
                                "bundled rule pack for '"
                                        + lang
                                        + "' is invalid: "
                                        + e.getMessage(),
                                e);
                    }
                });
    }

    private Built built(CallTranscript t, ObjectNode doc) {
        List<AlertDocument> alerts = new ArrayList<>();
        for (JsonNode a : doc.path("alerts")) {
            alerts.add(
                    new AlertDocument(a.path("id").asText(), t.callId(), write(alert(t, doc, a))));
        }
        return new Built(new CallDocument(t.callId(), write(doc)), alerts);
    }

    private ObjectNode document(
            CallTranscript t,
            String transcriptUri,
            String transcriptSha256,
            Recording recording,
            String asrEngine,
            String asrModel) {
        CallAnalysis analysis =
                recording == null
                        ? analyzer(t.language()).analyze(t)
                        : analyzer(t.language())
                                .analyze(t, AudioSignals.signals(t, recording.features()));
        ObjectNode doc = AnalysisJson.toJson(analysis);
        // Classified on the redacted transcript: unredacted text never leaves the analysis.
        doc.set("category", AnalysisJson.category(classifier.classify(analysis.call())));

        t.startedAt()
                .ifPresent(
                        s -> {
                            doc.put("started_at", s.toString());
                            doc.put("ended_at", at(s, t.speechEnd()));
                        });
        putMetadata(doc, t);

        ObjectNode source = doc.putObject("source");
        if (recording == null) {
            source.put("uri", transcriptUri);
            source.put("sha256", transcriptSha256);
            source.put("kind", "transcript");
        } else {
            source.put("uri", recording.uri());
            source.put("sha256", recording.sha256());
            source.put("kind", "recording");
            ObjectNode transcript = source.putObject("transcript");
            transcript.put("uri", transcriptUri);
            transcript.put("sha256", transcriptSha256);
        }
        ObjectNode asr =
                doc.putObject("asr").put("engine", asrEngine == null ? "provided" : asrEngine);
        if (asrModel != null) {
            asr.put("model", asrModel);
        }
        doc.set("rulepack", doc.path("qa").path("rulepack").deepCopy());

        // Flat lists beside the nested results: dashboards aggregate these without nested queries.
        ObjectNode qa = (ObjectNode) doc.path("qa");
        ArrayNode failed = qa.putArray("failed_rules");
        ArrayNode failedCompliance = qa.putArray("failed_compliance_rules");
        for (RuleResult r : analysis.results()) {
            if (Boolean.FALSE.equals(r.outcome().passed())) {
                failed.add(r.rule().id());
                if (r.rule().kind() == RuleKind.COMPLIANCE) {
                    failedCompliance.add(r.rule().id());
                }
            }
        }

        if (recording == null) {
            addTurnTaking(doc, t);
        } else {
            AudioSignals.enrich(doc, t, recording.features());
            ConversationDynamics d = recording.features().dynamics();
            putDeadAir(doc, d == null ? List.of() : d.deadAir());
        }
        doc.put("utterance_count", t.utterances().size());
        return doc;
    }

    private static ObjectNode alert(CallTranscript t, ObjectNode doc, JsonNode a) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("alert_id", a.path("id").asText());
        o.put("call_id", t.callId());
        t.startedAt().ifPresent(s -> o.put("@timestamp", at(s, a.path("t").asDouble())));
        for (String field : List.of("type", "rule_id", "severity", "utterance", "t", "message")) {
            o.set(field, a.path(field));
        }
        int u = a.path("utterance").asInt(-1);
        if (u >= 0 && u < doc.path("utterances").size()) {
            o.set("speaker", doc.path("utterances").get(u).path("speaker"));
            o.set("text", doc.path("utterances").get(u).path("text"));
        }
        o.put("language", t.language());
        putMetadata(o, t);
        o.put("acknowledged", false);
        return o;
    }

    /**
     * Copies the call's metadata, redacted: a live call's start event may carry any field (a
     * caller's number, a name), and the document and the alerts are stored and sent.
     */
    private static void putMetadata(ObjectNode o, CallTranscript t) {
        putMetadata(o, t.metadata());
    }

    private static void putMetadata(ObjectNode o, Map<String, String> metadata) {
        metadata.forEach((k, v) -> o.put(k, METADATA_REDACTOR.redact(v).text()));
    }

    /** The instant {@code seconds} into a call that started at {@code start}. */
    private static String at(Instant start, double seconds) {
        return Instant.ofEpochMilli(start.toEpochMilli() + Math.round(seconds * 1000)).toString();
    }

    private String write(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putDeadAir(ObjectNode doc, List<SpeechSegment> stretches) {
        ArrayNode deadAir = doc.putArray("dead_air");
        for (SpeechSegment s : stretches) {
            deadAir.addObject().put("start", round(s.start())).put("end", round(s.end()));
        }
    }

    private void addTurnTaking(ObjectNode doc, CallTranscript t) {
        ConversationDynamics d =
                ConversationDynamics.measure(
                        segments(t, Speaker.AGENT),
                        segments(t, Speaker.CUSTOMER),
                        t.speechEnd(),
                        dynamicsSettings);
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

        putDeadAir(doc, d.deadAir());
    }

    /**
     * The shortest dead air, in seconds, on which a bundled pack raises an alert; infinite when
     * none does. A live call compares its ongoing silence with this before it runs any rule.
     */
    public double shortestDeadAirAlertS() {
        double shortest = Double.POSITIVE_INFINITY;
        for (String language : List.of("en", "ko")) {
            for (Rule rule : pack(language).rules()) {
                if (rule.alert().isPresent()
                        && rule.check() instanceof RuleCheck.Threshold th
                        && th.metric() == Metric.DEAD_AIR) {
                    shortest = Math.min(shortest, th.max());
                }
            }
        }
        return shortest;
    }

    private CallAnalyzer analyzer(String language) {
        return analyzers.computeIfAbsent(
                language,
                lang -> {
                    return new CallAnalyzer(pack(lang));
                });
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

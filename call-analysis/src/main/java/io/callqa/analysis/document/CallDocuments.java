package io.callqa.analysis.document;

import static io.callqa.analysis.document.CallFields.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.AbuseReport;
import io.callqa.analysis.AudioSignals;
import io.callqa.analysis.CallReport;
import io.callqa.analysis.Source;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.ChannelFeatures;
import io.callqa.audio.EmotionSummary;
import io.callqa.audio.Prosody;
import io.callqa.audio.UtteranceFeatures;
import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.SpeechSegment;
import io.callqa.rules.abuse.AbuseFinding;
import io.callqa.rules.classify.Classification;
import io.callqa.rules.engine.Alert;
import io.callqa.rules.engine.CallAnalysis;
import io.callqa.rules.engine.Evidence;
import io.callqa.rules.engine.RuleResult;
import io.callqa.rules.pii.PiiFinding;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only writer of callqa's documents: a {@link CallReport} becomes its call document (what the
 * job indexes into {@code callqa-calls} and {@code callqa analyze} prints) and one alert document
 * per alert. Field names come from {@link CallFields} and {@link AlertFields}; each document is
 * serialized once, here, and sent on as it is.
 */
public final class CallDocuments {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CallDocuments() {}

    /** A call's document and the alerts it raised. */
    public record Written(CallDocument call, List<AlertDocument> alerts) {}

    /**
     * The call document of {@code r} and one alert document per alert it raised, each carrying the
     * call's metadata so that a floor manager's view needs no join.
     */
    public static Written write(CallReport r) {
        List<AlertDocument> alerts = new ArrayList<>();
        for (Alert a : r.analysis().alerts()) {
            alerts.add(alert(r.call(), r.metadata(), a, null));
        }
        return new Written(call(r), alerts);
    }

    /** The call document of {@code r} alone. */
    public static CallDocument call(CallReport r) {
        return new CallDocument(r.call().callId(), json(tree(r)));
    }

    /** The call document of {@code r}, indented, as {@code callqa analyze} prints it. */
    public static String pretty(CallReport r) {
        try {
            return PRETTY.writeValueAsString(tree(r));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The alert document of {@code a}, raised by {@code call} (redacted: its utterance's speaker
     * and text go into the alert), stamped with {@code live} when it was raised while the call was
     * live.
     *
     * @param metadata the call's metadata, redacted
     * @param live when and by what the alert was raised live, or null for an alert found after the
     *     call
     */
    public static AlertDocument alert(
            CallTranscript call, Map<String, String> metadata, Alert a, LiveStamp live) {
        Integer u = a.utterance();
        Utterance said =
                u != null && u >= 0 && u < call.utterances().size()
                        ? call.utterances().get(u)
                        : null;
        return alert(
                call.callId(),
                call.language(),
                call.startedAt(),
                metadata,
                a,
                said == null ? null : said.speaker(),
                said == null ? null : said.text(),
                live);
    }

    /**
     * As {@link #alert(CallTranscript, Map, Alert, LiveStamp)} for a live call whose transcript so
     * far is not at hand: {@code speaker} and {@code text} (redacted) are those of the utterance
     * the alert concerns, or null when it concerns none.
     */
    public static AlertDocument alert(
            String callId,
            String language,
            Optional<Instant> startedAt,
            Map<String, String> metadata,
            Alert a,
            Speaker speaker,
            String text,
            LiveStamp live) {
        ObjectNode o = F.objectNode();
        o.put(AlertFields.ALERT_ID.name(), a.id());
        o.put(AlertFields.CALL_ID.name(), callId);
        Instant at = startedAt.map(s -> CallReport.at(s, round2(a.t()))).orElse(null);
        if (at != null) {
            o.put(AlertFields.TIMESTAMP.name(), at.toString());
        }
        o.put(AlertFields.TYPE.name(), a.type());
        nullable(o, AlertFields.RULE_ID.name(), a.ruleId());
        o.put(AlertFields.SEVERITY.name(), a.severity().id());
        nullable(o, AlertFields.UTTERANCE.name(), a.utterance());
        o.put(AlertFields.T.name(), round2(a.t()));
        o.put(AlertFields.MESSAGE.name(), a.message());
        if (speaker != null) {
            o.put(AlertFields.SPEAKER.name(), speaker.id());
            o.put(AlertFields.TEXT.name(), text);
        }
        o.put(AlertFields.LANGUAGE.name(), language);
        if (a.abuse() != null) {
            AbuseFinding f = a.abuse().finding();
            ObjectNode abuse = o.putObject(AlertFields.ABUSE.name());
            abuse.put(AlertFields.ABUSE_KIND.name(), f.kind().id());
            abuse.put(AlertFields.ABUSE_CONFIDENCE.name(), round3(f.confidence()));
            ArrayNode terms = abuse.putArray(AlertFields.ABUSE_EVIDENCE.name());
            f.terms().forEach(terms::add);
            abuse.put(AlertFields.ABUSE_NOTICE.name(), a.abuse().notice());
        }
        metadata.forEach(o::put);
        o.put(AlertFields.ACKNOWLEDGED.name(), false);
        if (live != null) {
            ObjectNode l = o.putObject(AlertFields.LIVE.name());
            l.put(AlertFields.LIVE_RAISED_AT.name(), live.raisedAtMillis());
            switch (live.settledBy()) {
                case UTTERANCE ->
                        l.put(AlertFields.LIVE_FINALIZED_AT.name(), live.settledAtMillis());
                case AUDIO -> l.put(AlertFields.LIVE_AUDIO_AT.name(), live.settledAtMillis());
                case CALL_END -> l.put(AlertFields.LIVE_AT_CALL_END.name(), true);
            }
        }
        return new AlertDocument(a.id(), callId, at, json(o));
    }

    /**
     * The {@code category} object of a call: {@code {label, confidence, scores {category: score}}}.
     */
    public static ObjectNode category(Classification c) {
        ObjectNode o = F.objectNode();
        o.put(CATEGORY_LABEL.name(), c.label());
        o.put(CATEGORY_CONFIDENCE.name(), round2(c.confidence()));
        ObjectNode scores = o.putObject(CATEGORY_SCORES.name());
        c.scores().forEach((k, v) -> scores.put(k, round2(v)));
        return o;
    }

    /**
     * Writes each speaker's emotion summary into {@code target}: dominant label, peak arousal and
     * when, trend, and the per-utterance timeline ({@code emotion} in the call document and in
     * {@code callqa features}).
     */
    public static void emotion(ObjectNode target, Map<String, EmotionSummary> bySpeaker) {
        for (Map.Entry<String, EmotionSummary> e : bySpeaker.entrySet()) {
            EmotionSummary s = e.getValue();
            ObjectNode o = target.putObject(e.getKey());
            o.put(DOMINANT, s.dominant().id());
            num(o, MAX_AROUSAL, s.peakArousal());
            num(o, MAX_AROUSAL_AT, s.peakAtS());
            o.put(TREND, s.trend());
            ArrayNode tl = o.putArray(TIMELINE);
            for (EmotionSummary.Point p : s.timeline()) {
                ObjectNode po = tl.addObject();
                num(po, "start", p.start());
                num(po, "end", p.end());
                num(po, "arousal", p.arousal());
                po.put("emotion", p.emotion().id());
            }
        }
    }

    private static ObjectNode tree(CallReport r) {
        CallAnalysis a = r.analysis();
        CallTranscript t = a.call();
        ObjectNode root = F.objectNode();
        root.put(CALL_ID.name(), t.callId());
        root.put(LANGUAGE.name(), t.language());
        root.put(DURATION_S.name(), round2(a.durationS()));
        putQa(root.putObject(QA.name()), r);
        putSummary(root, a);
        putPii(root.putArray(PII_FOUND.name()), a);
        putUtterances(root.putArray(UTTERANCES.name()), a);
        putAlerts(root.putArray(ALERTS.name()), a);
        root.set(CATEGORY.name(), category(r.category()));
        r.startedAt().ifPresent(s -> root.put(STARTED_AT.name(), s.toString()));
        r.endedAt().ifPresent(e -> root.put(ENDED_AT.name(), e.toString()));
        r.metadata().forEach(root::put);
        putSource(root.putObject(SOURCE.name()), r.source());
        ObjectNode asr = root.putObject(ASR.name());
        asr.put(ASR_ENGINE.name(), r.asr().engine());
        if (r.asr().model() != null) {
            asr.put(ASR_MODEL.name(), r.asr().model());
        }
        root.set(RULEPACK.name(), rulepack(a));
        if (r.audio() == null) {
            putTurnTaking(root, r.dynamics());
        } else {
            putAudio(root, t, r.audio());
        }
        putDeadAir(root, r.dynamics() == null ? List.of() : r.dynamics().deadAir());
        root.set(ASSIST.name(), AssistDocuments.report(r.assist(), a.pack()));
        putAbuse(root.putObject(ABUSE.name()), r.abuse());
        root.put(UTTERANCE_COUNT.name(), t.utterances().size());
        return root;
    }

    private static void putAbuse(ObjectNode o, AbuseReport abuse) {
        o.put(ABUSE_FLAGGED.name(), abuse.flagged());
        o.put(ABUSE_COUNT.name(), abuse.findings().size());
        ArrayNode kinds = o.putArray(ABUSE_KINDS.name());
        abuse.kinds().forEach(kinds::add);
        ArrayNode findings = o.putArray(ABUSE_FINDINGS.name());
        for (AbuseFinding f : abuse.findings()) {
            ObjectNode fo = findings.addObject();
            fo.put(ABUSE_UTTERANCE.name(), f.utterance());
            fo.put(ABUSE_T.name(), round2(f.t()));
            fo.put(ABUSE_KIND.name(), f.kind().id());
            fo.put(ABUSE_TEXT.name(), f.text());
            ArrayNode terms = fo.putArray(ABUSE_TERMS.name());
            f.terms().forEach(terms::add);
            fo.put(ABUSE_CONFIDENCE.name(), round3(f.confidence()));
        }
        o.put(ABUSE_NOTICE.name(), abuse.notice());
    }

    private static ObjectNode rulepack(CallAnalysis a) {
        ObjectNode pack = F.objectNode();
        pack.put(RULEPACK_ID.name(), a.pack().id());
        pack.put(RULEPACK_VERSION.name(), a.pack().version());
        return pack;
    }

    private static void putQa(ObjectNode qa, CallReport r) {
        CallAnalysis a = r.analysis();
        qa.put(QA_SCORE.name(), a.scorecard().score());
        qa.put(QA_COMPLIANCE_PASSED.name(), a.scorecard().compliancePassed());
        qa.set(QA_RULEPACK.name(), rulepack(a));
        ArrayNode results = qa.putArray(QA_RESULTS.name());
        for (RuleResult res : a.results()) {
            ObjectNode o = results.addObject();
            o.put(RESULT_RULE_ID.name(), res.rule().id());
            o.put(RESULT_DESCRIPTION.name(), res.rule().description());
            o.put(RESULT_KIND.name(), res.rule().kind().id());
            o.put(RESULT_SEVERITY.name(), res.rule().severity().id());
            o.put(RESULT_WEIGHT.name(), res.rule().weight());
            nullable(o, RESULT_PASSED.name(), res.outcome().passed());
            o.put(RESULT_NOTE.name(), res.note());
            ArrayNode ev = o.putArray(RESULT_EVIDENCE.name());
            for (Evidence e : res.evidence()) {
                ObjectNode eo = ev.addObject();
                nullable(eo, EVIDENCE_UTTERANCE.name(), e.utterance());
                eo.put(EVIDENCE_T.name(), round2(e.t()));
                eo.put(EVIDENCE_TEXT.name(), e.text());
                if (e.matched() != null) {
                    eo.put(EVIDENCE_MATCHED.name(), e.matched());
                }
                if (e.strength() != null) {
                    eo.put(EVIDENCE_STRENGTH.name(), round2(e.strength()));
                }
                if (e.confidence() != null) {
                    eo.put(EVIDENCE_CONFIDENCE.name(), round2(e.confidence()));
                }
                if (e.act() != null) {
                    eo.put(EVIDENCE_ACT.name(), e.act());
                }
            }
        }
        ArrayNode explanation = qa.putArray(QA_EXPLANATION.name());
        a.scorecard().explanation().forEach(explanation::add);
        // Flat lists beside the nested results: dashboards aggregate these without nested queries.
        ArrayNode failed = qa.putArray(QA_FAILED_RULES.name());
        r.failedRules().forEach(failed::add);
        ArrayNode failedCompliance = qa.putArray(QA_FAILED_COMPLIANCE_RULES.name());
        r.failedComplianceRules().forEach(failedCompliance::add);
    }

    private static void putSummary(ObjectNode root, CallAnalysis a) {
        root.put(SUMMARY.name(), a.summary().text());
        ObjectNode parts = root.putObject(SUMMARY_PARTS.name());
        parts.put(SUMMARY_REASON.name(), a.summary().reason());
        parts.put(SUMMARY_ACTION.name(), a.summary().action());
        parts.put(SUMMARY_OUTCOME.name(), a.summary().outcome());
        parts.put(SUMMARY_NEXT_STEP.name(), a.summary().nextStep());
        ArrayNode keywords = root.putArray(KEYWORDS.name());
        a.summary().keywords().forEach(keywords::add);
    }

    private static void putPii(ArrayNode pii, CallAnalysis a) {
        for (PiiFinding f : a.pii()) {
            ObjectNode o = pii.addObject();
            o.put(PII_TYPE.name(), f.type().id());
            o.put(PII_UTTERANCE.name(), f.utterance());
            o.put(PII_SPEAKER.name(), f.speaker().id());
        }
    }

    private static void putUtterances(ArrayNode us, CallAnalysis a) {
        for (int i = 0; i < a.call().utterances().size(); i++) {
            Utterance u = a.call().utterances().get(i);
            ObjectNode o = us.addObject();
            o.put(UTTERANCE_SPEAKER.name(), u.speaker().id());
            o.put(UTTERANCE_START.name(), u.start());
            o.put(UTTERANCE_END.name(), u.end());
            o.put(UTTERANCE_TEXT.name(), u.text());
            u.meanConfidence().ifPresent(c -> o.put(UTTERANCE_CONFIDENCE.name(), round2(c)));
            // The redactor drops or masks the words of what it redacts, so these are safe to show.
            if (!u.words().isEmpty()) {
                ArrayNode ws = o.putArray(UTTERANCE_WORDS.name());
                for (Word w : u.words()) {
                    ws.addObject()
                            .put(WORD_W.name(), w.w())
                            .put(WORD_START.name(), w.start())
                            .put(WORD_END.name(), w.end())
                            .put(WORD_CONF.name(), round2(w.conf()));
                }
            }
            o.put(UTTERANCE_AGITATED.name(), a.agitated().contains(i));
        }
    }

    private static void putAlerts(ArrayNode alerts, CallAnalysis a) {
        for (Alert al : a.alerts()) {
            ObjectNode o = alerts.addObject();
            o.put(ALERT_ID.name(), al.id());
            o.put(ALERT_TYPE.name(), al.type());
            nullable(o, ALERT_RULE_ID.name(), al.ruleId());
            o.put(ALERT_SEVERITY.name(), al.severity().id());
            nullable(o, ALERT_UTTERANCE.name(), al.utterance());
            o.put(ALERT_T.name(), round2(al.t()));
            o.put(ALERT_MESSAGE.name(), al.message());
        }
    }

    private static void putSource(ObjectNode o, Source s) {
        o.put(SOURCE_URI.name(), s.uri());
        o.put(SOURCE_SHA256.name(), s.sha256());
        o.put(SOURCE_KIND.name(), s.kind());
        if (s.transcriptUri() != null) {
            ObjectNode transcript = o.putObject(SOURCE_TRANSCRIPT.name());
            transcript.put(SOURCE_TRANSCRIPT_URI.name(), s.transcriptUri());
            transcript.put(SOURCE_TRANSCRIPT_SHA256.name(), s.transcriptSha256());
        }
    }

    /** Turn-taking measured from the utterance timings, for a call without a recording. */
    private static void putTurnTaking(ObjectNode root, ConversationDynamics d) {
        ObjectNode prosody = root.putObject(PROSODY.name());
        ObjectNode agent = prosody.putObject(PROSODY_AGENT.name());
        agent.put(TALK_S, round3(d.agentTalkS()));
        agent.put(TALK_RATIO, round3(d.agentTalkRatio()));
        ObjectNode customer = prosody.putObject(PROSODY_CUSTOMER.name());
        customer.put(TALK_S, round3(d.customerTalkS()));
        customer.put(
                TALK_RATIO,
                round3(d.agentTalkS() + d.customerTalkS() > 0 ? 1 - d.agentTalkRatio() : 0));
        prosody.put(PROSODY_SILENCE_RATIO.name(), round3(d.silenceRatio()));
        prosody.put(PROSODY_LONGEST_SILENCE_S.name(), round3(d.longestDeadAirS()));
        prosody.put(PROSODY_OVERTALK_S.name(), round3(d.overtalkS()));
        prosody.put(PROSODY_INTERRUPTIONS.name(), d.interruptions().size());
    }

    /**
     * What the recording showed: {@code prosody} per speaker, {@code emotion} per speaker, and each
     * utterance's emotion, arousal, pitch and energy.
     */
    private static void putAudio(ObjectNode root, CallTranscript t, CallFeatures f) {
        ObjectNode prosody = root.putObject(PROSODY.name());
        for (Map.Entry<String, ChannelFeatures> e : f.channels().entrySet()) {
            Prosody p = e.getValue().prosody();
            ObjectNode o = prosody.putObject(e.getKey());
            num(o, PITCH_MEAN_HZ, p.pitchMeanHz());
            num(o, PITCH_MEDIAN_HZ, p.pitchMedianHz());
            num(o, PITCH_SD_ST, p.pitchSdSt());
            num(o, PITCH_RANGE_ST, p.pitchRangeSt());
            num(o, ENERGY_DBFS, p.energyMeanDbfs());
        }
        ConversationDynamics d = f.dynamics();
        if (d != null) {
            num(prosody, PROSODY_SILENCE_RATIO.name(), d.silenceRatio());
            num(prosody, PROSODY_LONGEST_SILENCE_S.name(), d.longestDeadAirS());
            num(prosody, PROSODY_OVERTALK_S.name(), d.overtalkS());
            prosody.put(PROSODY_INTERRUPTIONS.name(), d.interruptions().size());
            num(prosody.withObject("/" + PROSODY_AGENT.name()), TALK_RATIO, d.agentTalkRatio());
            num(
                    prosody.withObject("/" + PROSODY_CUSTOMER.name()),
                    TALK_RATIO,
                    1 - d.agentTalkRatio());
        }
        emotion(root.putObject(EMOTION.name()), f.emotion());
        ArrayNode utterances = (ArrayNode) root.path(UTTERANCES.name());
        List<Utterance> us = t.utterances();
        for (UtteranceFeatures uf : f.utterances()) {
            int i = AudioSignals.indexOf(us, uf);
            if (i >= 0 && i < utterances.size()) {
                ObjectNode u = (ObjectNode) utterances.get(i);
                u.put(UTTERANCE_EMOTION.name(), uf.emotion().emotion().id());
                num(u, UTTERANCE_AROUSAL.name(), uf.emotion().arousal());
                num(u, UTTERANCE_PITCH_MEAN_HZ.name(), uf.prosody().pitchMeanHz());
                num(u, UTTERANCE_ENERGY_DBFS.name(), uf.prosody().energyMeanDbfs());
            }
        }
    }

    private static void putDeadAir(ObjectNode root, List<SpeechSegment> stretches) {
        ArrayNode deadAir = root.putArray(DEAD_AIR.name());
        for (SpeechSegment s : stretches) {
            deadAir.addObject()
                    .put(DEAD_AIR_START.name(), round3(s.start()))
                    .put(DEAD_AIR_END.name(), round3(s.end()));
        }
    }

    private static void nullable(ObjectNode o, String field, Object v) {
        if (v == null) {
            o.putNull(field);
        } else if (v instanceof Integer i) {
            o.put(field, i);
        } else if (v instanceof Boolean b) {
            o.put(field, b);
        } else {
            o.put(field, v.toString());
        }
    }

    private static void num(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, round3(v));
        } else {
            o.putNull(field);
        }
    }

    private static String json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

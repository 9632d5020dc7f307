package io.callqa.pipeline.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.ChannelFeatures;
import io.callqa.audio.EmotionSummary;
import io.callqa.audio.Prosody;
import io.callqa.audio.TimedUtterance;
import io.callqa.audio.UtteranceFeatures;
import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.SpeechSegment;
import io.callqa.rules.engine.CallSignals;
import io.callqa.rules.engine.TimeSpan;
import io.callqa.rules.engine.UtteranceEmotion;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Carries what audio analysis measured into the rules and the result: the two libraries know
 * nothing of each other, so the pipeline translates between them here.
 */
public final class AudioSignals {

    private AudioSignals() {}

    /** The transcript's utterances as the timings audio analysis measures prosody over. */
    public static List<TimedUtterance> timings(CallTranscript t) {
        List<TimedUtterance> out = new ArrayList<>();
        for (Utterance u : t.utterances()) {
            String text = u.text().strip();
            int words = text.isEmpty() ? 0 : text.split("\\s+").length;
            out.add(new TimedUtterance(u.speaker().id(), u.start(), u.end(), words));
        }
        return out;
    }

    /**
     * The rule signals in {@code f}: dead air, holds and talk ratios as the audio measured them,
     * and the voice's emotion for each transcript utterance (matched by its timing).
     */
    public static CallSignals signals(CallTranscript t, CallFeatures f) {
        Map<Integer, UtteranceEmotion> emotions = new HashMap<>();
        List<Utterance> us = t.utterances();
        for (UtteranceFeatures uf : f.utterances()) {
            int i = indexOf(us, uf);
            if (i >= 0) {
                emotions.put(i, new UtteranceEmotion(uf.emotion().arousal()));
            }
        }
        ConversationDynamics d = f.dynamics();
        if (d == null) {
            return CallSignals.NONE.withEmotions(emotions);
        }
        double speech = d.agentTalkS() + d.customerTalkS() - d.overtalkS();
        return new CallSignals(
                Optional.of(spans(d.deadAir())),
                Optional.of(spans(d.holds())),
                speech > 0 ? OptionalDouble.of(d.overtalkS() / speech) : OptionalDouble.empty(),
                OptionalDouble.of(d.agentTalkRatio()),
                emotions);
    }

    /**
     * Adds {@code prosody} (per speaker), {@code emotion} (per speaker: dominant, peak, trend,
     * timeline) and each utterance's {@code emotion} and {@code arousal} to an analysis result.
     */
    public static void enrich(ObjectNode result, CallTranscript t, CallFeatures f) {
        ObjectNode prosody = result.putObject("prosody");
        for (Map.Entry<String, ChannelFeatures> e : f.channels().entrySet()) {
            Prosody p = e.getValue().prosody();
            ObjectNode o = prosody.putObject(e.getKey());
            num(o, "pitch_mean_hz", p.pitchMeanHz());
            num(o, "pitch_median_hz", p.pitchMedianHz());
            num(o, "pitch_sd_st", p.pitchSdSt());
            num(o, "pitch_range_st", p.pitchRangeSt());
            num(o, "energy_dbfs", p.energyMeanDbfs());
        }
        ConversationDynamics d = f.dynamics();
        if (d != null) {
            num(prosody, "silence_ratio", d.silenceRatio());
            num(prosody, "longest_silence_s", d.longestDeadAirS());
            num(prosody, "overtalk_s", d.overtalkS());
            prosody.put("interruptions", d.interruptions().size());
            num(prosody.withObject("/agent"), "talk_ratio", d.agentTalkRatio());
            num(prosody.withObject("/customer"), "talk_ratio", 1 - d.agentTalkRatio());
        }
        emotion(result.putObject("emotion"), f.emotion());
        ArrayNode utterances = (ArrayNode) result.path("utterances");
        List<Utterance> us = t.utterances();
        for (UtteranceFeatures uf : f.utterances()) {
            int i = indexOf(us, uf);
            if (i >= 0 && i < utterances.size()) {
                ObjectNode u = (ObjectNode) utterances.get(i);
                u.put("emotion", uf.emotion().emotion().id());
                num(u, "arousal", uf.emotion().arousal());
                num(u, "pitch_mean_hz", uf.prosody().pitchMeanHz());
                num(u, "energy_dbfs", uf.prosody().energyMeanDbfs());
            }
        }
    }

    /**
     * Writes each speaker's emotion summary into {@code target}: dominant label, peak arousal and
     * when, trend, and the per-utterance timeline.
     */
    public static void emotion(ObjectNode target, Map<String, EmotionSummary> bySpeaker) {
        for (Map.Entry<String, EmotionSummary> e : bySpeaker.entrySet()) {
            EmotionSummary s = e.getValue();
            ObjectNode o = target.putObject(e.getKey());
            o.put("dominant", s.dominant().id());
            num(o, "max_arousal", s.peakArousal());
            num(o, "max_arousal_at", s.peakAtS());
            o.put("trend", s.trend());
            ArrayNode tl = o.putArray("timeline");
            for (EmotionSummary.Point p : s.timeline()) {
                ObjectNode po = tl.addObject();
                num(po, "start", p.start());
                num(po, "end", p.end());
                num(po, "arousal", p.arousal());
                po.put("emotion", p.emotion().id());
            }
        }
    }

    private static int indexOf(List<Utterance> us, UtteranceFeatures uf) {
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            if (u.speaker().id().equals(uf.speaker())
                    && Math.abs(u.start() - uf.start()) < 1e-6
                    && Math.abs(u.end() - uf.end()) < 1e-6) {
                return i;
            }
        }
        return -1;
    }

    private static List<TimeSpan> spans(List<SpeechSegment> segments) {
        return segments.stream().map(s -> new TimeSpan(s.start(), s.end())).toList();
    }

    private static void num(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, Math.round(v * 1000) / 1000.0);
        } else {
            o.putNull(field);
        }
    }
}

package io.callqa.analysis;

import io.callqa.audio.CallFeatures;
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
 * Carries what audio analysis measured into the rules: the two libraries know nothing of each
 * other, so the analysis translates between them here.
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

    /** The index of the transcript utterance that {@code uf} was measured over, or -1. */
    public static int indexOf(List<Utterance> us, UtteranceFeatures uf) {
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
}

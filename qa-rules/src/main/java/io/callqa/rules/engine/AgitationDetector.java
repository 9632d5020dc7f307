package io.callqa.rules.engine;

import io.callqa.rules.match.PhraseMatcher;
import io.callqa.rules.pack.Agitation;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which customer utterances are agitated: those that audio analysis labels agitated or
 * aroused enough, and those that contain one of the pack's text cues. Text cues keep the reaction
 * rules working on pre-transcribed calls that have no audio.
 */
public final class AgitationDetector {

    private final Agitation agitation;
    private final PhraseMatcher matcher;

    /** A detector with the pack's cues and arousal bound. */
    public AgitationDetector(Agitation agitation, PhraseMatcher matcher) {
        this.agitation = agitation;
        this.matcher = matcher;
    }

    /** Indexes of agitated customer utterances, in call order. */
    public List<Integer> agitated(CallTranscript call, CallSignals signals) {
        return agitated(new CallView(call, ActScorer.NONE, java.util.Map.of()), signals);
    }

    /** The same, on a call already prepared for matching. */
    List<Integer> agitated(CallView view, CallSignals signals) {
        CallTranscript call = view.call;
        List<Integer> out = new ArrayList<>();
        List<Utterance> us = call.utterances();
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            if (u.speaker() != Speaker.CUSTOMER) {
                continue;
            }
            UtteranceEmotion e = signals.emotions().get(i);
            // The pack's threshold decides, not the estimator's own label: how aroused counts as
            // agitated is a contact centre's policy, tuned per pack.
            boolean byVoice = e != null && e.arousal() >= agitation.minArousal();
            if (byVoice
                    || matcher.findAny(List.of(view.text(i)), agitation.phrases()).isPresent()) {
                out.add(i);
            }
        }
        return out;
    }
}

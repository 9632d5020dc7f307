package io.callqa.audio;

import io.callqa.audio.dynamics.SpeechSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds speech in a channel's {@link FrameTrack}.
 *
 * <p>Two cues must agree. Energy: the level above 200 Hz must stand {@link VadSettings#marginDb()}
 * above a noise floor that follows quiet frames at once and rises slowly, so a phone line's steady
 * hiss or rumble never becomes speech, whatever its level. Periodicity: a run of active frames must
 * contain voiced frames (F0 found by the pitch tracker), which rejects clicks, dial tones' edges
 * and bursts of noise that are loud but not voice. Short gaps are bridged, and runs closer than
 * {@link VadSettings#maxPauseS()} form one utterance.
 */
public final class VoiceActivityDetector {
    private final VadSettings settings;

    /** A detector with the given settings. */
    public VoiceActivityDetector(VadSettings settings) {
        this.settings = settings;
    }

    /** Speech runs and utterances of one channel. */
    public VoiceActivity detect(FrameTrack track) {
        int n = track.size();
        int bridge = (int) Math.round(settings.bridgeGapS() / FrameTrack.HOP_S);
        List<int[]> raw = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (!track.active(i)) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            int gap = 0;
            for (int j = i + 1; j < n; j++) {
                if (track.active(j)) {
                    end = j + 1;
                    gap = 0;
                } else if (++gap > bridge) {
                    break;
                }
            }
            raw.add(new int[] {start, end});
            i = end;
        }

        int minFrames = (int) Math.round(settings.minSpeechS() / FrameTrack.HOP_S);
        List<SpeechSegment> runs = new ArrayList<>();
        for (int[] r : raw) {
            int voiced = 0;
            for (int k = r[0]; k < r[1]; k++) {
                if (track.f0(k) > 0) {
                    voiced++;
                }
            }
            if (r[1] - r[0] >= minFrames && voiced >= settings.minVoicedFrames()) {
                runs.add(new SpeechSegment(r[0] * FrameTrack.HOP_S, r[1] * FrameTrack.HOP_S));
            }
        }

        List<SpeechSegment> utterances = new ArrayList<>();
        for (SpeechSegment r : runs) {
            int last = utterances.size() - 1;
            if (last >= 0 && r.start() - utterances.get(last).end() < settings.maxPauseS()) {
                utterances.set(last, new SpeechSegment(utterances.get(last).start(), r.end()));
            } else {
                utterances.add(r);
            }
        }
        return new VoiceActivity(runs, utterances);
    }
}

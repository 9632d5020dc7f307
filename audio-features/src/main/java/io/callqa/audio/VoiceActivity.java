package io.callqa.audio;

import io.callqa.audio.dynamics.SpeechSegment;
import java.util.List;

/**
 * Where one channel has speech.
 *
 * @param runs stretches of continuous speech (short stop-consonant gaps bridged)
 * @param utterances runs of one speaker joined across pauses shorter than {@link
 *     VadSettings#maxPauseS()}: what becomes an utterance when there is no transcript
 */
public record VoiceActivity(List<SpeechSegment> runs, List<SpeechSegment> utterances) {

    /** Makes the lists immutable. */
    public VoiceActivity {
        runs = List.copyOf(runs);
        utterances = List.copyOf(utterances);
    }

    /** Seconds of speech (sum of the runs). */
    public double speechS() {
        return runs.stream().mapToDouble(SpeechSegment::duration).sum();
    }
}

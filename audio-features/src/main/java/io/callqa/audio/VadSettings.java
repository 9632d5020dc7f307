package io.callqa.audio;

/**
 * Voice-activity settings.
 *
 * @param marginDb a frame is active when its speech-band level is this far above the tracked noise
 *     floor
 * @param absoluteFloorDb and above this level in dBFS (digital silence has no noise to track)
 * @param floorRiseDbPerS how fast the noise floor may rise; it falls at once to a quieter frame
 * @param bridgeGapS active runs separated by less than this are one run (stop consonants, the
 *     closure before a plosive)
 * @param minVoicedFrames a run needs this many voiced frames (F0 found) to count as speech: the
 *     periodicity cue that rejects clicks, line bursts and noise
 * @param minSpeechS shorter runs are dropped
 * @param maxPauseS runs of one speaker closer than this form one utterance; the gaps between them
 *     are that speaker's pauses
 * @param minPauseS gaps inside an utterance shorter than this are not counted as pauses
 */
public record VadSettings(
        double marginDb,
        double absoluteFloorDb,
        double floorRiseDbPerS,
        double bridgeGapS,
        int minVoicedFrames,
        double minSpeechS,
        double maxPauseS,
        double minPauseS) {

    /** Defaults tuned for 8 kHz telephone speech. */
    public static final VadSettings DEFAULTS =
            new VadSettings(12, -60, 1.0, 0.12, 4, 0.08, 0.6, 0.15);

    /** Rejects nonsensical values. */
    public VadSettings {
        if (marginDb < 0 || floorRiseDbPerS <= 0 || bridgeGapS < 0 || minVoicedFrames < 0) {
            throw new IllegalArgumentException("invalid VAD settings");
        }
        if (minSpeechS < 0 || maxPauseS < bridgeGapS || minPauseS < 0) {
            throw new IllegalArgumentException("invalid VAD durations");
        }
    }
}

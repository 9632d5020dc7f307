package io.callqa.audio;

/**
 * Prosodic measures of a stretch of one speaker's speech (an utterance, or the whole channel).
 * Values that cannot be measured (no voiced frame, no speech) are NaN.
 *
 * @param pitchMeanHz mean F0 over voiced frames
 * @param pitchMedianHz median F0
 * @param pitchRelSt median F0 in semitones against the speaker's own median over the call
 * @param pitchSdSt standard deviation of F0 in semitones
 * @param pitchRangeSt 10th to 90th percentile of F0, in semitones (robust to octave errors)
 * @param pitchSlopeStPerS least-squares slope of F0 in semitones per second
 * @param voicedShare share of speech frames with an F0
 * @param energyMeanDbfs power mean of the speech frames' RMS level, dBFS
 * @param energyPeakDbfs loudest 10 ms frame, dBFS
 * @param energySdDb standard deviation of the frame level over speech frames, dB: loudness
 *     variability
 * @param hfRatioDb energy above 1 kHz over energy above 200 Hz, dB: spectral tilt
 * @param syllablesPerS syllable nuclei (intensity peaks on voiced frames) per second of the span
 * @param wordsPerMin words per minute from the transcript, NaN without one
 * @param pauses within-speaker pauses (silent gaps inside the speaker's utterances)
 * @param pauseMeanS mean pause length, 0 if none
 * @param longestPauseS longest pause, 0 if none
 * @param speechS seconds of detected speech in the span
 */
public record Prosody(
        double pitchMeanHz,
        double pitchMedianHz,
        double pitchRelSt,
        double pitchSdSt,
        double pitchRangeSt,
        double pitchSlopeStPerS,
        double voicedShare,
        double energyMeanDbfs,
        double energyPeakDbfs,
        double energySdDb,
        double hfRatioDb,
        double syllablesPerS,
        double wordsPerMin,
        int pauses,
        double pauseMeanS,
        double longestPauseS,
        double speechS) {}

package io.callqa.audio;

/**
 * Features of one utterance: from the transcript's timings when there is one, otherwise one
 * utterance per voice-activity segment.
 *
 * @param speaker the speaker (channel name)
 * @param start seconds from the start of the recording
 * @param end seconds from the start of the recording
 * @param prosody its pitch, energy, tilt, rate and pauses
 * @param emotion its arousal and label
 */
public record UtteranceFeatures(
        String speaker, double start, double end, Prosody prosody, EmotionEstimate emotion) {}

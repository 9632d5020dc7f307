package io.callqa.audio;

import java.util.List;

/**
 * How one speaker's arousal developed over the call.
 *
 * @param timeline one point per utterance, in time order
 * @param dominant the most frequent label
 * @param peakArousal highest utterance arousal (NaN without measurable speech)
 * @param peakAtS start of the utterance with the highest arousal
 * @param trend {@code calmer}, {@code angrier} or {@code steady}: the last third of the speaker's
 *     utterances against the first third
 */
public record EmotionSummary(
        List<Point> timeline, Emotion dominant, double peakArousal, double peakAtS, String trend) {

    /** One utterance on the timeline. */
    public record Point(double start, double end, double arousal, Emotion emotion) {}

    /** Makes the list immutable. */
    public EmotionSummary {
        timeline = List.copyOf(timeline);
    }
}

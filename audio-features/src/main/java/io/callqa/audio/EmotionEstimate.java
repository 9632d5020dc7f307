package io.callqa.audio;

/**
 * Arousal of one utterance.
 *
 * @param arousal combined arousal, in standard-deviation units (0 = ordinary speech)
 * @param populationArousal arousal against the population reference
 * @param speakerArousal arousal against the speaker's own baseline in the same call
 * @param emotion label
 * @param confidence 0.5 on a label boundary, towards 1 far from it
 */
public record EmotionEstimate(
        double arousal,
        double populationArousal,
        double speakerArousal,
        Emotion emotion,
        double confidence) {}

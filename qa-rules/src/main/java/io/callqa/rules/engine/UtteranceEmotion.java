package io.callqa.rules.engine;

/**
 * Emotion of one utterance as estimated from the voice by audio analysis.
 *
 * @param agitated whether the speaker sounds agitated (angry, upset)
 * @param arousal activation from 0 (calm) to 1 (highly aroused)
 */
public record UtteranceEmotion(boolean agitated, double arousal) {}

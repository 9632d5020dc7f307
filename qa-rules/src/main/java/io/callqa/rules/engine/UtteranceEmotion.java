package io.callqa.rules.engine;

/**
 * Emotion of one utterance as estimated from the voice by audio analysis. Whether it counts as
 * agitated is decided by the rule pack's {@code agitation.min_arousal}, not here.
 *
 * @param arousal activation from 0 (calm) to 1 (highly aroused)
 */
public record UtteranceEmotion(double arousal) {}

package io.callqa.rules.engine;

/**
 * Emotion of one utterance as estimated from the voice by audio analysis. Whether it counts as
 * agitated is decided by the rule pack's {@code agitation.min_arousal}, not here.
 *
 * @param arousal activation in standard deviations above ordinary speech: 0 is ordinary, about 0.5
 *     and up is raised, negative is subdued
 */
public record UtteranceEmotion(double arousal) {}

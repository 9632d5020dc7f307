package io.callqa.rules.engine;

/**
 * What a rule result rests on.
 *
 * @param utterance 0-based utterance index, or null for call-level evidence (e.g. a silence)
 * @param t seconds from the start of the call
 * @param text the (redacted) utterance text, or a description of call-level evidence
 * @param matched the stretch that matched a phrase, or null
 */
public record Evidence(Integer utterance, double t, String text, String matched) {}

package io.callqa.rules.pii;

import io.callqa.rules.transcript.Speaker;

/**
 * Sensitive data found in a call. Carries where it was, never the data itself.
 *
 * @param type what kind of data
 * @param utterance 0-based index of the utterance
 * @param speaker who said it
 */
public record PiiFinding(PiiType type, int utterance, Speaker speaker) {}

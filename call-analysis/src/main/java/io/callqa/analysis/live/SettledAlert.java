package io.callqa.analysis.live;

import io.callqa.rules.engine.Alert;
import io.callqa.rules.transcript.Speaker;

/**
 * An alert of a live call that nothing said later can withdraw, with what its alert document shows
 * of the utterance it concerns.
 *
 * @param alert the alert, with the id, utterance and time it also has in the call document
 * @param speaker who said the utterance it concerns, or null when it concerns none
 * @param text that utterance's redacted text, or null when it concerns none
 */
public record SettledAlert(Alert alert, Speaker speaker, String text) {}

package io.callqa.rules.engine;

/**
 * What a rule result rests on.
 *
 * @param utterance 0-based utterance index, or null for call-level evidence (e.g. a silence)
 * @param t seconds from the start of the call
 * @param text the (redacted) utterance text, or a description of call-level evidence
 * @param matched the stretch that matched a phrase, or null
 * @param strength how strongly the evidence holds, 0 to 1 (the share of a phrase's words found and
 *     how closely they matched, or the dialogue-act classifier's confidence), or null when the
 *     evidence is not a match (a silence, a measured ratio)
 * @param confidence the recognizer's mean confidence in the words of the evidence, or null when the
 *     transcript carries no confidences
 * @param act the dialogue act that the evidence shows (e.g. {@code offer-help}), or null when it
 *     rests on phrases alone
 */
public record Evidence(
        Integer utterance,
        double t,
        String text,
        String matched,
        Double strength,
        Double confidence,
        String act) {

    /** Evidence without match strength, confidence or dialogue act. */
    public Evidence(Integer utterance, double t, String text, String matched) {
        this(utterance, t, text, matched, null, null, null);
    }
}

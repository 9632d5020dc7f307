package io.callqa.rules.abuse;

import java.util.List;
import java.util.Objects;

/**
 * Abuse found in one customer utterance.
 *
 * @param utterance index of the utterance in the call ({@code -1} when inspected on its own)
 * @param t start of the utterance, in seconds from the start of the call
 * @param kind what kind of abuse
 * @param confidence how sure the detector is, 0..1
 * @param evidence what gave it away, for display: matched terms masked ("f***", "씨*"), or for a
 *     finding of the classifier alone, the words that weighed most (lexicon words masked)
 */
public record AbuseFinding(
        int utterance, double t, AbuseKind kind, double confidence, List<String> evidence) {

    /** Checks the fields and copies the evidence. */
    public AbuseFinding {
        Objects.requireNonNull(kind, "kind");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in 0..1, got " + confidence);
        }
        evidence = List.copyOf(evidence);
    }

    /** The same finding placed at utterance {@code index} of a call. */
    AbuseFinding at(int index) {
        return new AbuseFinding(index, t, kind, confidence, evidence);
    }
}

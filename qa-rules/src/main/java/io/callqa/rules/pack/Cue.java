package io.callqa.rules.pack;

import java.util.List;

/**
 * What shows that something was said: any of the phrases, or (when the pack names one) an utterance
 * that the dialogue-act classifier tags with one of the acts at {@code minConfidence} or more.
 * Either is enough; a cue with acts may have no phrases.
 *
 * @param phrases alternative phrasings, possibly with {@code {variable}} placeholders
 * @param acts dialogue-act ids such as {@code offer-help}; empty for phrases alone
 * @param minConfidence the classifier confidence (0-1) from which an act counts
 */
public record Cue(List<String> phrases, List<String> acts, double minConfidence) {

    /** Classifier confidence an act needs when the pack does not set {@code min_confidence}. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.6;

    /** Copies the lists. */
    public Cue {
        phrases = List.copyOf(phrases);
        acts = List.copyOf(acts);
    }

    /** A cue of phrases alone. */
    public static Cue of(List<String> phrases) {
        return new Cue(phrases, List.of(), DEFAULT_MIN_CONFIDENCE);
    }

    /** How the cue reads in a note: its first phrase, or its first act. */
    public String label() {
        return phrases.isEmpty() ? "act " + acts.get(0) : phrases.get(0);
    }
}

package io.callqa.rules.match;

/**
 * How tolerant phrase matching is.
 *
 * @param fuzzyThreshold minimum similarity (0.5-1.0) for a spoken word to count as a phrase word;
 *     1.0 means exact after normalization and stemming
 * @param maxGap how many extra words (English) may sit between two phrase words, for fillers and
 *     small paraphrases; Korean uses three syllables per gap word
 */
public record MatchSettings(double fuzzyThreshold, int maxGap) {

    /** Defaults that absorb typical ASR slips without matching unrelated words. */
    public static final MatchSettings DEFAULTS = new MatchSettings(0.8, 2);

    /** Checks the ranges the rule-pack loader also enforces. */
    public MatchSettings {
        if (!(fuzzyThreshold >= 0.5 && fuzzyThreshold <= 1.0)) {
            throw new IllegalArgumentException("fuzzyThreshold must be within 0.5..1.0");
        }
        if (maxGap < 0 || maxGap > 10) {
            throw new IllegalArgumentException("maxGap must be within 0..10");
        }
    }

    /** The same settings with another fuzzy threshold. */
    public MatchSettings withFuzzyThreshold(double threshold) {
        return new MatchSettings(threshold, maxGap);
    }
}

package io.callqa.rules.match;

/**
 * How tolerant phrase matching is.
 *
 * @param fuzzyThreshold minimum similarity (0.5-1.0) for a spoken word to count as a phrase word;
 *     1.0 means exact after normalization and stemming (and turns phonetic matching off)
 * @param maxGap how many extra words (English) may sit between two phrase words, for fillers and
 *     small paraphrases; Korean uses three syllables per gap word
 * @param minShare share of a phrase's words (0.5-1.0) that must be found, in order, for it to
 *     match; 1.0 needs every word. Below 1.0 a dropped or misheard word does not lose the match
 * @param minWords content words (not "the", "to", "you", ...) a partial match must still contain,
 *     so that a short phrase never matches on its function words
 * @param joinWithin consecutive utterances of one speaker that start within this many seconds of
 *     the previous one's end are matched as one stream, so a phrase cut at a pause still matches; 0
 *     matches each utterance alone
 */
public record MatchSettings(
        double fuzzyThreshold, int maxGap, double minShare, int minWords, double joinWithin) {

    /** Defaults that absorb typical ASR slips without matching unrelated words. */
    public static final MatchSettings DEFAULTS = new MatchSettings(0.8, 2);

    /** Share, content words and stream joining that a pack gets when it does not set them. */
    public static final double DEFAULT_MIN_SHARE = 1.0;

    /** Content words a partial match needs when the pack does not say. */
    public static final int DEFAULT_MIN_WORDS = 2;

    /** Stream joining when the pack does not say, in seconds. */
    public static final double DEFAULT_JOIN_WITHIN = 3.0;

    /** Checks the ranges the rule-pack loader also enforces. */
    public MatchSettings {
        if (!(fuzzyThreshold >= 0.5 && fuzzyThreshold <= 1.0)) {
            throw new IllegalArgumentException("fuzzyThreshold must be within 0.5..1.0");
        }
        if (maxGap < 0 || maxGap > 10) {
            throw new IllegalArgumentException("maxGap must be within 0..10");
        }
        if (!(minShare >= 0.5 && minShare <= 1.0)) {
            throw new IllegalArgumentException("minShare must be within 0.5..1.0");
        }
        if (minWords < 1 || minWords > 10) {
            throw new IllegalArgumentException("minWords must be within 1..10");
        }
        if (!(joinWithin >= 0 && joinWithin <= 30)) {
            throw new IllegalArgumentException("joinWithin must be within 0..30 s");
        }
    }

    /** Settings that need every phrase word, with the default stream joining. */
    public MatchSettings(double fuzzyThreshold, int maxGap) {
        this(fuzzyThreshold, maxGap, DEFAULT_MIN_SHARE, DEFAULT_MIN_WORDS, DEFAULT_JOIN_WITHIN);
    }

    /** The same settings with another fuzzy threshold. */
    public MatchSettings withFuzzyThreshold(double threshold) {
        return new MatchSettings(threshold, maxGap, minShare, minWords, joinWithin);
    }

    /** The same settings with another share of phrase words. */
    public MatchSettings withMinShare(double share) {
        return new MatchSettings(fuzzyThreshold, maxGap, share, minWords, joinWithin);
    }
}

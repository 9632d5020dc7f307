package io.callqa.rules.pack;

import java.util.List;

/**
 * How a pack recognises an agitated customer: text cues in the pack's language, and the arousal
 * above which a prosodic emotion estimate counts as agitated.
 *
 * @param phrases cue phrases ("this is ridiculous", "말이 돼요")
 * @param minArousal voice arousal, in standard deviations above ordinary speech (the unit audio
 *     analysis reports), from which an utterance counts as agitated
 */
public record Agitation(List<String> phrases, double minArousal) {

    /** Default arousal bound when a pack does not set one. */
    public static final double DEFAULT_MIN_AROUSAL = 0.7;

    /** Copies the list. */
    public Agitation {
        phrases = List.copyOf(phrases);
    }
}

package io.callqa.rules.pii;

import java.util.List;

/**
 * A number assembled from consecutive words, possibly across utterances and speakers.
 *
 * @param digits the digits, in order
 * @param groups lengths of the groups the digits were said or written in
 * @param first index of its first token
 * @param last index of its last token
 * @param pieces the stretch of each utterance it covers
 * @param quantity read as an amount (hundred, thousand, 만, 천)
 * @param grouped read at least partly in pairs or teens ("forty five", "nineteen")
 * @param dated holds a month, an ordinal or a Korean date part
 */
record NumberRun(
        String digits,
        List<Integer> groups,
        int first,
        int last,
        List<Span> pieces,
        boolean quantity,
        boolean grouped,
        boolean dated) {

    /** The same stretches with a type. */
    List<Span> as(PiiType type) {
        return pieces.stream().map(p -> new Span(p.utterance(), p.start(), p.end(), type)).toList();
    }
}

package io.callqa.rules.match;

import java.util.List;

/**
 * Where a phrase was found in a text or a stream of utterances.
 *
 * @param phrase the alternative phrasing that matched, as written in the pack (variables filled in)
 * @param part index, in the stream, of the utterance where the match starts (0 for a single text)
 * @param start offset of the first matched character in that utterance's text
 * @param end offset after the last matched character, in the text of the utterance where the match
 *     ends
 * @param matched the matched stretch of the original text (across utterances joined by a space)
 * @param strength how strongly it matched, 0 to 1: the phrase words found, each weighted by how
 *     closely it matched, over all the phrase's words
 * @param words the recognizer words of the match, as (part, index of the whitespace-separated word
 *     in that utterance's text)
 */
public record PhraseMatch(
        String phrase,
        int part,
        int start,
        int end,
        String matched,
        double strength,
        List<WordRef> words) {

    /** Copies the list. */
    public PhraseMatch {
        words = List.copyOf(words);
    }

    /** An exact match in a single text. */
    public PhraseMatch(String phrase, int start, int end, String matched) {
        this(phrase, 0, start, end, matched, 1.0, List.of());
    }

    /** One recognizer word: the stream part it is in and its index among that text's words. */
    public record WordRef(int part, int word) {}
}

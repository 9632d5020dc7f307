package io.callqa.rules.match;

/**
 * Where a phrase was found in a text.
 *
 * @param phrase the alternative phrasing that matched, as written in the pack
 * @param start offset of the first matched character in the text
 * @param end offset after the last matched character
 * @param matched the matched stretch of the text
 */
public record PhraseMatch(String phrase, int start, int end, String matched) {}

package io.callqa.rules.pii;

/**
 * One word of the conversation, as the redactor sees it: a maximal run of letters and digits.
 *
 * @param utterance index of the utterance it is in
 * @param start offset of its first character in the utterance text
 * @param end offset just past its last character
 * @param text the word in lower case
 * @param raw the word as written
 * @param time estimated seconds from the start of the call
 * @param reading what it contributes to a number, read once
 */
record Token(
        int utterance,
        int start,
        int end,
        String text,
        String raw,
        double time,
        SpokenNumbers.Reading reading) {}

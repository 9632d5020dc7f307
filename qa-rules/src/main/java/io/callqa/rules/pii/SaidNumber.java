package io.callqa.rules.pii;

/**
 * A number the redactor has redacted, remembered so that the same number read back later ("so
 * that's four four one seven") is redacted as the same kind of data. It holds the digits: keep it
 * only where the unredacted text is kept anyway (a live call's state) and drop it with the call.
 *
 * @param digits the number's digits
 * @param type what it was redacted as
 * @param utterance index of the utterance it starts in, among the utterances redacted together
 */
public record SaidNumber(String digits, PiiType type, int utterance) {

    /** How many of the latest numbers said a read-back is compared with. */
    public static final int READ_BACK = 16;
}

package io.callqa.rules.eval;

import io.callqa.rules.transcript.CallTranscript;

/**
 * Recognizer-style variants of a call ({@link RecognizerStyle}), for the tests of other modules
 * that must hold on text like Vosk's (qa-rules' test jar).
 */
public final class RecognizerVariants {

    private static final RecognizerStyle STYLE = RecognizerStyle.withCommonWords();

    private RecognizerVariants() {}

    /**
     * The call as a recognizer would write it: lowercase, no punctuation, numbers as words,
     * utterances re-cut at pauses, and word errors at {@code wordErrors} ({@code 0}, {@code 0.10}
     * or {@code 0.25}).
     */
    public static CallTranscript recognizer(CallTranscript call, double wordErrors) {
        RecognizerStyle.Level level =
                wordErrors >= 0.25
                        ? RecognizerStyle.Level.WER25
                        : wordErrors >= 0.10
                                ? RecognizerStyle.Level.WER10
                                : RecognizerStyle.Level.RECOGNIZER;
        return STYLE.apply(call, level);
    }
}

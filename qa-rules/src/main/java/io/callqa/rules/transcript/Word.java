package io.callqa.rules.transcript;

import java.util.Objects;

/**
 * One recognized word of an utterance, as a speech recognizer (Vosk) reports it.
 *
 * @param w the word as transcribed
 * @param start seconds from the start of the recording
 * @param end seconds from the start of the recording, not before {@code start}
 * @param conf the recognizer's confidence in the word, 0 to 1
 */
public record Word(String w, double start, double end, double conf) {

    /** Checks the invariants that the transcript reader has already validated for input. */
    public Word {
        Objects.requireNonNull(w, "w");
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException(
                    "word times must satisfy 0 <= start <= end, got " + start + ".." + end);
        }
        if (!(conf >= 0 && conf <= 1)) {
            throw new IllegalArgumentException("word confidence must be in 0..1, got " + conf);
        }
    }

    /** The same word with other text (a redaction placeholder), keeping its timing. */
    public Word withText(String text) {
        return new Word(text, start, end, conf);
    }
}

package io.callqa.rules.transcript;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One turn of speech by one speaker.
 *
 * <p>Recognized speech also carries what the recognizer knows of its own words: a mean {@code
 * confidence} and the {@code words} with their timings and confidences. Written transcripts have
 * neither.
 *
 * @param speaker who spoke
 * @param start seconds from the start of the recording
 * @param end seconds from the start of the recording, not before {@code start}
 * @param text what was said, as transcribed
 * @param confidence mean word confidence (0 to 1), or null when the transcript gives none
 * @param words the recognized words in order, empty when the transcript gives none
 */
public record Utterance(
        Speaker speaker,
        double start,
        double end,
        String text,
        Double confidence,
        List<Word> words) {

    /** Checks the invariants that the transcript reader has already validated for input. */
    public Utterance {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException(
                    "utterance times must satisfy 0 <= start <= end, got " + start + ".." + end);
        }
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException(
                    "utterance confidence must be in 0..1, got " + confidence);
        }
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** An utterance of a written transcript: no confidence, no word timings. */
    public Utterance(Speaker speaker, double start, double end, String text) {
        this(speaker, start, end, text, null, List.of());
    }

    /** Length of the utterance in seconds. */
    public double duration() {
        return end - start;
    }

    /**
     * The confidence the recognizer gave this utterance: {@code confidence} when given, else the
     * mean of its words' confidences, else empty (a written transcript).
     */
    public OptionalDouble meanConfidence() {
        if (confidence != null) {
            return OptionalDouble.of(confidence);
        }
        return words.stream().mapToDouble(Word::conf).average();
    }

    /** The same utterance with other text and words (redaction), keeping times and confidence. */
    public Utterance withText(String newText, List<Word> newWords) {
        return new Utterance(speaker, start, end, newText, confidence, newWords);
    }
}

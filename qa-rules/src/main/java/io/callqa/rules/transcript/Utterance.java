package io.callqa.rules.transcript;

import java.util.Objects;

/**
 * One turn of speech by one speaker.
 *
 * @param speaker who spoke
 * @param start seconds from the start of the recording
 * @param end seconds from the start of the recording, not before {@code start}
 * @param text what was said, as transcribed
 */
public record Utterance(Speaker speaker, double start, double end, String text) {

    /** Checks the invariants that the transcript reader has already validated for input. */
    public Utterance {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException(
                    "utterance times must satisfy 0 <= start <= end, got " + start + ".." + end);
        }
    }

    /** Length of the utterance in seconds. */
    public double duration() {
        return end - start;
    }
}

package io.callqa.audio.dynamics;

/**
 * A stretch of time, in seconds from the start of the recording, during which one party speaks.
 * Comes from voice activity on a channel or from a transcript's utterance timings.
 */
public record SpeechSegment(double start, double end) {

    /** Rejects negative, inverted or non-finite times. */
    public SpeechSegment {
        if (!Double.isFinite(start) || !Double.isFinite(end) || start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "a speech segment needs 0 <= start <= end, got " + start + ".." + end);
        }
    }

    /** Length in seconds. */
    public double duration() {
        return end - start;
    }
}

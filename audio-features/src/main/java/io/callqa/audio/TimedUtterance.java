package io.callqa.audio;

/**
 * An utterance from a transcript, as far as audio analysis needs it.
 *
 * @param speaker the speaker, matching a channel name (for example {@code agent})
 * @param start seconds from the start of the recording
 * @param end seconds from the start of the recording
 * @param words number of words spoken, or -1 when unknown (then no words-per-minute)
 */
public record TimedUtterance(String speaker, double start, double end, int words) {

    /** Rejects impossible times. */
    public TimedUtterance {
        if (speaker == null || !(start >= 0 && end >= start && Double.isFinite(end))) {
            throw new IllegalArgumentException(
                    "an utterance needs a speaker and 0 <= start <= end, got "
                            + speaker
                            + " "
                            + start
                            + ".."
                            + end);
        }
    }
}

package io.callqa.analysis.document;

/**
 * When a live alert was raised and what settled it, written into the alert's {@code live} object,
 * so that whoever consumes the alert can measure its latency: an utterance (when it was finalized),
 * the call's audio (when the chunk that showed a silence had lasted too long was produced) or
 * neither, the end of the call.
 *
 * @param raisedAtMillis processing time at which the operator raised the alert
 * @param settledBy what settled it
 * @param settledAtMillis when the utterance was finalized or the audio produced; ignored for the
 *     end of the call
 */
public record LiveStamp(long raisedAtMillis, SettledBy settledBy, long settledAtMillis) {

    /** What settled a live alert. */
    public enum SettledBy {
        /** A finalized utterance. */
        UTTERANCE,
        /** The call's audio, for a silence that lasted too long. */
        AUDIO,
        /** Only the end of the call could decide it. */
        CALL_END
    }
}

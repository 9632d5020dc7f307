package io.callqa.pipeline.live;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the live path treats imperfect streams.
 *
 * @param idleTimeout a call with no audio or event for this long is closed
 * @param unknownCallGrace audio may arrive before its call's start event; after this long without
 *     one, the audio is rejected as belonging to an unknown call
 * @param maxPendingChunks out-of-order chunks held per channel while waiting for a missing one;
 *     past this the missing chunks are declared lost and the stream moves on
 * @param endGrace how long a call stays open after its end event for records that were sent before
 *     it but arrive after it (the topics are separate, so an end event can overtake the last audio
 *     and utterances)
 * @param audioWait how long a finalized utterance waits for the audio that covers it; after that it
 *     is taken without prosody (and the gap reported), so a stalled audio stream cannot hold back
 *     its alerts
 */
public record LiveCallSettings(
        Duration idleTimeout,
        Duration unknownCallGrace,
        int maxPendingChunks,
        Duration endGrace,
        Duration audioWait)
        implements Serializable {

    /**
     * Defaults: close after 30 s idle, 10 s grace for early audio, hold up to 50 chunks, 5 s for
     * stragglers after the end, and 2 s for an utterance's audio (live audio comes in chunks of a
     * fraction of a second, so audio 2 s late has stalled).
     */
    public static final LiveCallSettings DEFAULTS =
            new LiveCallSettings(
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(10),
                    50,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(2));

    /** Rejects settings that would close calls at once or never reorder. */
    public LiveCallSettings {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, got " + idleTimeout);
        }
        if (unknownCallGrace.isNegative() || unknownCallGrace.isZero()) {
            throw new IllegalArgumentException(
                    "unknown-call grace must be positive, got " + unknownCallGrace);
        }
        if (endGrace.isNegative()) {
            throw new IllegalArgumentException("end grace must not be negative, got " + endGrace);
        }
        if (audioWait.isNegative() || audioWait.isZero()) {
            throw new IllegalArgumentException("audio wait must be positive, got " + audioWait);
        }
        if (maxPendingChunks < 1) {
            throw new IllegalArgumentException(
                    "max pending chunks must be at least 1, got " + maxPendingChunks);
        }
    }
}

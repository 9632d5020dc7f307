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
 */
public record LiveCallSettings(
        Duration idleTimeout, Duration unknownCallGrace, int maxPendingChunks)
        implements Serializable {

    /** Defaults: close after 30 s idle, 10 s grace for early audio, hold up to 50 chunks. */
    public static final LiveCallSettings DEFAULTS =
            new LiveCallSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 50);

    /** Rejects settings that would close calls at once or never reorder. */
    public LiveCallSettings {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, got " + idleTimeout);
        }
        if (unknownCallGrace.isNegative() || unknownCallGrace.isZero()) {
            throw new IllegalArgumentException(
                    "unknown-call grace must be positive, got " + unknownCallGrace);
        }
        if (maxPendingChunks < 1) {
            throw new IllegalArgumentException(
                    "max pending chunks must be at least 1, got " + maxPendingChunks);
        }
    }
}

package io.callqa.pipeline.sink.opensearch;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for bulk retries.
 *
 * <p>The ceiling for attempt {@code n} (counting from 1) is {@code initial * 2^(n-1)}, capped at
 * {@code max}; the delay is drawn uniformly from the upper half of that ceiling ("equal jitter").
 * Keeping half of the ceiling makes the growth dependable while the random half keeps parallel
 * subtasks that failed together from retrying in lockstep against a cluster that is already
 * overloaded.
 */
public final class RetryBackoff implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long initialMillis;
    private final long maxMillis;

    /**
     * @param initial delay ceiling of the first retry; at least 1 ms
     * @param max largest delay ceiling; at least {@code initial}
     */
    public RetryBackoff(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "OpenSearch sink: initial retry backoff must be at least 1 ms, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "OpenSearch sink: max retry backoff ("
                            + max
                            + ") must not be shorter than the initial backoff ("
                            + initial
                            + ")");
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    public Duration initial() {
        return Duration.ofMillis(initialMillis);
    }

    public Duration max() {
        return Duration.ofMillis(maxMillis);
    }

    /** The ceiling for the given attempt (1 = first retry), before jitter. */
    long ceilingMillis(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, got " + attempt);
        }
        // Doubling stops as soon as the cap is reached, so large attempt counts cannot overflow.
        long ceiling = initialMillis;
        for (int i = 1; i < attempt && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, maxMillis);
    }

    /**
     * The delay for {@code attempt} given a uniform random sample {@code jitter} in [0, 1); split
     * out from {@link #delayMillis(int)} so tests can pin the randomness.
     */
    long delayMillis(int attempt, double jitter) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        long ceiling = ceilingMillis(attempt);
        long half = ceiling / 2;
        return half + (long) (jitter * (ceiling - half));
    }

    /** The delay before retry number {@code attempt} (1 = first retry), with random jitter. */
    long delayMillis(int attempt) {
        return delayMillis(attempt, ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public String toString() {
        return "RetryBackoff{initial=" + initialMillis + "ms, max=" + maxMillis + "ms}";
    }
}

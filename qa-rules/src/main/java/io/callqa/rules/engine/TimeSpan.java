package io.callqa.rules.engine;

/**
 * A stretch of the call, in seconds from the start of the recording.
 *
 * @param start where it begins
 * @param end where it ends, not before start
 */
public record TimeSpan(double start, double end) {

    /** Checks the order. */
    public TimeSpan {
        if (!(end >= start)) {
            throw new IllegalArgumentException("end before start: " + start + ".." + end);
        }
    }

    /** Length in seconds. */
    public double duration() {
        return end - start;
    }
}

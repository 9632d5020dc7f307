package io.callqa.audio.dynamics;

/**
 * Thresholds for conversation dynamics.
 *
 * @param minDeadAirS both-silent stretches shorter than this are normal turn gaps, not dead air
 * @param holdThresholdS both-silent stretches at least this long are reported as holds
 * @param minInterruptionOverlapS a party that starts talking over the other for at least this long
 *     interrupts; shorter overlaps are back-channels ("uh-huh") or turn-taking jitter
 */
public record DynamicsSettings(
        double minDeadAirS, double holdThresholdS, double minInterruptionOverlapS) {

    /** Defaults: dead air from 2 s, holds from 30 s, interruptions from 0.3 s of overlap. */
    public static final DynamicsSettings DEFAULTS = new DynamicsSettings(2.0, 30.0, 0.3);

    /** Rejects negative thresholds. */
    public DynamicsSettings {
        if (minDeadAirS < 0 || holdThresholdS < 0 || minInterruptionOverlapS < 0) {
            throw new IllegalArgumentException("dynamics thresholds must be >= 0");
        }
    }
}

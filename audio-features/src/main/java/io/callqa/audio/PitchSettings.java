package io.callqa.audio;

/**
 * Pitch tracking settings.
 *
 * @param algorithm TarsosDSP detector
 * @param minHz lowest F0 accepted; lower estimates count as unvoiced
 * @param maxHz highest F0 accepted
 * @param threshold YIN's aperiodicity threshold (lower is stricter)
 */
public record PitchSettings(Algorithm algorithm, double minHz, double maxHz, double threshold) {

    /** The TarsosDSP pitch detectors callqa supports on telephone audio. */
    public enum Algorithm {
        /** Time-domain YIN: the reference implementation, O(n^2) per frame. */
        YIN,
        /** YIN with the difference function computed by FFT: same estimates, faster. */
        FFT_YIN
    }

    /**
     * Defaults: FFT_YIN, 75-500 Hz (Praat's range for speech), threshold 0.2 (YIN's published
     * default). FFT_YIN because it gives the same F0 as YIN on the sample calls and runs faster;
     * see README "Audio features" for the measurement.
     */
    public static final PitchSettings DEFAULTS =
            new PitchSettings(Algorithm.FFT_YIN, 75, 500, 0.20);

    /** Validates the range. */
    public PitchSettings {
        if (algorithm == null || !(minHz >= 63 && minHz < maxHz && maxHz <= 1000)) {
            throw new IllegalArgumentException(
                    "pitch range must satisfy 63 <= min < max <= 1000 Hz, got "
                            + minHz
                            + ".."
                            + maxHz);
        }
    }
}

package io.callqa.audio;

import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchDetector;
import be.tarsos.dsp.pitch.Yin;

/**
 * Turns one channel's samples at the analysis rate into a {@link FrameTrack}, streaming: it keeps
 * only a 32 ms window, two filter states and the noise-floor estimate between calls.
 *
 * <p>Per 10 ms hop it measures the full-band level, the level above 200 Hz (where the noise floor
 * and activity are tracked, so mains hum and the brown/pink rumble of a phone line do not count as
 * speech), the level above 1 kHz (spectral tilt: raised vocal effort moves energy up) and F0 with
 * one TarsosDSP detector owned by this analyser. TarsosDSP returns the same mutable result object
 * on every call, so only the float is copied out. Pitch is only searched on frames above the noise
 * floor: it is most of the cost, and F0 of line noise is meaningless anyway.
 */
final class FrameAnalyzer {
    static final int HOP = (int) Math.round(AudioSource.ANALYSIS_RATE * FrameTrack.HOP_S);
    static final int WINDOW = 256;

    /**
     * Presize for at most an hour: a header (or a stream) that overstates its length must not make
     * the track reserve memory for audio that never comes; longer calls grow the track.
     */
    private static final long MAX_PRESIZE_FRAMES = 360_000;

    private static final int STARTUP_FRAMES = 300;
    private static final double STARTUP_RISE_DB_PER_S = 10;
    private static final float[] DITHER = new float[WINDOW];

    static {
        java.util.Random r = new java.util.Random(1);
        for (int k = 0; k < WINDOW; k++) {
            DITHER[k] = (float) (1e-4 * (r.nextDouble() - 0.5));
        }
    }

    private final String name;
    private final PitchSettings pitch;
    private final VadSettings vad;
    private final PitchDetector detector;
    private final FrameTrack track;
    private final float[] ring = new float[WINDOW];
    private final float[] window = new float[WINDOW];
    private final Biquad band;
    private final Biquad high;
    private int filled;
    private int ringPos;
    private int inHop;
    private double sumAll;
    private double sumBand;
    private double sumHigh;
    private double floorDb = Double.NaN;

    FrameAnalyzer(String name, PitchSettings pitch, VadSettings vad, long expectedSamples) {
        this(name, pitch, vad, expectedSamples, detectorFor(pitch));
    }

    /** With a given detector: the tests use one that fails the way TarsosDSP can. */
    FrameAnalyzer(
            String name,
            PitchSettings pitch,
            VadSettings vad,
            long expectedSamples,
            PitchDetector detector) {
        this.name = name;
        this.pitch = pitch;
        this.vad = vad;
        float rate = AudioSource.ANALYSIS_RATE;
        this.detector = detector;
        this.track = new FrameTrack((int) Math.min(MAX_PRESIZE_FRAMES, expectedSamples / HOP + 1));
        this.band = Biquad.highPass(200, rate);
        this.high = Biquad.highPass(1000, rate);
    }

    private static PitchDetector detectorFor(PitchSettings pitch) {
        float rate = AudioSource.ANALYSIS_RATE;
        return pitch.algorithm() == PitchSettings.Algorithm.YIN
                ? new Yin(rate, WINDOW, pitch.threshold())
                : new FastYin(rate, WINDOW, pitch.threshold());
    }

    /** Feeds {@code n} samples. */
    void accept(float[] x, int n) throws AudioFormatException {
        for (int i = 0; i < n; i++) {
            float s = x[i];
            ring[ringPos] = s;
            ringPos = (ringPos + 1) & (WINDOW - 1);
            if (filled < WINDOW) {
                filled++;
            }
            double b = band.filter(s);
            double h = high.filter(s);
            sumAll += s * s;
            sumBand += b * b;
            sumHigh += h * h;
            if (++inHop == HOP) {
                endFrame();
            }
        }
    }

    private void endFrame() throws AudioFormatException {
        float all = db(sumAll / HOP);
        float bandDb = db(sumBand / HOP);
        float hf = db(sumHigh / HOP);
        sumAll = sumBand = sumHigh = 0;
        inHop = 0;

        // The floor starts below any usable line and climbs quickly for the first seconds, so a
        // call that opens with speech is not taken as its own noise floor; after that it may
        // only creep up, so a long monologue does not lift it to speech level.
        if (Double.isNaN(floorDb)) {
            floorDb = vad.absoluteFloorDb() - vad.marginDb();
        }
        double rise =
                (track.size() < STARTUP_FRAMES ? STARTUP_RISE_DB_PER_S : vad.floorRiseDbPerS())
                        * FrameTrack.HOP_S;
        floorDb = bandDb < floorDb ? bandDb : floorDb + rise;
        boolean active = bandDb > Math.max(floorDb + vad.marginDb(), vad.absoluteFloorDb());

        float f0 = 0;
        if (active && filled == WINDOW) {
            f0 = detect();
        }
        track.add(all, bandDb, hf, f0, active);
    }

    private float detect() throws AudioFormatException {
        // Unroll the ring, oldest sample first, into the detector's window.
        System.arraycopy(ring, ringPos, window, 0, WINDOW - ringPos);
        System.arraycopy(ring, 0, window, WINDOW - ringPos, ringPos);
        // FastYin finds no pitch in an exactly periodic window (its FFT difference function hits
        // numerical zero): digital test tones and tones made from mu-law tables are such windows.
        // A fixed -80 dBFS dither breaks the exactness without moving any real estimate.
        for (int k = 0; k < WINDOW; k++) {
            window[k] += DITHER[k];
        }
        PitchDetectionResult r;
        try {
            r = detector.getPitch(window);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error | RuntimeException e) {
            throw new AudioFormatException(
                    name,
                    String.format(
                            "pitch detection failed at %.2f s: %s",
                            track.size() * FrameTrack.HOP_S, e),
                    e);
        }
        float hz = r.getPitch();
        if (!r.isPitched() || hz < pitch.minHz() || hz > pitch.maxHz()) {
            return 0;
        }
        return hz;
    }

    /** Bytes the frame track holds now, spare capacity included. */
    long reservedBytes() {
        return track.retainedBytes();
    }

    /** The frames measured so far; call once the stream has ended. */
    FrameTrack finish() {
        track.trim();
        return track;
    }

    private static float db(double meanSquare) {
        return (float) (10 * Math.log10(meanSquare + 1e-12));
    }

    /** A second-order Butterworth high-pass (RBJ cookbook), direct form I. */
    private static final class Biquad {
        private final double b0;
        private final double b1;
        private final double b2;
        private final double a1;
        private final double a2;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        private Biquad(double b0, double b1, double b2, double a1, double a2) {
            this.b0 = b0;
            this.b1 = b1;
            this.b2 = b2;
            this.a1 = a1;
            this.a2 = a2;
        }

        static Biquad highPass(double hz, double rate) {
            double w = 2 * Math.PI * hz / rate;
            double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
            double cos = Math.cos(w);
            double a0 = 1 + alpha;
            return new Biquad(
                    (1 + cos) / 2 / a0,
                    -(1 + cos) / a0,
                    (1 + cos) / 2 / a0,
                    -2 * cos / a0,
                    (1 - alpha) / a0);
        }

        double filter(double x) {
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            // Digital silence would decay into subnormals, which are very slow to compute.
            y1 = Math.abs(y) < 1e-25 ? 0 : y;
            return y1;
        }
    }
}

package io.callqa.audio;

/**
 * Streaming polyphase windowed-sinc sample-rate converter from a standard input rate down to the
 * analysis rate. The ratio is rational ({@code L/M} after reducing by the GCD), so each output
 * sample uses one of {@code L} precomputed filters: exact timing, no drift over a 2-hour call, and
 * memory independent of the input length.
 */
final class Resampler {
    /** Zero crossings of the sinc on each side: ~60 dB stop band with the Hann window. */
    private static final int ZERO_CROSSINGS = 8;

    /** Cut-off as a share of the output Nyquist, so the transition band ends below it. */
    private static final double CUTOFF = 0.9;

    private final int up;
    private final int down;
    private final int half;
    private final float[][] phases;
    private float[] hist;
    private int histLen;
    private long histBase;
    private long outIdx;
    private long totalIn;

    Resampler(int inRate, int outRate) {
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        if (up == down) {
            half = 0;
            phases = null;
        } else {
            double fcut = 0.5 * Math.min(1.0, (double) up / down) * CUTOFF;
            half = (int) Math.ceil(ZERO_CROSSINGS / (2 * fcut));
            phases = new float[up][2 * half];
            for (int p = 0; p < up; p++) {
                double frac = (double) p / up;
                double sum = 0;
                for (int j = -half + 1; j <= half; j++) {
                    double t = j - frac;
                    double x = 2 * fcut * t;
                    double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                    double w = Math.abs(t) >= half ? 0 : 0.5 * (1 + Math.cos(Math.PI * t / half));
                    double h = 2 * fcut * sinc * w;
                    phases[p][j + half - 1] = (float) h;
                    sum += h;
                }
                // Unity gain at DC for every phase, so levels in dBFS survive resampling.
                for (int k = 0; k < 2 * half; k++) {
                    phases[p][k] /= (float) sum;
                }
            }
            hist = new float[4 * half + 8192];
            histLen = half;
            histBase = -half;
        }
    }

    /** Whether input and output rates are equal (samples pass through unchanged). */
    boolean passThrough() {
        return phases == null;
    }

    /** Largest number of outputs {@link #process} can produce for {@code n} inputs. */
    int maxOutput(int n) {
        return (int) ((long) n * up / down) + 2;
    }

    /** Converts {@code n} input samples; returns how many were written to {@code out}. */
    int process(float[] in, int n, float[] out) {
        if (phases == null) {
            System.arraycopy(in, 0, out, 0, n);
            return n;
        }
        append(in, n);
        totalIn += n;
        return drain(out, Long.MAX_VALUE);
    }

    /** Emits the outputs still owed at the end of the input, zero-padding the tail. */
    int flush(float[] out) {
        if (phases == null) {
            return 0;
        }
        append(new float[half + 1], half + 1);
        long owed = (totalIn * up + down - 1) / down;
        return drain(out, owed);
    }

    private int drain(float[] out, long limit) {
        int n = 0;
        long available = histBase + histLen;
        while (outIdx < limit) {
            long num = outIdx * down;
            long k0 = num / up;
            if (k0 + half >= available) {
                break;
            }
            float[] h = phases[(int) (num - k0 * up)];
            int from = (int) (k0 - half + 1 - histBase);
            float acc = 0;
            for (int k = 0; k < h.length; k++) {
                acc += h[k] * hist[from + k];
            }
            out[n++] = acc;
            outIdx++;
        }
        long keepFrom = outIdx * down / up - half + 1;
        int drop = (int) Math.max(0, Math.min(histLen, keepFrom - histBase));
        if (drop > 0) {
            System.arraycopy(hist, drop, hist, 0, histLen - drop);
            histLen -= drop;
            histBase += drop;
        }
        return n;
    }

    private void append(float[] in, int n) {
        if (histLen + n > hist.length) {
            float[] bigger = new float[histLen + n + 4 * half];
            System.arraycopy(hist, 0, bigger, 0, histLen);
            hist = bigger;
        }
        System.arraycopy(in, 0, hist, histLen, n);
        histLen += n;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

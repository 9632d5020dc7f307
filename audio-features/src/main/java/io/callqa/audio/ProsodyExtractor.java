package io.callqa.audio;

import io.callqa.audio.dynamics.SpeechSegment;
import java.util.Arrays;
import java.util.List;

/**
 * Measures {@link Prosody} over spans of a channel's {@link FrameTrack}: pitch statistics in
 * semitones against the speaker's own median (so a deep and a high voice are compared on the same
 * scale), energy, spectral tilt, speaking rate and pauses.
 *
 * <p>Speaking rate without a transcript counts syllable nuclei in the energy envelope after de Jong
 * and Wempe (2009): peaks of the smoothed speech-band level on voiced frames that rise at least 2
 * dB above the dip before them and stand within 25 dB of the span's loudest frame.
 */
public final class ProsodyExtractor {
    private static final int SMOOTH = 5;
    private static final double NUCLEUS_DIP_DB = 2.0;
    private static final double NUCLEUS_RANGE_DB = 25.0;

    private final FrameTrack track;
    private final VoiceActivity activity;
    private final VadSettings vad;
    private final double speakerMedianHz;

    /**
     * @param track the channel's frames
     * @param activity its voice activity (speech frames and pauses come from the runs)
     * @param vad settings (pause length)
     */
    public ProsodyExtractor(FrameTrack track, VoiceActivity activity, VadSettings vad) {
        this.track = track;
        this.activity = activity;
        this.vad = vad;
        this.speakerMedianHz = medianF0(activity.runs());
    }

    /** The speaker's median F0 over all their speech, the reference for semitone measures. */
    public double speakerMedianHz() {
        return speakerMedianHz;
    }

    /** Prosody of the whole channel (all speech runs; pauses inside its utterances). */
    public Prosody channel(int words) {
        return measure(activity.utterances(), words);
    }

    /**
     * Prosody of one span, e.g. an utterance; {@code words} is its word count, or -1 if unknown.
     */
    public Prosody span(double start, double end, int words) {
        return measure(List.of(new SpeechSegment(start, end)), words);
    }

    private Prosody measure(List<SpeechSegment> spans, int words) {
        FloatList f0 = new FloatList();
        FloatList times = new FloatList();
        double powerSum = 0;
        double dbSum = 0;
        double dbSq = 0;
        double peak = Double.NEGATIVE_INFINITY;
        double hfPower = 0;
        double bandPower = 0;
        int speech = 0;
        int nuclei = 0;
        double spanS = 0;
        int pauses = 0;
        double pauseSum = 0;
        double longest = 0;
        for (SpeechSegment span : spans) {
            spanS += span.duration();
            int a = track.frameAt(span.start());
            int b = track.frameAt(span.end());
            for (SpeechSegment run : activity.runs()) {
                int ra = Math.max(a, track.frameAt(run.start()));
                int rb = Math.min(b, track.frameAt(run.end()));
                for (int i = ra; i < rb; i++) {
                    double e = track.energyDb(i);
                    powerSum += Math.pow(10, e / 10);
                    dbSum += e;
                    dbSq += e * e;
                    peak = Math.max(peak, e);
                    hfPower += Math.pow(10, track.hfDb(i) / 10);
                    bandPower += Math.pow(10, track.bandDb(i) / 10);
                    speech++;
                    if (track.f0(i) > 0) {
                        f0.add(track.f0(i));
                        times.add((float) (i * FrameTrack.HOP_S));
                    }
                }
            }
            nuclei += nuclei(a, b);
            double prevEnd = Double.NaN;
            for (SpeechSegment run : activity.runs()) {
                if (run.end() <= span.start() || run.start() >= span.end()) {
                    continue;
                }
                if (!Double.isNaN(prevEnd)) {
                    double gap = run.start() - prevEnd;
                    if (gap >= vad.minPauseS() && gap < vad.maxPauseS()) {
                        pauses++;
                        pauseSum += gap;
                        longest = Math.max(longest, gap);
                    }
                }
                prevEnd = run.end();
            }
        }

        double meanHz = Double.NaN;
        double medianHz = Double.NaN;
        double relSt = Double.NaN;
        double sdSt = Double.NaN;
        double rangeSt = Double.NaN;
        double slope = Double.NaN;
        if (f0.size() > 0) {
            float[] hz = f0.toArray();
            double sum = 0;
            for (float h : hz) {
                sum += h;
            }
            meanHz = sum / hz.length;
            float[] sorted = hz.clone();
            Arrays.sort(sorted);
            medianHz = quantile(sorted, 0.5);
            double ref = Double.isNaN(speakerMedianHz) ? medianHz : speakerMedianHz;
            relSt = semitones(medianHz, ref);
            rangeSt = semitones(quantile(sorted, 0.9), quantile(sorted, 0.1));
            double s1 = 0;
            double s2 = 0;
            double t1 = 0;
            double tt = 0;
            double ts = 0;
            float[] t = times.toArray();
            for (int k = 0; k < hz.length; k++) {
                double st = semitones(hz[k], ref);
                s1 += st;
                s2 += st * st;
                t1 += t[k];
                tt += (double) t[k] * t[k];
                ts += t[k] * st;
            }
            int n = hz.length;
            sdSt = Math.sqrt(Math.max(0, s2 / n - (s1 / n) * (s1 / n)));
            double varT = tt / n - (t1 / n) * (t1 / n);
            slope = varT > 1e-9 ? (ts / n - (t1 / n) * (s1 / n)) / varT : 0;
        }
        double energyMean = speech > 0 ? 10 * Math.log10(powerSum / speech) : Double.NaN;
        double energySd =
                speech > 0
                        ? Math.sqrt(
                                Math.max(0, dbSq / speech - (dbSum / speech) * (dbSum / speech)))
                        : Double.NaN;
        return new Prosody(
                meanHz,
                medianHz,
                relSt,
                sdSt,
                rangeSt,
                slope,
                speech > 0 ? (double) f0.size() / speech : Double.NaN,
                energyMean,
                speech > 0 ? peak : Double.NaN,
                energySd,
                bandPower > 0 ? 10 * Math.log10(hfPower / bandPower) : Double.NaN,
                spanS > 0 ? nuclei / spanS : Double.NaN,
                words >= 0 && spanS > 0 ? words * 60 / spanS : Double.NaN,
                pauses,
                pauses > 0 ? pauseSum / pauses : 0,
                longest,
                speech * FrameTrack.HOP_S);
    }

    /** Syllable nuclei in frames [a, b). */
    int nuclei(int a, int b) {
        if (b - a < SMOOTH) {
            return 0;
        }
        float[] sm = new float[b - a];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = a; i < b; i++) {
            double s = 0;
            int n = 0;
            for (int k = Math.max(a, i - SMOOTH / 2); k <= Math.min(b - 1, i + SMOOTH / 2); k++) {
                s += track.bandDb(k);
                n++;
            }
            sm[i - a] = (float) (s / n);
            if (track.active(i)) {
                max = Math.max(max, sm[i - a]);
            }
        }
        int count = 0;
        boolean have = false;
        double lastPeak = 0;
        double dip = Double.POSITIVE_INFINITY;
        for (int i = 1; i < sm.length - 1; i++) {
            dip = Math.min(dip, sm[i]);
            boolean localMax = sm[i] >= sm[i - 1] && sm[i] > sm[i + 1];
            if (!localMax || sm[i] < max - NUCLEUS_RANGE_DB || !voicedNear(a + i, a, b)) {
                continue;
            }
            if (!have) {
                have = true;
                count++;
                lastPeak = sm[i];
                dip = sm[i];
            } else if (sm[i] - dip >= NUCLEUS_DIP_DB && lastPeak - dip >= NUCLEUS_DIP_DB) {
                count++;
                lastPeak = sm[i];
                dip = sm[i];
            } else if (sm[i] > lastPeak) {
                lastPeak = sm[i];
                dip = sm[i];
            }
        }
        return count;
    }

    private boolean voicedNear(int i, int a, int b) {
        for (int k = Math.max(a, i - 2); k <= Math.min(b - 1, i + 2); k++) {
            if (track.f0(k) > 0) {
                return true;
            }
        }
        return false;
    }

    private double medianF0(List<SpeechSegment> runs) {
        FloatList all = new FloatList();
        for (SpeechSegment run : runs) {
            for (int i = track.frameAt(run.start()); i < track.frameAt(run.end()); i++) {
                if (track.f0(i) > 0) {
                    all.add(track.f0(i));
                }
            }
        }
        if (all.size() == 0) {
            return Double.NaN;
        }
        float[] sorted = all.toArray();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    static double semitones(double hz, double ref) {
        return 12 * Math.log(hz / ref) / Math.log(2);
    }

    static double quantile(float[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** A growable float array, to keep per-frame values unboxed. */
    static final class FloatList {
        private float[] a = new float[64];
        private int n;

        void add(float v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        float[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}

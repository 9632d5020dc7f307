package io.callqa.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Estimates arousal per utterance from pitch, spectral tilt (share of energy above 1 kHz), speaking
 * rate and, weakly, loudness, normalised two ways and then {@link #combine combined}:
 *
 * <ul>
 *   <li>against a {@link EmotionReference population reference}, which tells an angry caller who is
 *       angry from the first word, but mistakes a naturally high or fast voice for arousal;
 *   <li>against the speaker's own baseline in the same call (median and spread over their
 *       utterances), which removes voice and line differences but only sees change.
 * </ul>
 *
 * Loudness only enters the speaker-relative half, capped at 1.5 standard deviations and with a
 * small weight: telephone gain differs per line and per handset, so level alone must never make an
 * utterance agitated. The voice is all this class hears; the transcript is fused with it in {@code
 * qa-rules}, whose agitation detector counts a customer utterance as agitated when this arousal
 * reaches the rule pack's bound or the text holds one of the pack's cues (English or Korean).
 */
public final class EmotionEstimator {
    /** Arousal at or above this is agitated. */
    public static final double AGITATED_AT = 0.5;

    /** Arousal at or below this is low. */
    public static final double LOW_AT = -1.5;

    private final EmotionReference reference;

    /** An estimator using {@code reference} for the population half. */
    public EmotionEstimator(EmotionReference reference) {
        this.reference = reference;
    }

    /**
     * Estimates every utterance of one speaker; the speaker's baseline comes from these same
     * utterances, so pass all of them at once.
     */
    public List<EmotionEstimate> estimate(List<Prosody> utterances) {
        double[] f0 = column(utterances, 0);
        double[] hf = column(utterances, 1);
        double[] rate = column(utterances, 2);
        double[] energy = column(utterances, 3);
        double[] f0Base = baseline(f0, 1.5);
        double[] hfBase = baseline(hf, 2.0);
        double[] rateBase = baseline(rate, 0.7);
        double[] energyBase = baseline(energy, 3.0);
        double register = reference.registerF0Hz(100 * Math.pow(2, f0Base[0] / 12));
        List<EmotionEstimate> out = new ArrayList<>(utterances.size());
        for (int i = 0; i < utterances.size(); i++) {
            Prosody p = utterances.get(i);
            double popF0 =
                    z(
                            ProsodyExtractor.semitones(p.pitchMedianHz(), register),
                            0,
                            reference.f0SdSt());
            double pop =
                    weighted(
                            popF0,
                            0.45,
                            z(p.hfRatioDb(), reference.hfRatioDb(), reference.hfRatioSdDb()),
                            0.25,
                            z(
                                    p.syllablesPerS(),
                                    reference.syllablesPerS(),
                                    reference.syllablesSd()),
                            0.30,
                            Double.NaN,
                            0);
            double self =
                    weighted(
                            z(f0[i], f0Base[0], f0Base[1]), 0.4,
                            z(hf[i], hfBase[0], hfBase[1]), 0.2,
                            z(rate[i], rateBase[0], rateBase[1]), 0.2,
                            clamp(z(energy[i], energyBase[0], energyBase[1]), 1.5), 0.2);
            out.add(label(combine(pop, self), pop, self));
        }
        return out;
    }

    /**
     * The population half on its own, or the mean of both halves when that is higher. A speaker who
     * sounds the same all call long has a speaker half near 0 on every utterance: that says nothing
     * about whether they are calm, so it must not pull an utterance that is raised against the
     * population back to ordinary (the caller angry from the first word). The speaker half alone is
     * not enough either: ordinary utterance-to-utterance variation (a question, an emphasised
     * number) moves it by up to 0.7, so a rise against the speaker only counts as far as the
     * population half corroborates it, through the mean. For the same reason an utterance is only
     * low when it is subdued against the population too: a customer who calms down after shouting
     * is not sad.
     */
    static double combine(double pop, double self) {
        double mean = weighted(pop, 0.5, self, 0.5, Double.NaN, 0, Double.NaN, 0);
        return Double.isFinite(pop) && pop > mean ? pop : mean;
    }

    private static EmotionEstimate label(double arousal, double pop, double self) {
        if (Double.isNaN(arousal)) {
            return new EmotionEstimate(Double.NaN, pop, self, Emotion.NEUTRAL, 0.5);
        }
        Emotion e;
        double margin;
        if (arousal >= AGITATED_AT) {
            e = Emotion.AGITATED;
            margin = arousal - AGITATED_AT;
        } else if (arousal <= LOW_AT) {
            e = Emotion.LOW;
            margin = LOW_AT - arousal;
        } else {
            e = Emotion.NEUTRAL;
            margin = Math.min(AGITATED_AT - arousal, arousal - LOW_AT);
        }
        // Half a standard deviation past a boundary is already a fairly clear call.
        double confidence = 0.5 + 0.5 * Math.tanh(margin / 0.5);
        return new EmotionEstimate(arousal, pop, self, e, confidence);
    }

    private static double[] column(List<Prosody> ps, int which) {
        double[] v = new double[ps.size()];
        for (int i = 0; i < v.length; i++) {
            Prosody p = ps.get(i);
            v[i] =
                    switch (which) {
                        case 0 -> ProsodyExtractor.semitones(p.pitchMedianHz(), 100);
                        case 1 -> p.hfRatioDb();
                        case 2 -> p.syllablesPerS();
                        default -> p.energyMeanDbfs();
                    };
        }
        return v;
    }

    /** Median and spread (MAD scaled to an SD, never below {@code minSd}) of the finite values. */
    static double[] baseline(double[] v, double minSd) {
        double[] finite = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new double[] {Double.NaN, minSd};
        }
        double median = median(finite);
        double[] dev = Arrays.stream(finite).map(x -> Math.abs(x - median)).sorted().toArray();
        return new double[] {median, Math.max(minSd, 1.4826 * median(dev))};
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double z(double x, double mean, double sd) {
        return (x - mean) / sd;
    }

    private static double clamp(double x, double limit) {
        return Math.max(-limit, Math.min(limit, x));
    }

    /** Weighted mean of the finite terms; NaN when none is finite. */
    private static double weighted(
            double a, double wa, double b, double wb, double c, double wc, double d, double wd) {
        double sum = 0;
        double w = 0;
        double[][] terms = {{a, wa}, {b, wb}, {c, wc}, {d, wd}};
        for (double[] t : terms) {
            if (Double.isFinite(t[0]) && t[1] > 0) {
                sum += t[0] * t[1];
                w += t[1];
            }
        }
        return w > 0 ? sum / w : Double.NaN;
    }
}

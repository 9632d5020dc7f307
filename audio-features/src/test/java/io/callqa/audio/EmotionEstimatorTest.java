package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmotionEstimatorTest {
    private final EmotionEstimator estimator = new EmotionEstimator(EmotionReference.LITERATURE);

    private static Prosody utterance(double f0, double hf, double rate, double energy) {
        return new Prosody(
                f0,
                f0,
                0,
                1.5,
                4,
                0,
                0.6,
                energy,
                energy + 8,
                10,
                hf,
                rate,
                Double.NaN,
                0,
                0,
                0,
                3);
    }

    /** A calm call of one speaker: ordinary F0 for the register, tilt and rate. */
    private static List<Prosody> calmCall(double f0) {
        List<Prosody> ps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ps.add(utterance(f0 * (1 + 0.02 * (i % 3 - 1)), -6.5 + 0.3 * (i % 2), 4.0, -24));
        }
        return ps;
    }

    @Test
    void calmLowAndHighVoicesAreNeutral() {
        for (double f0 : new double[] {110, 125, 200, 225}) {
            assertThat(estimator.estimate(calmCall(f0)))
                    .allSatisfy(e -> assertThat(e.emotion()).isEqualTo(Emotion.NEUTRAL));
        }
    }

    @Test
    void raisedPitchTiltAndRateInOneUtteranceIsAgitated() {
        List<Prosody> ps = calmCall(115);
        ps.set(5, utterance(115 * Math.pow(2, 6 / 12.0), -2.5, 5.5, -20));
        List<EmotionEstimate> es = estimator.estimate(ps);
        assertThat(es.get(5).emotion()).isEqualTo(Emotion.AGITATED);
        assertThat(es.get(5).confidence()).isGreaterThan(0.8);
        assertThat(es.get(5).populationArousal()).isPositive();
        assertThat(es.get(5).speakerArousal()).isPositive();
        assertThat(es.subList(0, 5))
                .allSatisfy(e -> assertThat(e.emotion()).isEqualTo(Emotion.NEUTRAL));
    }

    /**
     * A caller who is angry from the first word sounds the same all call long, so the speaker half
     * sees nothing; the population half alone must carry the label.
     */
    @Test
    void callerAngryFromTheFirstWordIsAgitated() {
        List<Prosody> ps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // About 2.3 semitones over the low register, a flatter tilt and a fast rate.
            ps.add(utterance(137 * (1 + 0.02 * (i % 3 - 1)), -4.5 + 0.3 * (i % 2), 5.0, -20));
        }
        List<EmotionEstimate> es = estimator.estimate(ps);
        assertThat(es)
                .allSatisfy(
                        e -> {
                            assertThat(e.speakerArousal()).isBetween(-0.5, 0.5);
                            assertThat(e.populationArousal())
                                    .isGreaterThan(EmotionEstimator.AGITATED_AT);
                            assertThat(e.emotion()).isEqualTo(Emotion.AGITATED);
                        });
    }

    /**
     * A customer who calms down after shouting drops far below their own (angry) baseline, but is
     * only a little under the population: that is calm, not sad.
     */
    @Test
    void calmingDownAfterShoutingIsNotLow() {
        List<Prosody> ps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ps.add(utterance(140 + 3 * i, -3, 5.5, -18));
        }
        ps.add(utterance(96, -6.5, 3.5, -24));
        EmotionEstimate calmer = estimator.estimate(ps).get(4);
        assertThat(calmer.speakerArousal()).isLessThan(EmotionEstimator.LOW_AT);
        assertThat(calmer.emotion()).isEqualTo(Emotion.NEUTRAL);

        // Subdued against the population as well as against the speaker: low.
        ps.set(4, utterance(80, -10, 2.0, -24));
        assertThat(estimator.estimate(ps).get(4).emotion()).isEqualTo(Emotion.LOW);
    }

    /** Telephone gain differs per line: a much louder utterance alone never makes agitation. */
    @Test
    void loudnessAloneIsNotAgitation() {
        List<Prosody> ps = calmCall(120);
        Prosody p = ps.get(3);
        ps.set(3, utterance(p.pitchMedianHz(), p.hfRatioDb(), p.syllablesPerS(), -4));
        assertThat(estimator.estimate(ps).get(3).emotion()).isEqualTo(Emotion.NEUTRAL);

        // A whole call 20 dB hotter is labelled exactly like the quiet one.
        List<Prosody> loud = new ArrayList<>();
        for (Prosody q : calmCall(120)) {
            loud.add(utterance(q.pitchMedianHz(), q.hfRatioDb(), q.syllablesPerS(), -4));
        }
        assertThat(estimator.estimate(loud))
                .extracting(EmotionEstimate::arousal)
                .containsExactlyElementsOf(
                        estimator.estimate(calmCall(120)).stream()
                                .map(EmotionEstimate::arousal)
                                .toList());
    }

    @Test
    void unmeasurableUtteranceIsNeutralWithLowConfidence() {
        List<Prosody> ps = calmCall(120);
        ps.add(utterance(Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        EmotionEstimate e = estimator.estimate(ps).get(8);
        assertThat(e.emotion()).isEqualTo(Emotion.NEUTRAL);
        assertThat(e.confidence()).isEqualTo(0.5);
    }

    @Test
    void trendAndPeakOfACallThatEscalates() {
        List<UtteranceFeatures> us = new ArrayList<>();
        double[] arousal = {-0.2, 0.0, -0.1, 0.3, 1.2, 1.5};
        for (int i = 0; i < arousal.length; i++) {
            Emotion e =
                    arousal[i] >= EmotionEstimator.AGITATED_AT ? Emotion.AGITATED : Emotion.NEUTRAL;
            us.add(
                    new UtteranceFeatures(
                            "customer",
                            i * 5,
                            i * 5 + 3,
                            utterance(120, -6, 4, -24),
                            new EmotionEstimate(arousal[i], arousal[i], arousal[i], e, 0.7)));
        }
        EmotionSummary s = CallAnalyzer.summarize(us, "customer");
        assertThat(s.trend()).isEqualTo("angrier");
        assertThat(s.peakArousal()).isEqualTo(1.5);
        assertThat(s.peakAtS()).isEqualTo(25.0);
        assertThat(s.dominant()).isEqualTo(Emotion.NEUTRAL);
        assertThat(s.timeline()).hasSize(6);
    }
}

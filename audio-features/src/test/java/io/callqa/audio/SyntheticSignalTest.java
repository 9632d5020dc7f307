package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.SpeechSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known-answer tests on synthetic tones, silences and overlaps. */
class SyntheticSignalTest {
    private static final int RATE = 8000;

    @TempDir Path dir;

    /** F0 of a harmonic tone within 2% for both YIN variants, at 8 and 16 kHz input. */
    @ParameterizedTest
    @ValueSource(doubles = {90, 120, 180, 250, 400})
    void pitchOfHarmonicTones(double f0) throws IOException {
        for (PitchSettings.Algorithm alg : PitchSettings.Algorithm.values()) {
            for (int rate : new int[] {8000, 16000}) {
                // Real voices are never exactly periodic; FastYin misses many frames of a
                // mathematically exact tone, so the tones carry -50 dBFS of noise like a line.
                float[] x = whiteNoise(3, -50, rate, 7);
                TestWavs.place(x, TestWavs.harmonic(f0, 0.3, 2.0, rate), 0.5, rate);
                CallFeatures f = analyze(rate, alg, x);
                Prosody p = f.channels().get("mixed").prosody();
                assertThat(p.pitchMedianHz())
                        .as("%s at %d Hz", alg, rate)
                        .isCloseTo(f0, offset(f0 * 0.02));
                assertThat(p.pitchMeanHz()).isCloseTo(f0, offset(f0 * 0.02));
                assertThat(p.pitchSdSt()).isLessThan(0.2);
                assertThat(p.voicedShare()).isGreaterThan(0.7);
            }
        }
    }

    @Test
    void pureSineToneAndGlide() throws IOException {
        float[] x = whiteNoise(3, -50, RATE, 8);
        TestWavs.place(x, TestWavs.sine(200, 0.3, 2.0, RATE), 0.5, RATE);
        assertThat(
                        analyze(RATE, PitchSettings.Algorithm.FFT_YIN, x)
                                .channels()
                                .get("mixed")
                                .prosody()
                                .pitchMedianHz())
                .isCloseTo(200, offset(4.0));

        // A glide from 100 to 200 Hz over 2 s rises 12 semitones: slope 6 st/s.
        float[] g = whiteNoise(3, -50, RATE, 9);
        double phase = 0;
        for (int i = 0; i < 2 * RATE; i++) {
            double hz = 100 * Math.pow(2, i / (2.0 * RATE));
            phase += 2 * Math.PI * hz / RATE;
            double s = 0;
            for (int h = 1; h <= 6; h++) {
                s += Math.sin(h * phase) / h;
            }
            g[RATE / 2 + i] += (float) (0.2 * s);
        }
        Prosody p =
                analyze(RATE, PitchSettings.Algorithm.FFT_YIN, g).channels().get("mixed").prosody();
        assertThat(p.pitchSlopeStPerS()).isCloseTo(6.0, offset(0.5));
        assertThat(p.pitchRangeSt()).isCloseTo(9.6, offset(1.0));
    }

    /** Known speech and silence, with telephone-level noise: segments within 30 ms. */
    @Test
    void voiceActivityFindsKnownSegmentsInLineNoise() throws IOException {
        float[] x = noise(10, -57, 1);
        TestWavs.place(x, TestWavs.harmonic(150, 0.2, 1.5, RATE), 1.0, RATE);
        TestWavs.place(x, TestWavs.harmonic(210, 0.1, 2.0, RATE), 4.0, RATE);
        TestWavs.place(x, TestWavs.harmonic(120, 0.3, 0.5, RATE), 8.0, RATE);
        // A click: loud, but one sample and no pitch.
        x[RATE * 7] = 0.9f;
        List<SpeechSegment> u =
                analyze(RATE, PitchSettings.Algorithm.FFT_YIN, x)
                        .channels()
                        .get("mixed")
                        .activity()
                        .utterances();
        assertThat(u).hasSize(3);
        double[][] expected = {{1.0, 2.5}, {4.0, 6.0}, {8.0, 8.5}};
        for (int i = 0; i < 3; i++) {
            assertThat(u.get(i).start()).isCloseTo(expected[i][0], offset(0.03));
            assertThat(u.get(i).end()).isCloseTo(expected[i][1], offset(0.04));
        }
    }

    /** A call that opens with speech, on a noisy line, is not taken for its own noise floor. */
    @Test
    void speechFromTheFirstSampleIsDetected() throws IOException {
        float[] x = noise(8, -50, 5);
        TestWavs.place(x, TestWavs.harmonic(140, 0.2, 4.0, RATE), 0.0, RATE);
        List<SpeechSegment> u =
                analyze(RATE, PitchSettings.Algorithm.FFT_YIN, x)
                        .channels()
                        .get("mixed")
                        .activity()
                        .utterances();
        assertThat(u).hasSize(1);
        assertThat(u.get(0).start()).isLessThan(0.05);
        assertThat(u.get(0).end()).isCloseTo(4.0, offset(0.04));
    }

    /** Agent left, customer right, a known overlap and dead air: dynamics from VAD match them. */
    @Test
    void overlapAndDeadAirBetweenChannels() throws IOException {
        float[] agent = noise(14, -58, 2);
        float[] customer = noise(14, -58, 3);
        TestWavs.place(agent, TestWavs.harmonic(110, 0.2, 3.0, RATE), 0.5, RATE);
        TestWavs.place(customer, TestWavs.harmonic(220, 0.2, 3.0, RATE), 3.0, RATE);
        TestWavs.place(agent, TestWavs.harmonic(110, 0.2, 2.5, RATE), 9.0, RATE);
        Path f = dir.resolve("call.wav");
        Files.write(f, TestWavs.wav(RATE, Encoding.PCM_S16, agent, customer));
        CallFeatures c = new CallAnalyzer(FeatureSettings.DEFAULTS).analyze(f);
        ConversationDynamics d = c.dynamics();
        assertThat(d.overtalkS()).isCloseTo(0.5, offset(0.05));
        assertThat(d.interruptions()).hasSize(1);
        assertThat(d.interruptions().get(0).at()).isCloseTo(3.0, offset(0.03));
        assertThat(d.longestDeadAirS()).isCloseTo(3.0, offset(0.06));
        assertThat(d.deadAir()).hasSize(2); // 6.0-9.0 and the tail 11.5-14.0
        assertThat(c.channels().get("agent").prosody().pitchMedianHz()).isCloseTo(110, offset(2.2));
        assertThat(c.channels().get("customer").prosody().pitchMedianHz())
                .isCloseTo(220, offset(4.4));
    }

    /** A harmonic tone amplitude-modulated at 4 Hz has four syllable nuclei per second. */
    @Test
    void syllableNucleiOfAModulatedTone() throws IOException {
        float[] x = new float[RATE * 6];
        float[] t = TestWavs.harmonic(140, 0.25, 5.0, RATE);
        for (int i = 0; i < t.length; i++) {
            double env = 0.5 - 0.5 * Math.cos(2 * Math.PI * 4 * i / RATE);
            t[i] *= (float) (0.1 + 0.9 * env);
        }
        TestWavs.place(x, t, 0.5, RATE);
        Prosody p =
                analyze(RATE, PitchSettings.Algorithm.FFT_YIN, x).channels().get("mixed").prosody();
        assertThat(p.syllablesPerS()).isCloseTo(4.0, offset(0.3));
    }

    /** Within-speaker pauses: two pauses of 0.3 and 0.5 s inside one utterance. */
    @Test
    void pausesInsideAnUtterance() throws IOException {
        float[] x = noise(6, -60, 4);
        TestWavs.place(x, TestWavs.harmonic(130, 0.2, 1.0, RATE), 0.5, RATE);
        TestWavs.place(x, TestWavs.harmonic(130, 0.2, 1.0, RATE), 1.8, RATE);
        TestWavs.place(x, TestWavs.harmonic(130, 0.2, 1.0, RATE), 3.3, RATE);
        ChannelFeatures ch =
                analyze(RATE, PitchSettings.Algorithm.FFT_YIN, x).channels().get("mixed");
        assertThat(ch.activity().utterances()).hasSize(1);
        assertThat(ch.prosody().pauses()).isEqualTo(2);
        assertThat(ch.prosody().longestPauseS()).isCloseTo(0.5, offset(0.03));
        assertThat(ch.prosody().pauseMeanS()).isCloseTo(0.4, offset(0.03));
    }

    /** Digital silence yields no speech and no NaN-driven crash, in every encoding. */
    @ParameterizedTest
    @EnumSource(Encoding.class)
    void silenceHasNoSpeech(Encoding enc) throws IOException {
        Path f = dir.resolve("silence.wav");
        Files.write(f, TestWavs.wav(RATE, enc, new float[RATE * 2], new float[RATE * 2]));
        CallFeatures c = new CallAnalyzer(FeatureSettings.DEFAULTS).analyze(f);
        assertThat(c.utterances()).isEmpty();
        assertThat(c.channels().get("agent").activity().runs()).isEmpty();
        assertThat(c.durationS()).isCloseTo(2.0, offset(0.011));
    }

    private static float[] whiteNoise(double seconds, double dbfs, int rate, long seed) {
        Random r = new Random(seed);
        float[] x = new float[(int) (seconds * rate)];
        double amp = Math.pow(10, dbfs / 20);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amp * r.nextGaussian());
        }
        return x;
    }

    private float[] noise(double seconds, double dbfs, long seed) {
        Random r = new Random(seed);
        float[] x = new float[(int) (seconds * RATE)];
        double amp = Math.pow(10, dbfs / 20);
        double b = 0;
        for (int i = 0; i < x.length; i++) {
            // Pinkish: white noise through a one-pole low-pass, like a phone line's hiss and hum.
            b = 0.97 * b + 0.03 * r.nextGaussian() * 5.7;
            x[i] = (float) (amp * b);
        }
        return x;
    }

    private CallFeatures analyze(int rate, PitchSettings.Algorithm alg, float[] x)
            throws IOException {
        Path f = dir.resolve("t.wav");
        Files.write(f, TestWavs.wav(rate, Encoding.PCM_S16, x));
        FeatureSettings s =
                FeatureSettings.DEFAULTS.withPitch(new PitchSettings(alg, 75, 500, 0.2));
        return new CallAnalyzer(s).analyze(f);
    }
}

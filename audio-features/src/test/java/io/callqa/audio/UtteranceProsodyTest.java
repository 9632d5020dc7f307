package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.audio.dynamics.SpeechSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UtteranceProsodyTest {

    private final UtteranceProsody prosody = new UtteranceProsody(FeatureSettings.DEFAULTS);

    private static short[] pcm(float[] x) {
        short[] s = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(x[i] * 32767)));
        }
        return s;
    }

    @Test
    void measuresTheUtterancesPitchAtTheStreamsOwnRate() throws Exception {
        for (int rate : new int[] {8000, 16000}) {
            float[] x = new float[4 * rate];
            TestWavs.place(x, TestWavs.harmonic(180, 0.2, 1.5, rate), 2.0, rate);
            Prosody p = prosody.measure("tone", pcm(x), x.length, rate, 2.0, 3.5, -1);
            assertThat(p.pitchMedianHz()).as("at %d Hz", rate).isCloseTo(180, within(3.6));
            assertThat(p.speechS()).as("at %d Hz", rate).isBetween(1.2, 1.6);
        }
    }

    @Test
    void rejectsAnUnusableRateNamingTheStream() {
        assertThatThrownBy(
                        () -> prosody.measure("call-7/agent", new short[100], 100, 4000, 0, 1, -1))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("call-7/agent")
                .hasMessageContaining("4000 Hz");
    }

    /**
     * Measured from its own audio (plus two seconds before it), an utterance's pitch agrees with
     * the whole-recording analysis of the same call, over every sample call.
     */
    @Test
    void agreesWithTheWholeCallAnalysisOnTheSampleCalls() throws Exception {
        int compared = 0;
        int agree = 0;
        for (Path sidecar : SampleCalls.sidecars()) {
            int[] r = compare(sidecar);
            compared += r[0];
            agree += r[1];
        }
        System.out.printf(
                "UtteranceProsodyTest: %d of %d sample utterances within 3%% of the whole-call"
                        + " pitch%n",
                agree, compared);
        assertThat(compared).isGreaterThan(100);
        assertThat(agree)
                .as("%d of %d utterances within 3%%", agree, compared)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * compared));
    }

    /** Utterances compared and utterances agreeing, in one sample call. */
    private int[] compare(Path sidecar) throws Exception {
        JsonNode json = SampleCalls.read(sidecar);
        Path wav = SampleCalls.wav(sidecar, json);
        List<TimedUtterance> utterances = SampleCalls.utterances(json);
        CallFeatures whole = new CallAnalyzer(FeatureSettings.DEFAULTS).analyze(wav, utterances);

        float[][] channels = new float[2][];
        try (AudioSource source = WavDecoder.open(wav)) {
            List<float[]> agent = new ArrayList<>();
            List<float[]> customer = new ArrayList<>();
            float[][] block = new float[2][source.blockCapacity()];
            int n;
            while ((n = source.read(block)) >= 0) {
                agent.add(java.util.Arrays.copyOf(block[0], n));
                customer.add(java.util.Arrays.copyOf(block[1], n));
            }
            channels[0] = join(agent);
            channels[1] = join(customer);
        }
        int rate = AudioSource.ANALYSIS_RATE;
        int compared = 0;
        int agree = 0;
        for (UtteranceFeatures u : whole.utterances()) {
            if (!Double.isFinite(u.prosody().pitchMedianHz())) {
                continue;
            }
            float[] ch = channels[u.speaker().equals("agent") ? 0 : 1];
            int from = (int) Math.max(0, (u.start() - 2.0) * rate);
            int to = (int) Math.min(ch.length, u.end() * rate);
            float[] piece = java.util.Arrays.copyOfRange(ch, from, to);
            double offset = from / (double) rate;
            Prosody p =
                    prosody.measure(
                            sidecar.getFileName().toString(),
                            pcm(piece),
                            piece.length,
                            rate,
                            u.start() - offset,
                            u.end() - offset,
                            -1);
            compared++;
            if (Math.abs(p.pitchMedianHz() / u.prosody().pitchMedianHz() - 1) < 0.03) {
                agree++;
            }
        }
        return new int[] {compared, agree};
    }

    @Test
    void callFeaturesFromUtterancesGiveTurnTakingAndEmotion() {
        Prosody p = new UtteranceProsodyFixture().neutral();
        EmotionEstimate e = prosody.latest(List.of(p));
        List<UtteranceFeatures> us =
                List.of(
                        new UtteranceFeatures("agent", 0, 4, p, e),
                        new UtteranceFeatures("customer", 3, 8, p, e),
                        new UtteranceFeatures("agent", 40, 42, p, e));
        CallFeatures f = prosody.callFeatures("live:c1", 42, us);
        assertThat(f.dynamics().overtalkS()).isCloseTo(1.0, within(1e-9));
        assertThat(f.dynamics().longestDeadAirS()).isCloseTo(32.0, within(1e-9));
        assertThat(f.emotion()).containsOnlyKeys("agent", "customer");
        assertThat(f.utterances())
                .extracting(UtteranceFeatures::start)
                .containsExactly(0.0, 3.0, 40.0);
    }

    @Test
    void turnTakingComesFromEveryUtteranceWhenOnlySomeHaveMeasures() {
        Prosody p = new UtteranceProsodyFixture().neutral();
        EmotionEstimate e = prosody.latest(List.of(p));
        // The audio came too late for everything after 8 s: only the first two are measured, but
        // the customer's "sure" at 20 s and the agent's return at 60 s were still spoken.
        List<UtteranceFeatures> measured =
                List.of(
                        new UtteranceFeatures("agent", 0, 4, p, e),
                        new UtteranceFeatures("customer", 5, 8, p, e));
        Map<String, List<SpeechSegment>> speech =
                Map.of(
                        "agent",
                        List.of(
                                new SpeechSegment(60, 64),
                                new SpeechSegment(0, 4),
                                new SpeechSegment(10, 19)),
                        "customer",
                        List.of(new SpeechSegment(5, 8), new SpeechSegment(19.5, 20)));
        CallFeatures f = prosody.callFeatures("live:c2", 64, measured, speech);
        assertThat(f.dynamics().longestDeadAirS()).isCloseTo(40.0, within(1e-9));
        assertThat(f.utterances()).hasSize(2);
        assertThat(f.emotion()).containsOnlyKeys("agent", "customer");
        // From the measured ones alone, the talk after 8 s would count as one long silence.
        assertThat(prosody.callFeatures("live:c2", 64, measured).dynamics().longestDeadAirS())
                .isCloseTo(56.0, within(1e-9));
    }

    private static float[] join(List<float[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    /** An ordinary utterance's measures. */
    private static final class UtteranceProsodyFixture {
        Prosody neutral() {
            return new Prosody(120, 120, 0, 1.5, 4, 0, 0.6, -20, -10, 4, -18, 4, 150, 0, 0, 0, 3);
        }
    }
}

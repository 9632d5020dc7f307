package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineActivityTest {
    private static final int RATE = 8000;

    /** {@code seconds} of line noise at {@code noiseDb} dBFS with a voice in [from, to). */
    private static short[] line(double seconds, double noiseDb, double from, double to) {
        float[] x = new float[(int) (seconds * RATE)];
        Random r = new Random(7);
        double noise = Math.pow(10, noiseDb / 20) * Math.sqrt(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (noise * (2 * r.nextDouble() - 1));
        }
        TestWavs.place(x, TestWavs.harmonic(140, 0.2, to - from, RATE), from, RATE);
        short[] pcm = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            pcm[i] = (short) Math.round(Math.max(-1, Math.min(1, x[i])) * 32767);
        }
        return pcm;
    }

    /** Feeds {@code pcm} in 0.2 s chunks, as live audio arrives. */
    private static LineActivity heard(short[] pcm) {
        LineActivity a = new LineActivity();
        int chunk = RATE / 5;
        for (int from = 0; from < pcm.length; from += chunk) {
            int n = Math.min(chunk, pcm.length - from);
            short[] part = new short[n];
            System.arraycopy(pcm, from, part, 0, n);
            a.accept(part, n, RATE, VadSettings.DEFAULTS);
        }
        return a;
    }

    @Test
    void aVoiceOverLineNoiseIsHeardUntilItStops() {
        LineActivity a = heard(line(40, -58, 3, 5));
        assertThat(a.getHeardToS()).isCloseTo(40, offset(1e-9));
        assertThat(a.getLastActiveS()).isCloseTo(5.0, offset(0.03));
        // The floor has followed the line noise, not the voice.
        assertThat(a.getFloorDb()).isLessThan(-50);
        assertThat(LineActivity.silentSince(2.0, a)).isCloseTo(5.0, offset(0.03));
        assertThat(LineActivity.silentSince(7.5, a)).isEqualTo(7.5);
    }

    /** A 16 kHz call with digital silence between turns: nothing is active but the voice. */
    @Test
    void digitalSilenceIsSilence() {
        LineActivity quiet = heard(new short[RATE * 10]);
        assertThat(quiet.getLastActiveS()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LineActivity.silentSince(1.5, quiet)).isEqualTo(1.5);

        LineActivity voice = heard(line(10, -200, 1, 2));
        assertThat(voice.getLastActiveS()).isCloseTo(2.0, offset(0.03));
    }

    @Test
    void bothChannelsTogether() {
        LineActivity agent = heard(line(30, -58, 1, 4));
        LineActivity customer = heard(line(20, -55, 5, 9));
        assertThat(LineActivity.heardTo(agent, customer)).isCloseTo(20, offset(1e-9));
        assertThat(LineActivity.silentSince(0, agent, customer)).isCloseTo(9.0, offset(0.03));
    }
}

package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long stereo call, generated as a stream (nothing is written to disk), analyses in bounded
 * memory: the per-frame arrays grow by a fixed amount per second, extrapolated to 2 hours.
 */
class LongCallTest {
    private static final int RATE = 8000;

    @Test
    void tenMinutesStreamedExtrapolateToABoundedTwoHours() throws IOException {
        int seconds = 600;
        long dataBytes = (long) seconds * RATE * 4;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
        header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2);
        header.putInt(RATE).putInt(RATE * 4).putShort((short) 4).putShort((short) 16);
        header.put("data".getBytes()).putInt((int) dataBytes);
        InputStream wav =
                new SequenceInputStream(
                        new java.io.ByteArrayInputStream(header.array()),
                        new ConversationStream(dataBytes));

        System.gc();
        long before = usedHeap();
        long t0 = System.nanoTime();
        CallFeatures f;
        try (AudioSource s = WavDecoder.open(wav, "generated-10min", -1)) {
            f = new CallAnalyzer(FeatureSettings.DEFAULTS).analyze(s, List.of());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long after = usedHeap();

        long frameBytes = 0;
        for (ChannelFeatures c : f.channels().values()) {
            frameBytes += c.frameBytes();
        }
        double perSecond = (double) frameBytes / seconds;
        double twoHoursMb = perSecond * 7200 / 1e6;
        System.out.printf(
                "10 min stereo: %.1fx real time, frame arrays %d bytes (%.0f B/s, 2 h -> %.1f MB),"
                        + " retained heap after GC %+.1f MB, %d utterances%n",
                seconds / secs,
                frameBytes,
                perSecond,
                twoHoursMb,
                (after - before) / 1e6,
                f.utterances().size());
        assertThat(f.durationS()).isBetween(599.9, 600.1);
        assertThat(f.utterances()).hasSize(200);
        assertThat(perSecond).isLessThanOrEqualTo(2 * 100 * 17);
        assertThat(twoHoursMb).isLessThan(30);
        // The results (utterances and segments) come on top; the 10-minute call must stay small.
        assertThat(after - before).isLessThan(16_000_000);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** Endless alternating turns, 16-bit stereo, produced on the fly. */
    private static final class ConversationStream extends InputStream {
        private final long total;
        private long pos;
        private long sample;

        ConversationStream(long total) {
            this.total = total;
        }

        @Override
        public int read() {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - pos) & ~3;
            if (n == 0) {
                return -1;
            }
            for (int i = 0; i < n; i += 4) {
                double t = (double) sample / RATE;
                // 2.5 s turns: agent, gap, customer, gap; 120 and 210 Hz voices with a 4 Hz
                // syllable rhythm, over faint noise.
                double cycle = t % 6.0;
                short left = voice(cycle < 2.5, 120, t);
                short right = voice(cycle >= 3.0 && cycle < 5.5, 210, t);
                b[off + i] = (byte) left;
                b[off + i + 1] = (byte) (left >> 8);
                b[off + i + 2] = (byte) right;
                b[off + i + 3] = (byte) (right >> 8);
                sample++;
            }
            pos += n;
            return n;
        }

        private short voice(boolean on, double f0, double t) {
            double noise = ((sample * 2654435761L >> 7) & 1023) / 1023.0 - 0.5;
            double v = noise * 0.002;
            if (on) {
                double env = 0.55 - 0.45 * Math.cos(2 * Math.PI * 4 * t);
                double s = 0;
                for (int h = 1; h <= 8; h++) {
                    s += Math.sin(2 * Math.PI * h * f0 * t) / h;
                }
                v += 0.15 * env * s;
            }
            return (short) Math.round(v * 32767);
        }
    }
}

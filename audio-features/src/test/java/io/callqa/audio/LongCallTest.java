package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Long stereo calls, generated as a stream (nothing is written to disk), analyse in bounded memory:
 * a 10-minute call in this JVM, where the retained heap is measured, and a whole 2-hour call in a
 * child JVM whose heap is capped at {@value #TWO_HOUR_HEAP_MB} MB.
 */
class LongCallTest {
    private static final int RATE = 8000;

    /** The heap cap the 2-hour call must fit in: frame data (~25 MB) plus the results. */
    static final int TWO_HOUR_HEAP_MB = 48;

    @Test
    void tenMinutesStreamedStaySmall() throws IOException {
        int seconds = 600;
        System.gc();
        long before = usedHeap();
        long t0 = System.nanoTime();
        CallFeatures f = analyze(seconds);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long after = usedHeap();

        long frameBytes = frameBytes(f);
        double perSecond = (double) frameBytes / seconds;
        System.out.printf(
                "10 min stereo: %.1fx real time, frame arrays %d bytes (%.0f B/s),"
                        + " retained heap after GC %+.1f MB, %d utterances%n",
                seconds / secs,
                frameBytes,
                perSecond,
                (after - before) / 1e6,
                f.utterances().size());
        assertThat(f.durationS()).isBetween(599.9, 600.1);
        assertThat(f.utterances()).hasSize(200);
        // 2 channels x 100 frames x 17 bytes a second, plus at most 1/8 spare capacity.
        assertThat(perSecond).isLessThanOrEqualTo(2 * 100 * 17 * 1.125);
        // The results (utterances and segments) come on top; the 10-minute call must stay small.
        assertThat(after - before).isLessThan(16_000_000);
    }

    /**
     * The whole 2 hours, in a child JVM with {@code -Xmx48m}: an analyser that held the audio (230
     * MB of PCM) or grew without bound would fail there with an OutOfMemoryError.
     */
    @Test
    void twoHoursAnalyseWithinA48MegabyteHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p =
                new ProcessBuilder(
                                java.toString(),
                                "-Xmx" + TWO_HOUR_HEAP_MB + "m",
                                "-XX:+UseSerialGC",
                                "-cp",
                                System.getProperty("java.class.path"),
                                TwoHourCall.class.getName(),
                                "7200")
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the 2-hour analysis finished").isTrue();
        System.out.println(out);
        assertThat(p.exitValue()).as("child JVM output: %s", out).isZero();
        String[] f = out.lines().reduce((a, b) -> b).orElseThrow().split("\\s+");
        // "duration utterances frameBytes peakHeapBytes realTime"; an OutOfMemoryError would
        // have ended the child with a non-zero exit.
        assertThat(Double.parseDouble(f[0])).isBetween(7199.9, 7200.1);
        assertThat(Integer.parseInt(f[1])).isEqualTo(2400);
        assertThat(Long.parseLong(f[2])).isLessThanOrEqualTo((long) (7200 * 2 * 100 * 17 * 1.125));
    }

    /** Child JVM entry point: analyses a generated call of {@code args[0]} seconds. */
    static final class TwoHourCall {
        private TwoHourCall() {}

        public static void main(String[] args) throws IOException {
            int seconds = Integer.parseInt(args[0]);
            long t0 = System.nanoTime();
            CallFeatures f = analyze(seconds);
            double secs = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(
                    "%d s stereo in -Xmx%s: %.0fx real time, frame arrays %.1f MB, peak heap"
                            + " %.1f MB, %d utterances%n",
                    seconds,
                    Runtime.getRuntime().maxMemory() / (1 << 20) + "m",
                    seconds / secs,
                    frameBytes(f) / 1e6,
                    peak / 1e6,
                    f.utterances().size());
            System.out.printf(
                    "%.2f %d %d %d %.0f%n",
                    f.durationS(), f.utterances().size(), frameBytes(f), peak, seconds / secs);
        }
    }

    private static CallFeatures analyze(int seconds) throws IOException {
        long dataBytes = (long) seconds * RATE * 4;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) Math.min(0xFFFFFFFFL, 36 + dataBytes))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        header.put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 2);
        header.putInt(RATE).putInt(RATE * 4).putShort((short) 4).putShort((short) 16);
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        InputStream wav =
                new SequenceInputStream(
                        new ByteArrayInputStream(header.array()),
                        new ConversationStream(dataBytes));
        try (AudioSource s = WavDecoder.open(wav, "generated-" + seconds + "s", -1)) {
            return new CallAnalyzer(FeatureSettings.DEFAULTS).analyze(s, List.of());
        }
    }

    private static long frameBytes(CallFeatures f) {
        long bytes = 0;
        for (ChannelFeatures c : f.channels().values()) {
            bytes += c.frameBytes();
        }
        return bytes;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /**
     * Endless alternating turns, 16-bit stereo: one 6 s cycle (agent 2.5 s, gap, customer 2.5 s,
     * gap; 120 and 210 Hz voices with a 4 Hz syllable rhythm, over faint noise) is computed once
     * and repeated, so generating 2 hours costs no more than copying them.
     */
    private static final class ConversationStream extends InputStream {
        private static final int CYCLE_FRAMES = 6 * RATE;
        private static final byte[] CYCLE = cycle();
        private final long total;
        private long pos;

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
            int at = (int) (pos % CYCLE.length);
            int n = (int) Math.min(Math.min(len, total - pos), CYCLE.length - at);
            System.arraycopy(CYCLE, at, b, off, n);
            pos += n;
            return n;
        }

        private static byte[] cycle() {
            byte[] b = new byte[CYCLE_FRAMES * 4];
            for (int i = 0; i < CYCLE_FRAMES; i++) {
                double t = (double) i / RATE;
                short left = voice(t < 2.5, 120, t, i);
                short right = voice(t >= 3.0 && t < 5.5, 210, t, i);
                b[4 * i] = (byte) left;
                b[4 * i + 1] = (byte) (left >> 8);
                b[4 * i + 2] = (byte) right;
                b[4 * i + 3] = (byte) (right >> 8);
            }
            return b;
        }

        private static short voice(boolean on, double f0, double t, long sample) {
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

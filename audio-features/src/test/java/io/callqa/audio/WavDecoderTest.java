package io.callqa.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WavDecoderTest {
    @TempDir Path dir;

    static Arguments[] formats() {
        return new Arguments[] {
            Arguments.of(8000, Encoding.PCM_S16, 2),
            Arguments.of(8000, Encoding.MULAW, 2),
            Arguments.of(8000, Encoding.ALAW, 1),
            Arguments.of(8000, Encoding.PCM_U8, 1),
            Arguments.of(16000, Encoding.PCM_S16, 2),
            Arguments.of(22050, Encoding.PCM_S16, 1),
            Arguments.of(44100, Encoding.PCM_S24, 2),
            Arguments.of(48000, Encoding.PCM_S16, 2),
            Arguments.of(48000, Encoding.PCM_S32, 1),
            Arguments.of(16000, Encoding.MULAW, 1),
        };
    }

    /**
     * Every format decodes to the analysis rate with the right length, the right level (a -6 dBFS
     * sine stays within 0.5 dB) and the right frequency (zero crossings within 1%), and each
     * channel keeps its own signal.
     */
    @ParameterizedTest(name = "{0} Hz {1} x{2}")
    @MethodSource("formats")
    void decodesEveryFormatToTheAnalysisRate(int rate, Encoding enc, int channels)
            throws IOException {
        float[][] ch = new float[channels][];
        for (int c = 0; c < channels; c++) {
            ch[c] = TestWavs.sine(c == 0 ? 440 : 1000, 0.5, 2.0, rate);
        }
        Path f = dir.resolve("t.wav");
        Files.write(f, TestWavs.wav(rate, enc, ch));
        try (AudioSource s = WavDecoder.open(f)) {
            assertThat(s.format().sampleRate()).isEqualTo(rate);
            assertThat(s.format().encoding()).isEqualTo(enc);
            assertThat(s.channels()).isEqualTo(channels);
            float[][] all = readAll(s);
            assertThat(all[0].length).isBetween(15990, 16010);
            for (int c = 0; c < channels; c++) {
                float[] x = Arrays.copyOfRange(all[c], 800, 15200);
                double rms = 0;
                int crossings = 0;
                for (int i = 0; i < x.length; i++) {
                    rms += x[i] * x[i];
                    if (i > 0 && x[i - 1] < 0 && x[i] >= 0) {
                        crossings++;
                    }
                }
                double db = 10 * Math.log10(rms / x.length);
                assertThat(db).as("level of channel %d", c).isCloseTo(-9.03, within(0.5));
                double hz = crossings / (x.length / 8000.0);
                assertThat(hz).isCloseTo(c == 0 ? 440 : 1000, within((c == 0 ? 440 : 1000) * 0.01));
            }
        }
    }

    @Test
    void resamplingRemovesContentAboveTheTelephoneBand() throws IOException {
        Path f = dir.resolve("hf.wav");
        Files.write(f, TestWavs.wav(48000, Encoding.PCM_S16, TestWavs.sine(6000, 0.5, 1.0, 48000)));
        try (AudioSource s = WavDecoder.open(f)) {
            float[] x = readAll(s)[0];
            double rms = 0;
            for (int i = 400; i < x.length - 400; i++) {
                rms += x[i] * x[i];
            }
            assertThat(10 * Math.log10(rms / (x.length - 800) + 1e-12)).isLessThan(-60);
        }
    }

    /** WAVE_FORMAT_EXTENSIBLE headers and metadata chunks before the data are read through. */
    @Test
    void extensibleHeaderAndMetadataChunks() throws IOException {
        byte[] data =
                Arrays.copyOfRange(
                        TestWavs.wav(16000, Encoding.PCM_S16, TestWavs.sine(440, 0.5, 0.5, 16000)),
                        44,
                        44 + 16000);
        ByteBuffer b = ByteBuffer.allocate(12 + 48 + 8 + 5 + 1 + 8 + data.length);
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(40).putShort((short) 0xFFFE).putShort((short) 1);
        b.putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16);
        b.putShort((short) 22).putShort((short) 16).putInt(4).putShort((short) 1);
        b.put(new byte[14]);
        b.put("LIST".getBytes()).putInt(5).put("INFOx".getBytes()).put((byte) 0);
        b.put("data".getBytes()).putInt(data.length).put(data);
        Path f = dir.resolve("ext.wav");
        Files.write(f, b.array());
        try (AudioSource s = WavDecoder.open(f)) {
            assertThat(s.format().encoding()).isEqualTo(Encoding.PCM_S16);
            assertThat(readAll(s)[0].length).isBetween(3995, 4005);
        }
    }

    @Test
    void notAWav() throws IOException {
        assertBad(
                "notes.wav",
                "hello, this is plain text and not audio".getBytes(),
                "not a WAV file");
    }

    @Test
    void directoryOrMissingFile() throws IOException {
        assertThatThrownBy(() -> WavDecoder.open(dir))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage(dir + ": not a regular file");
        assertThatThrownBy(() -> WavDecoder.open(dir.resolve("gone.wav")))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage(dir.resolve("gone.wav") + ": no such file");
    }

    @Test
    void zeroLength() throws IOException {
        assertBad("empty.wav", new byte[0], "empty file (0 bytes)");
    }

    @Test
    void truncatedDataChunk() throws IOException {
        byte[] ok = TestWavs.wav(8000, Encoding.PCM_S16, TestWavs.sine(440, 0.5, 1.0, 8000));
        assertBad(
                "cut.wav",
                Arrays.copyOf(ok, 44 + 5000),
                "truncated data chunk: the header declares 16000 bytes of audio but only 5000"
                        + " follow");
    }

    @Test
    void truncatedStreamIsReportedWhenTheDataRunsOut() throws IOException {
        byte[] ok = TestWavs.wav(8000, Encoding.PCM_S16, TestWavs.sine(440, 0.5, 1.0, 8000));
        byte[] cut = Arrays.copyOf(ok, 44 + 5000);
        assertThatThrownBy(
                        () -> {
                            try (AudioSource s =
                                    WavDecoder.open(new ByteArrayInputStream(cut), "live-1", -1)) {
                                readAll(s);
                            }
                        })
                .isInstanceOf(AudioFormatException.class)
                .hasMessage(
                        "live-1: truncated data chunk: the header declares 16000 bytes of audio"
                                + " but the file ends after 5000");
    }

    @Test
    void headerOnly() throws IOException {
        byte[] ok = TestWavs.wav(8000, Encoding.PCM_S16, TestWavs.sine(440, 0.5, 1.0, 8000));
        assertBad("head.wav", Arrays.copyOf(ok, 30), "truncated header inside the fmt chunk");
        assertBad("nodata.wav", Arrays.copyOf(ok, 36), "truncated header: no data chunk");
    }

    @Test
    void emptyDataChunk() throws IOException {
        assertBad(
                "silent.wav",
                TestWavs.riff(1, 1, 8000, 16, new byte[0]),
                "no audio: the data chunk is empty");
    }

    @Test
    void unsupportedCodecs() throws IOException {
        assertBad(
                "float.wav",
                TestWavs.riff(3, 1, 8000, 32, new byte[64]),
                "unsupported codec: IEEE float (format tag 3)");
        assertBad(
                "mp3.wav",
                TestWavs.riff(0x55, 1, 8000, 16, new byte[64]),
                "unsupported codec: MPEG Layer 3 (format tag 85)");
        assertBad(
                "adpcm.wav",
                TestWavs.riff(2, 1, 8000, 4, new byte[64]),
                "unsupported codec: Microsoft ADPCM (format tag 2)");
        assertBad(
                "pcm12.wav",
                TestWavs.riff(1, 1, 8000, 12, new byte[64]),
                "unsupported PCM sample size 12 bits");
    }

    @Test
    void absurdHeaderValues() throws IOException {
        assertBad("rate0.wav", TestWavs.riff(1, 1, 0, 16, new byte[64]), "absurd sample rate 0 Hz");
        assertBad(
                "rate.wav",
                TestWavs.riff(1, 1, 12345, 16, new byte[64]),
                "unsupported sample rate 12345 Hz");
        assertBad("ch0.wav", TestWavs.riff(1, 0, 8000, 16, new byte[64]), "absurd channel count 0");
        assertBad(
                "ch6.wav",
                TestWavs.riff(1, 6, 8000, 16, new byte[64]),
                "unsupported channel count 6 (mono or stereo only)");
        byte[] huge = TestWavs.wav(8000, Encoding.PCM_S16, TestWavs.sine(440, 0.5, 0.1, 8000));
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7FFFFFF0);
        assertBad("huge.wav", huge, "truncated data chunk: the header declares 2147483632 bytes");
        byte[] align = TestWavs.wav(8000, Encoding.PCM_S16, TestWavs.sine(440, 0.5, 0.1, 8000));
        ByteBuffer.wrap(align).order(ByteOrder.LITTLE_ENDIAN).putShort(32, (short) 7);
        assertBad("align.wav", align, "absurd block align 7 (expected 2 for 1 x 16 bits)");
        byte[] chunk = TestWavs.wav(8000, Encoding.PCM_S16, TestWavs.sine(440, 0.5, 0.1, 8000));
        byte[] list =
                TestWavs.concat(
                        Arrays.copyOf(chunk, 36),
                        new byte[] {'L', 'I', 'S', 'T', -1, -1, -1, 0x7f});
        assertBad(
                "chunk.wav",
                TestWavs.concat(list, Arrays.copyOfRange(chunk, 36, chunk.length)),
                "absurd size 2147483647 for chunk 'LIST'");
    }

    @Test
    void wrongChannelNamesForTheFile() throws IOException {
        Path f = dir.resolve("mono.wav");
        Files.write(f, TestWavs.wav(8000, Encoding.PCM_S16, TestWavs.sine(440, 0.5, 0.5, 8000)));
        assertThatThrownBy(
                        () ->
                                new CallAnalyzer(
                                                FeatureSettings.DEFAULTS.withChannels(
                                                        java.util.List.of("agent", "customer")))
                                        .analyze(f))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage(
                        f
                                + ": the file has 1 channel but 2 channel names were given"
                                + " (agent,customer)");
    }

    private void assertBad(String name, byte[] bytes, String reason) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        assertThatThrownBy(
                        () -> {
                            try (AudioSource s = WavDecoder.open(f)) {
                                readAll(s);
                            }
                        })
                .isInstanceOfSatisfying(
                        AudioFormatException.class,
                        e -> {
                            assertThat(e.file()).isEqualTo(f.toString());
                            assertThat(e.reason()).startsWith(reason);
                            assertThat(e.getMessage()).startsWith(f + ": " + reason);
                        });
    }

    static float[][] readAll(AudioSource s) throws IOException {
        float[][] block = new float[s.channels()][s.blockCapacity()];
        float[][] out = new float[s.channels()][0];
        int n;
        while ((n = s.read(block)) >= 0) {
            for (int c = 0; c < out.length; c++) {
                int old = out[c].length;
                out[c] = Arrays.copyOf(out[c], old + n);
                System.arraycopy(block[c], 0, out[c], old, n);
            }
        }
        return out;
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}

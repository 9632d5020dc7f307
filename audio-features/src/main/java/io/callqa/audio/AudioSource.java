package io.callqa.audio;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decoded audio of one recording, read block by block at the analysis rate ({@link
 * #ANALYSIS_RATE}), one float array per channel, samples in [-1, 1].
 *
 * <p>Memory is constant: one block of input bytes, one block of samples per channel and the
 * resampler's filter history, about 100 kB whatever the length of the file. Obtain one from {@link
 * WavDecoder}.
 *
 * <p>Why 8 kHz: telephone audio carries nothing above 3.4 kHz, and every feature callqa measures
 * (F0 up to 500 Hz, the share of energy above 1 kHz, energy, syllable nuclei) lives well below the
 * 4 kHz Nyquist. Bringing wideband recordings down to the same band makes agent and customer
 * features comparable across codecs and lines, and it is the cheapest rate to analyse.
 */
public final class AudioSource implements Closeable {
    /** The rate every recording is analysed at, in Hz. */
    public static final int ANALYSIS_RATE = 8000;

    /** Input sample frames decoded per block. */
    static final int BLOCK_FRAMES = 4096;

    private static final float[] MULAW = new float[256];
    private static final float[] ALAW = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xFF;
            int t = (((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 7);
            MULAW[i] = ((u & 0x80) != 0 ? 0x84 - t : t - 0x84) / 32768f;

            int a = i ^ 0x55;
            int exp = (a >> 4) & 7;
            int mant = a & 0x0F;
            int s = exp == 0 ? (mant << 4) + 8 : ((mant << 4) + 0x108) << (exp - 1);
            ALAW[i] = ((a & 0x80) != 0 ? s : -s) / 32768f;
        }
    }

    private final String name;
    private final WavFormat format;
    private final InputStream in;
    private final byte[] bytes;
    private final float[][] decoded;
    private final Resampler[] resamplers;
    private long remaining;
    private boolean finished;

    AudioSource(String name, WavFormat format, InputStream in) {
        this.name = name;
        this.format = format;
        this.in = in;
        this.bytes = new byte[BLOCK_FRAMES * format.blockAlign()];
        this.decoded = new float[format.channels()][BLOCK_FRAMES];
        this.resamplers = new Resampler[format.channels()];
        for (int c = 0; c < resamplers.length; c++) {
            resamplers[c] = new Resampler(format.sampleRate(), ANALYSIS_RATE);
        }
        this.remaining = format.frames() * format.blockAlign();
    }

    /** The file or stream name, as used in error messages. */
    public String name() {
        return name;
    }

    /** The stored format, before resampling. */
    public WavFormat format() {
        return format;
    }

    /** Number of channels. */
    public int channels() {
        return format.channels();
    }

    /** Samples per channel that {@link #read} may write at most; size the arrays passed to it. */
    public int blockCapacity() {
        return BLOCK_FRAMES + 64;
    }

    /**
     * Decodes the next block into {@code dest[channel][0..n)} at the analysis rate.
     *
     * @return n, the number of samples per channel written, or -1 at the end of the audio
     * @throws AudioFormatException when the data chunk ends before the header said it would
     */
    public int read(float[][] dest) throws IOException {
        while (!finished) {
            if (remaining <= 0) {
                finished = true;
                int n = 0;
                for (int c = 0; c < resamplers.length; c++) {
                    n = resamplers[c].flush(dest[c]);
                }
                if (n > 0) {
                    return n;
                }
                break;
            }
            int want = (int) Math.min(bytes.length, remaining);
            int got = in.readNBytes(bytes, 0, want);
            if (got < want) {
                long declared = format.dataBytes();
                long present = declared - remaining + got;
                throw new AudioFormatException(
                        name,
                        "truncated data chunk: the header declares "
                                + declared
                                + " bytes of audio but the file ends after "
                                + present);
            }
            remaining -= got;
            int frames = got / format.blockAlign();
            decode(frames);
            int n = 0;
            for (int c = 0; c < resamplers.length; c++) {
                n = resamplers[c].process(decoded[c], frames, dest[c]);
            }
            if (n > 0) {
                return n;
            }
        }
        return -1;
    }

    private void decode(int frames) {
        int channels = format.channels();
        int p = 0;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                float v;
                switch (format.encoding()) {
                    case PCM_U8 -> v = ((bytes[p++] & 0xFF) - 128) / 128f;
                    case PCM_S16 -> {
                        v = (short) ((bytes[p] & 0xFF) | (bytes[p + 1] << 8)) / 32768f;
                        p += 2;
                    }
                    case PCM_S24 -> {
                        int s =
                                (bytes[p] & 0xFF)
                                        | ((bytes[p + 1] & 0xFF) << 8)
                                        | (bytes[p + 2] << 16);
                        v = s / 8388608f;
                        p += 3;
                    }
                    case PCM_S32 -> {
                        int s =
                                (bytes[p] & 0xFF)
                                        | ((bytes[p + 1] & 0xFF) << 8)
                                        | ((bytes[p + 2] & 0xFF) << 16)
                                        | (bytes[p + 3] << 24);
                        v = s / 2147483648f;
                        p += 4;
                    }
                    case MULAW -> v = MULAW[bytes[p++] & 0xFF];
                    case ALAW -> v = ALAW[bytes[p++] & 0xFF];
                    default -> throw new IllegalStateException("unhandled " + format.encoding());
                }
                decoded[c][f] = v;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package io.callqa.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens RIFF/WAVE recordings for streaming analysis: 8-, 16-, 24- and 32-bit linear PCM and G.711
 * mu-law and A-law, mono or stereo, at the usual telephony and studio rates (8 to 96 kHz).
 *
 * <p>The header is validated before any audio is read, and every problem becomes an {@link
 * AudioFormatException} naming the file and the reason: never a hang, an out-of-memory error or an
 * empty result. Only the header is read here; the samples are decoded block by block by the
 * returned {@link AudioSource}.
 */
public final class WavDecoder {
    /** Sample rates the resampler has filters for; anything else is refused with a message. */
    public static final Set<Integer> SAMPLE_RATES =
            Set.of(8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000);

    /** Metadata chunks larger than this are not real WAV metadata; refuse rather than skip. */
    private static final long MAX_METADATA_CHUNK = 16L * 1024 * 1024;

    private WavDecoder() {}

    /** Opens a WAV file. */
    public static AudioSource open(Path file) throws IOException {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(name, "no such file", e);
        }
        if (!Files.isRegularFile(file)) {
            throw new AudioFormatException(name, "not a regular file");
        }
        if (size == 0) {
            throw new AudioFormatException(name, "empty file (0 bytes), not a WAV recording");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return open(in, name, size);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Opens a WAV stream.
     *
     * @param in the stream, positioned at the RIFF header; the source closes it
     * @param name the name to use in error messages
     * @param length the stream length in bytes, or -1 when unknown (then truncation is reported
     *     when the data runs out)
     */
    public static AudioSource open(InputStream in, String name, long length) throws IOException {
        byte[] head = new byte[12];
        int got = in.readNBytes(head, 0, 12);
        if (got == 0) {
            throw new AudioFormatException(name, "empty file (0 bytes), not a WAV recording");
        }
        if (got < 12 || !tag(head, 0).equals("RIFF") || !tag(head, 8).equals("WAVE")) {
            String what =
                    tag(head, 0).equals("RIFF") ? "a RIFF file but not WAVE" : "no RIFF header";
            throw new AudioFormatException(name, "not a WAV file (" + what + ")");
        }
        long position = 12;
        WavFormat fmt = null;
        byte[] chunk = new byte[8];
        while (true) {
            if (in.readNBytes(chunk, 0, 8) < 8) {
                throw new AudioFormatException(
                        name,
                        fmt == null
                                ? "truncated header: no fmt chunk"
                                : "truncated header: no data chunk");
            }
            position += 8;
            String id = tag(chunk, 0);
            long size = u32(chunk, 4);
            long left = length < 0 ? Long.MAX_VALUE : length - position;
            if (id.equals("fmt ")) {
                if (size < 16 || size > 1024) {
                    throw new AudioFormatException(
                            name, "absurd fmt chunk size " + size + " (expected 16 to 40 bytes)");
                }
                byte[] body = readChunk(in, name, (int) size, "fmt");
                fmt = parseFormat(name, body);
                position += size + (size & 1);
                skipPad(in, name, size);
            } else if (id.equals("data")) {
                if (fmt == null) {
                    throw new AudioFormatException(name, "data chunk before the fmt chunk");
                }
                if (size == 0) {
                    throw new AudioFormatException(name, "no audio: the data chunk is empty");
                }
                if (size > left) {
                    throw new AudioFormatException(
                            name,
                            "truncated data chunk: the header declares "
                                    + size
                                    + " bytes of audio but only "
                                    + left
                                    + " follow");
                }
                WavFormat f = new WavFormat(fmt.sampleRate(), fmt.channels(), fmt.encoding(), size);
                if (f.frames() == 0) {
                    throw new AudioFormatException(
                            name, "no audio: the data chunk holds less than one sample frame");
                }
                return new AudioSource(name, f, in);
            } else {
                if (size > MAX_METADATA_CHUNK || size > left) {
                    throw new AudioFormatException(
                            name,
                            "absurd size "
                                    + size
                                    + " for chunk '"
                                    + printable(id)
                                    + "'"
                                    + (size > left ? " (past the end of the file)" : ""));
                }
                try {
                    in.skipNBytes(size + (size & 1));
                } catch (java.io.EOFException e) {
                    throw new AudioFormatException(
                            name, "truncated header inside chunk '" + printable(id) + "'", e);
                }
                position += size + (size & 1);
            }
        }
    }

    private static WavFormat parseFormat(String name, byte[] b) throws AudioFormatException {
        int tag = u16(b, 0);
        int channels = u16(b, 2);
        long rate = u32(b, 4);
        long byteRate = u32(b, 8);
        int blockAlign = u16(b, 12);
        int bits = u16(b, 14);
        if (tag == 0xFFFE && b.length >= 26) {
            // WAVE_FORMAT_EXTENSIBLE: the real format tag leads the sub-format GUID.
            tag = u16(b, 24);
        }
        if (channels == 0 || channels > 64) {
            throw new AudioFormatException(name, "absurd channel count " + channels);
        }
        if (channels > 2) {
            throw new AudioFormatException(
                    name, "unsupported channel count " + channels + " (mono or stereo only)");
        }
        if (rate == 0 || rate > 384_000) {
            throw new AudioFormatException(name, "absurd sample rate " + rate + " Hz");
        }
        if (!SAMPLE_RATES.contains((int) rate)) {
            throw new AudioFormatException(
                    name,
                    "unsupported sample rate "
                            + rate
                            + " Hz (supported: 8000, 11025, 12000, 16000, 22050, 24000, 32000,"
                            + " 44100, 48000, 88200, 96000)");
        }
        Encoding enc =
                switch (tag) {
                    case 1 ->
                            switch (bits) {
                                case 8 -> Encoding.PCM_U8;
                                case 16 -> Encoding.PCM_S16;
                                case 24 -> Encoding.PCM_S24;
                                case 32 -> Encoding.PCM_S32;
                                default ->
                                        throw new AudioFormatException(
                                                name,
                                                "unsupported PCM sample size " + bits + " bits");
                            };
                    case 6 -> Encoding.ALAW;
                    case 7 -> Encoding.MULAW;
                    default ->
                            throw new AudioFormatException(
                                    name, "unsupported codec: " + codecName(tag));
                };
        if (enc.bits() != bits) {
            throw new AudioFormatException(
                    name, enc + " needs 8 bits per sample, the header says " + bits);
        }
        int expectedAlign = channels * bits / 8;
        if (blockAlign != expectedAlign) {
            throw new AudioFormatException(
                    name,
                    "absurd block align "
                            + blockAlign
                            + " (expected "
                            + expectedAlign
                            + " for "
                            + channels
                            + " x "
                            + bits
                            + " bits)");
        }
        if (byteRate != rate * expectedAlign) {
            throw new AudioFormatException(
                    name,
                    "absurd byte rate "
                            + byteRate
                            + " (expected "
                            + rate * expectedAlign
                            + " for "
                            + rate
                            + " Hz)");
        }
        return new WavFormat((int) rate, channels, enc, 0);
    }

    private static String codecName(int tag) {
        return switch (tag) {
                    case 2 -> "Microsoft ADPCM (format tag 2)";
                    case 3 -> "IEEE float (format tag 3)";
                    case 0x11 -> "IMA ADPCM (format tag 17)";
                    case 0x31 -> "GSM 6.10 (format tag 49)";
                    case 0x55 -> "MPEG Layer 3 (format tag 85)";
                    default -> "format tag " + tag;
                }
                + "; only PCM, mu-law and A-law WAV files are read";
    }

    private static byte[] readChunk(InputStream in, String name, int size, String what)
            throws IOException {
        byte[] body = new byte[size];
        if (in.readNBytes(body, 0, size) < size) {
            throw new AudioFormatException(name, "truncated header inside the " + what + " chunk");
        }
        return body;
    }

    private static void skipPad(InputStream in, String name, long size) throws IOException {
        if ((size & 1) == 1 && in.read() < 0) {
            throw new AudioFormatException(name, "truncated header: no data chunk");
        }
    }

    private static String tag(byte[] b, int off) {
        return new String(b, off, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String printable(String id) {
        return id.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    private static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL)
                | ((b[off + 1] & 0xFFL) << 8)
                | ((b[off + 2] & 0xFFL) << 16)
                | ((b[off + 3] & 0xFFL) << 24);
    }
}

package io.callqa.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes WAV bytes from float samples, for tests. */
final class TestWavs {
    private TestWavs() {}

    /** A WAV file holding {@code ch[channel][sample]} at {@code rate} in {@code enc}. */
    static byte[] wav(int rate, Encoding enc, float[]... ch) {
        int channels = ch.length;
        int frames = ch[0].length;
        int bytesPer = enc.bits() / 8;
        int tag = enc == Encoding.MULAW ? 7 : enc == Encoding.ALAW ? 6 : 1;
        ByteBuffer data = ByteBuffer.allocate(frames * channels * bytesPer);
        data.order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (float[] c : ch) {
                double v = Math.max(-1, Math.min(1, c[f]));
                switch (enc) {
                    case PCM_U8 -> data.put((byte) (Math.round(v * 127) + 128));
                    case PCM_S16 -> data.putShort((short) Math.round(v * 32767));
                    case PCM_S24 -> {
                        int s = (int) Math.round(v * 8388607);
                        data.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                    }
                    case PCM_S32 -> data.putInt((int) Math.round(v * 2147483647.0));
                    case MULAW -> data.put(mulaw((int) Math.round(v * 32767)));
                    case ALAW -> data.put(alaw((int) Math.round(v * 32767)));
                    default -> throw new IllegalArgumentException();
                }
            }
        }
        return riff(tag, channels, rate, enc.bits(), data.array());
    }

    /** RIFF bytes with the given fmt fields and data. */
    static byte[] riff(int tag, int channels, int rate, int bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) tag).putShort((short) channels);
        b.putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8));
        b.putShort((short) bits);
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    static float[] sine(double hz, double amp, double seconds, int rate) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** A voice-like harmonic tone: 10 harmonics of {@code f0} with a -6 dB/octave slope. */
    static float[] harmonic(double f0, double amp, double seconds, int rate) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int h = 1; h <= 10 && h * f0 < rate / 2.0; h++) {
                s += Math.sin(2 * Math.PI * h * f0 * i / rate) / h;
            }
            x[i] = (float) (amp * s / 1.6);
        }
        return x;
    }

    /** Copies {@code part} into {@code into} starting at {@code atS} seconds. */
    static void place(float[] into, float[] part, double atS, int rate) {
        int at = (int) Math.round(atS * rate);
        for (int i = 0; i < part.length && at + i < into.length; i++) {
            into[at + i] += part[i];
        }
    }

    private static byte mulaw(int pcm) {
        int sign = pcm < 0 ? 0x80 : 0;
        int mag = Math.min(Math.abs(pcm), 32635) + 0x84;
        int exp = 7;
        for (int mask = 0x4000; (mag & mask) == 0 && exp > 0; mask >>= 1) {
            exp--;
        }
        int mant = (mag >> (exp + 3)) & 0x0F;
        return (byte) ~(sign | (exp << 4) | mant);
    }

    private static byte alaw(int pcm) {
        int sign = pcm >= 0 ? 0x80 : 0;
        int mag = Math.min(Math.abs(pcm), 32767) >> 3;
        int exp;
        int mant;
        if (mag < 32) {
            exp = 0;
            mant = mag >> 1;
        } else {
            exp = 31 - Integer.numberOfLeadingZeros(mag) - 4;
            mant = (mag >> exp) & 0x0F;
            exp = Math.min(exp, 7);
        }
        return (byte) ((sign | (exp << 4) | mant) ^ 0x55);
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }
}

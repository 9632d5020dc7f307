package io.callqa.audio;

/** Sample encodings the decoder reads from a WAV data chunk. */
public enum Encoding {
    /** Unsigned 8-bit linear PCM (WAV's 8-bit convention, 128 = silence). */
    PCM_U8(8),
    /** Signed little-endian 16-bit linear PCM. */
    PCM_S16(16),
    /** Signed little-endian 24-bit linear PCM. */
    PCM_S24(24),
    /** Signed little-endian 32-bit linear PCM. */
    PCM_S32(32),
    /** ITU-T G.711 mu-law, 8 bits per sample. */
    MULAW(8),
    /** ITU-T G.711 A-law, 8 bits per sample. */
    ALAW(8);

    private final int bits;

    Encoding(int bits) {
        this.bits = bits;
    }

    /** Bits per sample in the data chunk. */
    public int bits() {
        return bits;
    }
}

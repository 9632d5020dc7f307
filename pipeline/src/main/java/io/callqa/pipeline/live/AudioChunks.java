package io.callqa.pipeline.live;

/** Turns a chunk's bytes into 16-bit samples. */
final class AudioChunks {
    private static final short[] MULAW = new short[256];

    static {
        // G.711 mu-law expansion (ITU-T G.711, table 2).
        for (int i = 0; i < 256; i++) {
            int u = ~i & 0xFF;
            int t = (((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 7);
            MULAW[i] = (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
        }
    }

    private AudioChunks() {}

    /** The chunk's samples; pcm16 is little-endian. */
    static short[] decode(AudioChunk c) {
        if ("mulaw".equals(c.encoding)) {
            short[] out = new short[c.data.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = MULAW[c.data[i] & 0xFF];
            }
            return out;
        }
        short[] out = new short[c.data.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((c.data[2 * i] & 0xFF) | (c.data[2 * i + 1] << 8));
        }
        return out;
    }
}

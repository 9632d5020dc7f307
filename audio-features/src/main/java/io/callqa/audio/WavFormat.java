package io.callqa.audio;

/**
 * What a WAV header says about its audio.
 *
 * @param sampleRate samples per second per channel, as stored
 * @param channels 1 (mono) or 2 (stereo)
 * @param encoding how each sample is stored
 * @param dataBytes length of the data chunk in bytes
 */
public record WavFormat(int sampleRate, int channels, Encoding encoding, long dataBytes) {

    /** Bytes per sample frame (all channels). */
    public int blockAlign() {
        return channels * encoding.bits() / 8;
    }

    /** Sample frames in the data chunk. */
    public long frames() {
        return dataBytes / blockAlign();
    }

    /** Duration in seconds. */
    public double durationS() {
        return (double) frames() / sampleRate;
    }
}

package io.callqa.pipeline.live;

/**
 * The audio a live call keeps for one channel: what arrived since the channel's last finalized
 * utterance (plus a short lead-in), enough to measure the next utterance and to rebuild a
 * recognizer after a restore. Flink POJO for keyed state.
 */
public class ChannelAudio {
    /** Samples per second of this channel; fixed for the call. */
    public int sampleRate;

    /** Position in the channel, in samples from the start of the call, of {@code pcm[0]}. */
    public long startSample;

    /** Samples the recognizer has consumed, from the start of the call. */
    public long recognizedTo;

    /** 16-bit samples; the first {@link #length} are valid. */
    public short[] pcm = new short[0];

    /** Valid samples in {@link #pcm}. */
    public int length;

    /** For Flink's POJO serializer. */
    public ChannelAudio() {}

    ChannelAudio(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** Samples received from the start of the call. */
    long endSample() {
        return startSample + length;
    }

    /** Seconds of the channel received from the start of the call. */
    double endSeconds() {
        return endSample() / (double) sampleRate;
    }

    void append(short[] samples) {
        if (length + samples.length > pcm.length) {
            short[] grown = new short[Math.max(length + samples.length, pcm.length * 2)];
            System.arraycopy(pcm, 0, grown, 0, length);
            pcm = grown;
        }
        System.arraycopy(samples, 0, pcm, length, samples.length);
        length += samples.length;
    }

    /** Forgets the audio before {@code sample} (from the start of the call). */
    void dropBefore(long sample) {
        int drop = (int) Math.max(0, Math.min(length, sample - startSample));
        if (drop == 0) {
            return;
        }
        short[] kept = new short[length - drop];
        System.arraycopy(pcm, drop, kept, 0, kept.length);
        pcm = kept;
        length = kept.length;
        startSample += drop;
    }
}

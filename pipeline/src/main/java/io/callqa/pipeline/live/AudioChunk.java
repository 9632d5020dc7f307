package io.callqa.pipeline.live;

/**
 * A piece of live call audio from the {@code callqa.audio} topic: one channel of one call, in a
 * numbered sequence so that reordering and duplicates can be undone.
 */
public class AudioChunk {
    /** The call this audio belongs to. */
    public String callId;

    /** {@code agent} or {@code customer}. */
    public String channel;

    /** Position in the channel's sequence, from 0. */
    public long seq;

    /** Samples per second. */
    public int sampleRate;

    /** {@code pcm16} (little-endian) or {@code mulaw}. */
    public String encoding;

    /** The audio bytes. */
    public byte[] data;

    /** Where the chunk came from (topic, partition, offset), for error reports. */
    public String source;

    /** For Flink's POJO serializer. */
    public AudioChunk() {}

    /** A chunk with every field set. */
    public AudioChunk(
            String callId,
            String channel,
            long seq,
            int sampleRate,
            String encoding,
            byte[] data,
            String source) {
        this.callId = callId;
        this.channel = channel;
        this.seq = seq;
        this.sampleRate = sampleRate;
        this.encoding = encoding;
        this.data = data;
        this.source = source;
    }

    /** Length of the audio in seconds. */
    public double seconds() {
        int bytesPerSample = "pcm16".equals(encoding) ? 2 : 1;
        return sampleRate > 0 ? data.length / (double) (bytesPerSample * sampleRate) : 0;
    }

    @Override
    public String toString() {
        return callId + "/" + channel + "#" + seq;
    }
}

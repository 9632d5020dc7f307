package io.callqa.pipeline.source;

import java.util.Objects;

/**
 * One recorded or pre-transcribed call as it enters the job: either a reference to a file (a
 * sidecar transcript now, audio later), which the analysing operator opens through Flink's file
 * systems so that large recordings are streamed rather than carried as records, or the bytes of a
 * transcript that arrived as a Kafka record.
 */
public class CallInput {
    /**
     * Where the input came from: a file URI ({@code file:/data/calls/c-1.json}) or a Kafka
     * reference ({@code kafka:callqa.transcripts/0@42}). Named in every error about it.
     */
    public String uri;

    /** Size in bytes when enumerated or received. */
    public long sizeBytes;

    /** The content when it arrived inline (Kafka); null for files, which are read on demand. */
    public byte[] payload;

    /**
     * For a transcript file, the recording that belongs to it ({@link CallFiles#recordingOf}), as
     * the source found it; null when there is none.
     */
    public String recordingUri;

    /** For Flink's POJO serializer. */
    public CallInput() {}

    /** A reference to the file at {@code uri} of {@code sizeBytes} bytes. */
    public CallInput(String uri, long sizeBytes) {
        this.uri = uri;
        this.sizeBytes = sizeBytes;
    }

    /** A transcript file at {@code uri} and the recording that belongs to it (or null). */
    public CallInput(String uri, long sizeBytes, String recordingUri) {
        this(uri, sizeBytes);
        this.recordingUri = recordingUri;
    }

    /** Content that arrived inline from {@code source}. */
    public static CallInput inline(String source, byte[] payload) {
        CallInput in = new CallInput(source, payload == null ? 0 : payload.length);
        in.payload = payload;
        return in;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallInput f
                && f.uri.equals(uri)
                && f.sizeBytes == sizeBytes
                && Objects.equals(f.recordingUri, recordingUri);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, sizeBytes, recordingUri);
    }

    @Override
    public String toString() {
        return uri;
    }
}

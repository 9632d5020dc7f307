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

    /** For Flink's POJO serializer. */
    public CallInput() {}

    /** A reference to the file at {@code uri} of {@code sizeBytes} bytes. */
    public CallInput(String uri, long sizeBytes) {
        this.uri = uri;
        this.sizeBytes = sizeBytes;
    }

    /** Content that arrived inline from {@code source}. */
    public static CallInput inline(String source, byte[] payload) {
        CallInput in = new CallInput(source, payload == null ? 0 : payload.length);
        in.payload = payload;
        return in;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallInput f && f.uri.equals(uri) && f.sizeBytes == sizeBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, sizeBytes);
    }

    @Override
    public String toString() {
        return uri;
    }
}

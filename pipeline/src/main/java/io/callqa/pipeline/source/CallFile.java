package io.callqa.pipeline.source;

import java.util.Objects;

/**
 * A reference to one input file of a recorded call (a sidecar transcript now, audio later). The
 * file itself is opened by the operator that analyses it, through Flink's file systems, so that
 * large recordings are streamed rather than carried through the job as records.
 */
public class CallFile {
    /** The file's URI, e.g. {@code file:/data/calls/c-1.json}. */
    public String uri;

    /** Size in bytes when the file was enumerated. */
    public long sizeBytes;

    /** For Flink's POJO serializer. */
    public CallFile() {}

    /** A reference to {@code uri} of {@code sizeBytes} bytes. */
    public CallFile(String uri, long sizeBytes) {
        this.uri = uri;
        this.sizeBytes = sizeBytes;
    }

    /** The file name without its directory. */
    public String fileName() {
        int slash = uri.lastIndexOf('/');
        return slash < 0 ? uri : uri.substring(slash + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallFile f && f.uri.equals(uri) && f.sizeBytes == sizeBytes;
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

package io.callqa.pipeline.sink.opensearch;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One buffered write for the OpenSearch sink: the target index, a deterministic document id and the
 * document's JSON source as UTF-8 bytes.
 *
 * <p>Instances are what {@link OpenSearchSinkWriter} buffers, batches into bulk requests and puts
 * into checkpoints, so they are immutable and {@link Serializable}. The id is required: the sink
 * only writes with caller-chosen ids so that a replay after a failure overwrites the documents it
 * already wrote instead of adding duplicates.
 */
public final class DocumentRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The bulk action a request stands for. */
    public enum Operation {
        /** Create the document or replace it whole. */
        INDEX((byte) 1);

        private final byte code;

        Operation(byte code) {
            this.code = code;
        }

        byte code() {
            return code;
        }

        static Operation fromCode(byte code) {
            for (Operation op : values()) {
                if (op.code == code) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown DocumentRequest operation code " + code);
        }
    }

    /** OpenSearch refuses ids longer than this many bytes. */
    static final int MAX_ID_BYTES = 512;

    /**
     * Bytes the bulk action line adds to each document, e.g. {@code {"index":{"_index":"",
     * "_id":""}}} and two newlines; used so that batching by bytes tracks the real body size.
     */
    private static final int ACTION_LINE_OVERHEAD = 32;

    private final Operation operation;
    private final String index;
    private final String id;
    private final byte[] source;

    private DocumentRequest(Operation operation, String index, String id, byte[] source) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.index = requireText(index, "index");
        this.id = requireText(id, "document id");
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException(
                    "OpenSearch sink: document id is longer than "
                            + MAX_ID_BYTES
                            + " bytes: "
                            + id.substring(0, Math.min(id.length(), 64))
                            + "...");
        }
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Creates a request that indexes {@code jsonSource} (one JSON object, UTF-8) under {@code id}
     * in {@code index}, replacing any document with that id.
     *
     * <p>The array is not copied; do not change it afterwards.
     */
    public static DocumentRequest index(String index, String id, byte[] jsonSource) {
        return new DocumentRequest(Operation.INDEX, index, id, jsonSource);
    }

    /** Like {@link #index(String, String, byte[])} with the JSON given as a string. */
    public static DocumentRequest index(String index, String id, String jsonSource) {
        Objects.requireNonNull(jsonSource, "source");
        return index(index, id, jsonSource.getBytes(StandardCharsets.UTF_8));
    }

    static DocumentRequest of(Operation operation, String index, String id, byte[] source) {
        return new DocumentRequest(operation, index, id, source);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("OpenSearch sink: " + what + " must not be empty");
        }
        return value;
    }

    public Operation operation() {
        return operation;
    }

    public String index() {
        return index;
    }

    public String id() {
        return id;
    }

    /** The JSON source as UTF-8; the returned array is shared, do not change it. */
    public byte[] source() {
        return source;
    }

    /** Approximate bytes this request adds to a bulk body; used for batching by size. */
    long sizeInBytes() {
        return (long) source.length + index.length() + id.length() + ACTION_LINE_OVERHEAD;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DocumentRequest)) {
            return false;
        }
        DocumentRequest that = (DocumentRequest) o;
        return operation == that.operation
                && index.equals(that.index)
                && id.equals(that.id)
                && Arrays.equals(source, that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, index, id) * 31 + Arrays.hashCode(source);
    }

    @Override
    public String toString() {
        // The source can be large and may hold transcript text, so only its size is shown.
        return operation + " " + index + "/" + id + " (" + source.length + " bytes of source)";
    }
}

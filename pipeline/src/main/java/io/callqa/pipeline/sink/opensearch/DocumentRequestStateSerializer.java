package io.callqa.pipeline.sink.opensearch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Writes the {@link DocumentRequest}s that {@link OpenSearchSinkWriter} still buffers into a
 * checkpoint and reads them back on restore.
 *
 * <p>Strings are written as length-prefixed UTF-8 rather than with {@code writeUTF}, which uses
 * modified UTF-8 and caps a string at 64 KB; the source bytes are written as they are.
 */
public final class DocumentRequestStateSerializer
        extends AsyncSinkWriterStateSerializer<DocumentRequest> {

    /** Version 1: operation code, index, id, source. */
    private static final int VERSION = 1;

    @Override
    protected void serializeRequestToStream(DocumentRequest request, DataOutputStream out)
            throws IOException {
        out.writeByte(request.operation().code());
        writeString(out, request.index());
        writeString(out, request.id());
        byte[] source = request.source();
        out.writeInt(source.length);
        out.write(source);
    }

    @Override
    protected DocumentRequest deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        DocumentRequest.Operation operation = DocumentRequest.Operation.fromCode(in.readByte());
        String index = readString(in);
        String id = readString(in);
        byte[] source = readBytes(in);
        return DocumentRequest.of(operation, index, id, source);
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt OpenSearch sink state: negative length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}

package io.callqa.pipeline.sink.opensearch;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Wraps the user's converter to check each document before Flink's async sink buffers it.
 *
 * <p>The base writer rejects a request larger than {@code maxRecordSizeInBytes} with a message that
 * names neither the document nor the setting to change; this check fails first, with both.
 */
final class RecordSizeGuard<T> implements ElementConverter<T, DocumentRequest> {

    private static final long serialVersionUID = 1L;

    private final ElementConverter<T, DocumentRequest> converter;
    private final long maxRecordSizeInBytes;

    RecordSizeGuard(ElementConverter<T, DocumentRequest> converter, long maxRecordSizeInBytes) {
        this.converter = Objects.requireNonNull(converter, "converter");
        this.maxRecordSizeInBytes = maxRecordSizeInBytes;
    }

    @Override
    public void open(WriterInitContext context) {
        converter.open(context);
    }

    @Override
    public DocumentRequest apply(T element, SinkWriter.Context context) {
        DocumentRequest request = converter.apply(element, context);
        if (request == null) {
            throw new OpenSearchSinkException(
                    "OpenSearch sink: the document converter returned null for an element of type "
                            + (element == null ? "null" : element.getClass().getName()));
        }
        if (request.sizeInBytes() > maxRecordSizeInBytes) {
            throw new OpenSearchSinkException(
                    "OpenSearch sink: document '"
                            + request.id()
                            + "' for index '"
                            + request.index()
                            + "' is "
                            + request.sizeInBytes()
                            + " bytes, more than maxRecordSizeInBytes ("
                            + maxRecordSizeInBytes
                            + "); raise setMaxRecordSizeInBytes and setMaxBatchSizeInBytes"
                            + " (opensearch.bulk.max-bytes) or make the document smaller");
        }
        return request;
    }
}

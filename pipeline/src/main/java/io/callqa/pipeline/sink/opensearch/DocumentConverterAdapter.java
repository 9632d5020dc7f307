package io.callqa.pipeline.sink.opensearch;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Lets a {@link DocumentConverter} serve where Flink's async sink wants an element converter. */
final class DocumentConverterAdapter<T> implements ElementConverter<T, DocumentRequest> {

    private static final long serialVersionUID = 1L;

    private final DocumentConverter<T> converter;

    DocumentConverterAdapter(DocumentConverter<T> converter) {
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    @Override
    public DocumentRequest apply(T element, SinkWriter.Context context) {
        return converter.toDocument(element);
    }
}

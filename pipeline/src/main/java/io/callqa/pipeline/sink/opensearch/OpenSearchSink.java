package io.callqa.pipeline.sink.opensearch;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink sink (Sink V2, use with {@code stream.sinkTo(sink)}) that indexes documents into
 * OpenSearch with the bulk API, at least once.
 *
 * <p>Documents are batched by count, bytes and time; a checkpoint waits for the bulk requests in
 * flight and stores what is still buffered, so nothing acknowledged by a checkpoint is lost.
 * Together with the deterministic ids every {@link DocumentRequest} carries, replays overwrite
 * documents instead of duplicating them. Transient failures are retried with exponential backoff;
 * documents OpenSearch refuses for good go to a dead-letter index; see {@link OpenSearchSinkWriter}
 * for the details.
 *
 * <pre>{@code
 * OpenSearchSink<CallSummary> sink =
 *         OpenSearchSink.<CallSummary>builder()
 *                 .setHosts("http://localhost:9200")
 *                 .setDocumentConverter(
 *                         call -> DocumentRequest.index("calls", call.callId(), call.toJson()))
 *                 .build();
 * summaries.sinkTo(sink);
 * }</pre>
 *
 * @param <T> the stream element type
 */
public class OpenSearchSink<T> extends AsyncSinkBase<T, DocumentRequest> {

    private static final long serialVersionUID = 1L;

    private final OpenSearchConnectionConfig connection;
    private final RetryBackoff retryBackoff;
    private final String deadLetterIndex;

    OpenSearchSink(
            ElementConverter<T, DocumentRequest> elementConverter,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMs,
            long maxRecordSizeInBytes,
            OpenSearchConnectionConfig connection,
            RetryBackoff retryBackoff,
            String deadLetterIndex) {
        super(
                elementConverter,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMs,
                maxRecordSizeInBytes,
                AsyncSinkWriterConfiguration.DEFAULT_REQUEST_TIMEOUT_MS,
                // A request that outlives the timeout is sent again rather than failing the job;
                // deterministic ids make the second copy overwrite the first.
                false);
        this.connection = connection;
        this.retryBackoff = retryBackoff;
        this.deadLetterIndex = deadLetterIndex;
    }

    /** Starts building a sink; see {@link OpenSearchSinkBuilder} for the settings. */
    public static <T> OpenSearchSinkBuilder<T> builder() {
        return new OpenSearchSinkBuilder<>();
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<DocumentRequest>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<DocumentRequest>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<DocumentRequest>> state)
            throws IOException {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .setRequestTimeoutMS(getRequestTimeoutMS())
                        .setFailOnTimeout(getFailOnTimeout())
                        .build();
        return new OpenSearchSinkWriter<>(
                getElementConverter(),
                context,
                configuration,
                state,
                connection,
                retryBackoff,
                deadLetterIndex);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<DocumentRequest>>
            getWriterStateSerializer() {
        return new DocumentRequestStateSerializer();
    }

    /** The host URLs this sink writes to. */
    public List<String> hosts() {
        return connection.hosts();
    }

    /** The index that receives error documents for refused documents. */
    public String deadLetterIndex() {
        return deadLetterIndex;
    }

    /** The backoff between retries. */
    public RetryBackoff retryBackoff() {
        return retryBackoff;
    }

    // Package-private views of the base class's protected batching limits, for tests.

    int maxBatchSize() {
        return getMaxBatchSize();
    }

    long maxBatchSizeInBytes() {
        return getMaxBatchSizeInBytes();
    }

    long maxTimeInBufferMs() {
        return getMaxTimeInBufferMS();
    }

    long maxRecordSizeInBytes() {
        return getMaxRecordSizeInBytes();
    }
}

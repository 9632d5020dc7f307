package io.callqa.pipeline.sink.opensearch;

import io.callqa.pipeline.sink.opensearch.BulkResultClassifier.ItemOutcome;
import io.callqa.pipeline.sink.opensearch.BulkResultClassifier.RequestFailure;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.opensearch.client.opensearch.OpenSearchAsyncClient;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@link DocumentRequest}s that Flink's {@link AsyncSinkWriter} batches to OpenSearch,
 * one bulk request per batch.
 *
 * <p>Per document: written documents are done; documents OpenSearch cannot take right now (429,
 * 5xx) are handed back to the base writer for another attempt; documents it refuses for good are
 * written as error documents to the dead-letter index (see {@link DeadLetter}); a 401 or 403 fails
 * the job. A bulk request that fails as a whole is retried whole if the failure is transient
 * (connection refused, timeout, 429 or 5xx) and fails the job otherwise.
 *
 * <p>Retries are handed back only after an exponential backoff. Until then the request still counts
 * as in flight, so once {@code maxInFlightRequests} requests are waiting the base writer stops
 * sending, its buffer fills up to {@code maxBufferedRequests} and {@code write} blocks: Flink
 * backpressures the job instead of this writer buffering without bound.
 *
 * <p>Metrics, in the writer's metric group: the standard {@code numRecordsSendErrors} (documents
 * that failed an attempt, whatever happened next), {@code numRecordsRetried}, {@code
 * numRecordsDeadLettered} and {@code numBulkRequestsFailed} (bulk requests that failed as a whole
 * and were retried).
 */
public class OpenSearchSinkWriter<T> extends AsyncSinkWriter<T, DocumentRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchSinkWriter.class);

    private final OpenSearchConnectionConfig connection;
    private final OpenSearchAsyncClient client;
    private final RetryBackoff backoff;
    private final String deadLetterIndex;
    private final MailboxExecutor mailbox;
    private final ScheduledExecutorService retryTimer;

    /**
     * Bulk requests in a row that needed a retry; drives the backoff and resets on a request that
     * needed none. Kept per writer, not per document, because it is the cluster that is overloaded.
     */
    private final AtomicInteger consecutiveRetries = new AtomicInteger();

    private final Counter numRecordsSendErrors;
    private final Counter numRecordsRetried;
    private final Counter numRecordsDeadLettered;
    private final Counter numBulkRequestsFailed;

    OpenSearchSinkWriter(
            ElementConverter<T, DocumentRequest> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<DocumentRequest>> states,
            OpenSearchConnectionConfig connection,
            RetryBackoff backoff,
            String deadLetterIndex) {
        super(
                elementConverter,
                context,
                configuration,
                states,
                new SimpleBatchCreator<>(configuration.getMaxBatchSizeInBytes()),
                new DequeRequestBuffer<>());
        this.connection = connection;
        this.backoff = backoff;
        this.deadLetterIndex = deadLetterIndex;
        this.mailbox = context.getMailboxExecutor();
        SinkWriterMetricGroup metrics = context.metricGroup();
        this.numRecordsSendErrors = metrics.getNumRecordsSendErrorsCounter();
        this.numRecordsRetried = metrics.counter("numRecordsRetried");
        this.numRecordsDeadLettered = metrics.counter("numRecordsDeadLettered");
        this.numBulkRequestsFailed = metrics.counter("numBulkRequestsFailed");
        this.client = connection.createClient();
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.retryTimer =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, "opensearch-sink-retry-" + subtask);
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    protected void submitRequestEntries(
            List<DocumentRequest> entries, ResultHandler<DocumentRequest> handler) {
        // A source that is not one JSON object would corrupt the newline-delimited bulk body and
        // fail every document in it, so it is set aside before sending.
        List<DocumentRequest> valid = new ArrayList<>(entries.size());
        List<DeadLetter> invalid = new ArrayList<>();
        for (DocumentRequest entry : entries) {
            String problem = RawJsonDocument.validate(entry.source());
            if (problem == null) {
                valid.add(entry);
            } else {
                invalid.add(new DeadLetter(entry, DeadLetter.STATUS_INVALID_SOURCE, problem));
            }
        }
        if (valid.isEmpty()) {
            handleDeadLetters(handler, new ArrayList<>(), invalid);
            return;
        }
        send(valid)
                .whenComplete(
                        (response, error) -> {
                            try {
                                if (error != null) {
                                    onRequestFailure(handler, entries, error);
                                } else {
                                    onResponse(handler, valid, invalid, response);
                                }
                            } catch (RuntimeException e) {
                                fail(
                                        handler,
                                        "OpenSearch sink: could not handle a bulk response",
                                        e);
                            }
                        });
    }

    private void onResponse(
            ResultHandler<DocumentRequest> handler,
            List<DocumentRequest> sent,
            List<DeadLetter> invalid,
            BulkResponse response) {
        ItemOutcome outcome = BulkResultClassifier.classifyItems(sent, response);
        if (outcome.fatal() != null) {
            fail(handler, outcome.fatal(), null);
            return;
        }
        List<DeadLetter> deadLetters = new ArrayList<>(invalid);
        deadLetters.addAll(outcome.deadLetters());
        handleDeadLetters(handler, new ArrayList<>(outcome.retry()), deadLetters);
    }

    private void onRequestFailure(
            ResultHandler<DocumentRequest> handler,
            List<DocumentRequest> entries,
            Throwable error) {
        RequestFailure failure = BulkResultClassifier.classifyRequestFailure(error);
        if (!failure.retryable()) {
            fail(handler, failure.message(), error);
            return;
        }
        count(() -> numBulkRequestsFailed.inc());
        LOG.warn(
                "OpenSearch sink: bulk request of {} documents to {} failed, will retry: {}",
                entries.size(),
                connection.hosts(),
                failure.message());
        finish(handler, new ArrayList<>(entries));
    }

    /**
     * Writes error documents for {@code deadLetters}, then retries {@code retry} (plus any dead
     * letters the dead-letter index could not take yet) or completes the request.
     */
    private void handleDeadLetters(
            ResultHandler<DocumentRequest> handler,
            List<DocumentRequest> retry,
            List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            finish(handler, retry);
            return;
        }
        Instant now = Instant.now();
        List<DocumentRequest> errorDocuments = new ArrayList<>(deadLetters.size());
        for (DeadLetter deadLetter : deadLetters) {
            errorDocuments.add(deadLetter.toErrorDocument(deadLetterIndex, now));
        }
        send(errorDocuments)
                .whenComplete(
                        (response, error) -> {
                            try {
                                onDeadLetterResponse(handler, retry, deadLetters, response, error);
                            } catch (RuntimeException e) {
                                fail(
                                        handler,
                                        "OpenSearch sink: could not handle a dead-letter response",
                                        e);
                            }
                        });
    }

    private void onDeadLetterResponse(
            ResultHandler<DocumentRequest> handler,
            List<DocumentRequest> retry,
            List<DeadLetter> deadLetters,
            BulkResponse response,
            Throwable error) {
        if (error != null) {
            RequestFailure failure = BulkResultClassifier.classifyRequestFailure(error);
            if (!failure.retryable()) {
                fail(handler, deadLetterFailure(deadLetters.get(0), failure.message()), error);
                return;
            }
            // The originals go round again; they will be refused again and land here again.
            LOG.warn(
                    "OpenSearch sink: writing {} error documents to '{}' failed, will retry: {}",
                    deadLetters.size(),
                    deadLetterIndex,
                    failure.message());
            deadLetters.forEach(d -> retry.add(d.request()));
            finish(handler, retry);
            return;
        }
        List<BulkResponseItem> items = response.items();
        if (items.size() != deadLetters.size()) {
            fail(
                    handler,
                    deadLetterFailure(
                            deadLetters.get(0),
                            "the bulk response has "
                                    + items.size()
                                    + " items for "
                                    + deadLetters.size()
                                    + " error documents"),
                    null);
            return;
        }
        int written = 0;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            DeadLetter deadLetter = deadLetters.get(i);
            int status = item.status();
            if (item.error() == null && status >= 200 && status < 300) {
                written++;
                LOG.warn(
                        "OpenSearch sink: document {} refused, written to dead-letter index '{}'",
                        deadLetter,
                        deadLetterIndex);
            } else if (BulkResultClassifier.isRetryable(status)) {
                retry.add(deadLetter.request());
            } else {
                fail(
                        handler,
                        deadLetterFailure(
                                deadLetter,
                                status + " (" + BulkResultClassifier.describe(item.error()) + ")"),
                        null);
                return;
            }
        }
        int deadLettered = written;
        count(
                () -> {
                    numRecordsDeadLettered.inc(deadLettered);
                    numRecordsSendErrors.inc(deadLettered);
                });
        finish(handler, retry);
    }

    private String deadLetterFailure(DeadLetter deadLetter, String why) {
        return "OpenSearch sink: document '"
                + deadLetter.request().id()
                + "' in index '"
                + deadLetter.request().index()
                + "' was refused ("
                + deadLetter.status()
                + ": "
                + deadLetter.reason()
                + ") and its error document could not be written to dead-letter index '"
                + deadLetterIndex
                + "' either: "
                + why;
    }

    /** Completes the request, or hands {@code retry} back after a backoff. */
    private void finish(ResultHandler<DocumentRequest> handler, List<DocumentRequest> retry) {
        if (retry.isEmpty()) {
            consecutiveRetries.set(0);
            handler.complete();
            return;
        }
        count(
                () -> {
                    numRecordsRetried.inc(retry.size());
                    numRecordsSendErrors.inc(retry.size());
                });
        retryLater(handler, retry);
    }

    private void retryLater(ResultHandler<DocumentRequest> handler, List<DocumentRequest> retry) {
        long delay = backoff.delayMillis(consecutiveRetries.incrementAndGet());
        LOG.debug("OpenSearch sink: retrying {} documents in {} ms", retry.size(), delay);
        try {
            retryTimer.schedule(() -> handler.retryForEntries(retry), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // The writer is closing; hand the entries back at once so nothing is lost with the
            // timer.
            handler.retryForEntries(retry);
        }
    }

    private CompletableFuture<BulkResponse> send(List<DocumentRequest> requests) {
        List<BulkOperation> operations = new ArrayList<>(requests.size());
        for (DocumentRequest request : requests) {
            operations.add(toOperation(request));
        }
        try {
            return client.bulk(BulkRequest.of(b -> b.operations(operations)));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static BulkOperation toOperation(DocumentRequest request) {
        switch (request.operation()) {
            case INDEX:
                return BulkOperation.of(
                        op ->
                                op.index(
                                        index ->
                                                index.index(request.index())
                                                        .id(request.id())
                                                        .document(
                                                                new RawJsonDocument(
                                                                        request.source()))));
            default:
                throw new IllegalArgumentException(
                        "OpenSearch sink: unsupported operation " + request.operation());
        }
    }

    private void fail(ResultHandler<DocumentRequest> handler, String message, Throwable cause) {
        handler.completeExceptionally(new OpenSearchSinkException(message, cause));
    }

    /** Runs a counter update on the task thread: Flink's counters are not thread-safe. */
    private void count(Runnable update) {
        try {
            mailbox.execute(update::run, "OpenSearch sink: update counters");
        } catch (RejectedExecutionException closing) {
            // The task is shutting down; its metrics are going away with it.
        }
    }

    @Override
    protected long getSizeInBytes(DocumentRequest request) {
        return request.sizeInBytes();
    }

    @Override
    public void close() {
        retryTimer.shutdownNow();
        try {
            OpenSearchConnectionConfig.close(client);
        } catch (IOException e) {
            LOG.warn("OpenSearch sink: closing the client failed", e);
        }
        super.close();
    }
}

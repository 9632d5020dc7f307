package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.CallDocument;
import io.callqa.analysis.document.IndexNames;
import io.callqa.pipeline.analysis.DeadLetter;
import io.callqa.pipeline.sink.opensearch.DocumentRequest;
import io.callqa.pipeline.sink.opensearch.OpenSearchSink;
import io.callqa.pipeline.source.CallFiles;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded-calls job with checkpointing, failed on purpose in the middle of the samples after a
 * checkpoint had completed, and restarted by Flink from that checkpoint: every call, alert and dead
 * letter ends up indexed exactly once and exactly as a run without failure indexes it.
 */
@ExtendWith(OpenSearchExtension.class)
@Timeout(300)
class RecoveryITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    /** Call documents a writer takes before the injected failure may fire. */
    private static final int FAIL_AFTER = 3;

    @TempDir Path input;

    private URI node;
    private List<String> callIds;

    @BeforeEach
    void prepare(OpenSearchNode openSearch) throws Exception {
        node = openSearch.httpUri();
        callIds = IndexContents.copySamples(input);
        Path bad = Files.createDirectory(input.resolve("incoming"));
        Files.writeString(bad.resolve("empty.json"), "");
        Files.copy(IndexContents.SAMPLES.resolve("s-en-refund-01.wav"), bad.resolve("orphan.wav"));
        FailOnceSink.reset();
    }

    @Test
    void failureAfterACheckpointLosesAndDuplicatesNothing() throws Exception {
        Indexed clean = run(false);
        Indexed recovered = run(true);

        // The failure really happened, after a checkpoint that covered written documents had
        // completed, and the restarted writer was restored from that checkpoint or a later one.
        assertThat(FailOnceSink.FAILED).isTrue();
        long covering = FailOnceSink.COVERING_CHECKPOINT.get();
        assertThat(covering).isPositive();
        assertThat(FailOnceSink.RESTORED_FROM)
                .as("checkpoints the restarted writers were restored from")
                .isNotEmpty()
                .allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(covering));
        // Flink resumed instead of starting over: what the checkpoint covered was not written
        // again, so the replays are at most what the failed writer wrote after it, and at least
        // the document it failed after.
        int written = FailOnceSink.WRITTEN_BEFORE_FAILURE.get();
        int covered = FailOnceSink.COVERED_DOCUMENTS.get();
        assertThat(covered).isPositive();
        int replays = FailOnceSink.WRITES.get() - callIds.size();
        assertThat(replays).isBetween(1, written - covered);

        assertThat(recovered.calls.keySet()).containsExactlyInAnyOrderElementsOf(callIds);
        assertThat(recovered.calls).isEqualTo(clean.calls);
        for (String id : callIds) {
            Set<String> types = new TreeSet<>();
            recovered.alerts.values().stream()
                    .filter(a -> a.path("call_id").asText().equals(id))
                    .forEach(a -> types.add(a.path("type").asText()));
            assertThat(types).as(id).isEqualTo(IndexContents.expectedAlerts(id));
        }
        assertThat(recovered.alerts).isNotEmpty().isEqualTo(clean.alerts);
        assertThat(recovered.errors).hasSize(2).isEqualTo(clean.errors);
        System.out.printf(
                "RecoveryITCase: clean run %d ms, run with failure and restart %d ms; failed after"
                        + " %d documents, checkpoint %d covered %d, restored from checkpoint(s)"
                        + " %s, %d written again%n",
                clean.millis,
                recovered.millis,
                written,
                covering,
                covered,
                FailOnceSink.RESTORED_FROM,
                replays);
    }

    private Indexed run(boolean failOnce) throws Exception {
        IndexContents.delete(node, IndexNames.CALLS, IndexNames.ALERTS_ALL, IndexNames.ERRORS_ALL);
        CallqaIndices.installTemplates(node);
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.toString()));
        StreamExecutionEnvironment env;
        if (failOnce) {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(100));
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            // One restart is what the test expects; a second failure would be a bug to see.
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
            conf.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    Duration.ofMillis(100));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        OpenSearchSink<CallDocument> documents =
                PipelineOptions.<CallDocument>openSearchSink(conf)
                        .setDocumentConverter(CallqaIndices.calls())
                        .build();
        CallqaJob job =
                new CallqaJob(
                        List.of(
                                new CallqaJob.Input(
                                        "recorded calls",
                                        CallFiles.transcripts(
                                                new org.apache.flink.core.fs.Path(input.toUri()),
                                                null))),
                        failOnce ? new FailOnceSink(documents) : documents,
                        PipelineOptions.<DeadLetter>openSearchSink(conf)
                                .setDocumentConverter(CallqaIndices.errors())
                                .build(),
                        PipelineOptions.<AlertDocument>openSearchSink(conf)
                                .setDocumentConverter(CallqaIndices.alerts())
                                .build());
        long start = System.nanoTime();
        job.execute(env);
        Indexed indexed = new Indexed();
        indexed.millis = (System.nanoTime() - start) / 1_000_000;
        indexed.calls = IndexContents.documents(node, IndexNames.CALLS);
        indexed.alerts = IndexContents.documents(node, IndexNames.ALERTS_ALL);
        indexed.errors = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e :
                IndexContents.documents(node, IndexNames.ERRORS_ALL).entrySet()) {
            // When a file was rejected differs between runs; what and why must not.
            ObjectNode error = e.getValue().deepCopy();
            error.remove("@timestamp");
            indexed.errors.put(e.getKey(), error);
        }
        return indexed;
    }

    private static final class Indexed {
        long millis;
        Map<String, JsonNode> calls;
        Map<String, JsonNode> alerts;
        Map<String, JsonNode> errors;
    }

    /**
     * The production call-document sink, slowed down so that checkpoints fall between documents,
     * that fails exactly once in the whole JVM: in the first writer that has written more than
     * {@value #FAIL_AFTER} documents and has seen a checkpoint covering some of them followed by
     * another checkpoint (with one checkpoint at a time, the later one starts only after the
     * earlier one completed). State is static because Flink serializes the sink and runs the
     * writers in this JVM.
     */
    private static final class FailOnceSink
            implements Sink<CallDocument>,
                    SupportsWriterState<CallDocument, BufferedRequestState<DocumentRequest>> {
        private static final long serialVersionUID = 1L;
        private static final long THROTTLE_MS = 150;

        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger WRITES = new AtomicInteger();
        static final AtomicInteger WRITTEN_BEFORE_FAILURE = new AtomicInteger();
        static final AtomicInteger COVERED_DOCUMENTS = new AtomicInteger();
        static final AtomicLong COVERING_CHECKPOINT = new AtomicLong(-1);
        static final Collection<Long> RESTORED_FROM = new ConcurrentLinkedQueue<>();

        private final OpenSearchSink<CallDocument> delegate;

        FailOnceSink(OpenSearchSink<CallDocument> delegate) {
            this.delegate = delegate;
        }

        static void reset() {
            FAILED.set(false);
            WRITES.set(0);
            WRITTEN_BEFORE_FAILURE.set(0);
            COVERED_DOCUMENTS.set(0);
            COVERING_CHECKPOINT.set(-1);
            RESTORED_FROM.clear();
        }

        @Override
        public SinkWriter<CallDocument> createWriter(WriterInitContext context) throws IOException {
            return restoreWriter(context, List.of());
        }

        @Override
        public StatefulSinkWriter<CallDocument, BufferedRequestState<DocumentRequest>>
                restoreWriter(
                        WriterInitContext context,
                        Collection<BufferedRequestState<DocumentRequest>> state)
                        throws IOException {
            if (context.getTaskInfo().getAttemptNumber() > 0) {
                RESTORED_FROM.add(context.getRestoredCheckpointId().orElse(-1));
            }
            return new Writer(delegate.restoreWriter(context, state));
        }

        @Override
        public SimpleVersionedSerializer<BufferedRequestState<DocumentRequest>>
                getWriterStateSerializer() {
            return delegate.getWriterStateSerializer();
        }

        private static final class Writer
                implements StatefulSinkWriter<CallDocument, BufferedRequestState<DocumentRequest>> {
            private final StatefulSinkWriter<CallDocument, BufferedRequestState<DocumentRequest>>
                    delegate;
            private int written;
            private long coveringCheckpoint = -1;
            private int coveredDocuments;
            private boolean laterCheckpointStarted;

            Writer(
                    StatefulSinkWriter<CallDocument, BufferedRequestState<DocumentRequest>>
                            delegate) {
                this.delegate = delegate;
            }

            @Override
            public void write(CallDocument element, Context context)
                    throws IOException, InterruptedException {
                Thread.sleep(THROTTLE_MS);
                delegate.write(element, context);
                written++;
                WRITES.incrementAndGet();
                // Failing right after a write leaves at least that document to be replayed: no
                // checkpoint can fall between the two.
                if (written > FAIL_AFTER
                        && laterCheckpointStarted
                        && FAILED.compareAndSet(false, true)) {
                    WRITTEN_BEFORE_FAILURE.set(written);
                    COVERED_DOCUMENTS.set(coveredDocuments);
                    COVERING_CHECKPOINT.set(coveringCheckpoint);
                    throw new IOException(
                            "injected failure after call document "
                                    + element.callId()
                                    + ", document "
                                    + written
                                    + " of this writer");
                }
            }

            @Override
            public List<BufferedRequestState<DocumentRequest>> snapshotState(long checkpointId)
                    throws IOException {
                if (coveringCheckpoint < 0 && written > 0) {
                    coveringCheckpoint = checkpointId;
                    coveredDocuments = written;
                } else if (coveringCheckpoint >= 0) {
                    laterCheckpointStarted = true;
                }
                return delegate.snapshotState(checkpointId);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException, InterruptedException {
                delegate.flush(endOfInput);
            }

            @Override
            public void close() throws Exception {
                delegate.close();
            }
        }
    }
}

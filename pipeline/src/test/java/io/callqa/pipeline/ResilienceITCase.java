package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callqa.analysis.document.IndexNames;
import io.callqa.servers.LocalOpenSearch;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded-calls job watching a directory while its OpenSearch goes away for 20 seconds: calls
 * that arrive during the outage are analysed, held by the sink and retried until the node is back,
 * and every document ends up indexed once.
 *
 * <p>The node is this class's own (stopping the one other test classes share would break them),
 * stopped and restarted on the same ports and data as an outage would.
 */
@Timeout(240)
class ResilienceITCase {

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .build());

    private static LocalOpenSearch node;

    @TempDir Path input;
    @TempDir Path staging;

    @BeforeAll
    static void startNode() {
        node = LocalOpenSearch.builder().clusterName("callqa-resilience").start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void documentsWrittenWhileOpenSearchIsDownArriveOnceItIsBack() throws Exception {
        URI uri = node.httpUri();
        CallqaIndices.installTemplates(uri);
        List<String> ids = IndexContents.copySamples(staging);
        List<String> before = ids.subList(0, ids.size() / 2);
        List<String> during = ids.subList(ids.size() / 2, ids.size());
        moveCalls(before, input.resolve("before"));
        Path late = staging.resolve(".during");
        Files.createDirectory(late);
        for (String id : during) {
            for (String ext : List.of(".json", ".wav")) {
                Files.move(staging.resolve(id + ext), late.resolve(id + ext));
            }
        }
        Files.writeString(late.resolve("empty.json"), "");

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(uri.toString()));
        conf.set(PipelineOptions.OPENSEARCH_RETRY_INITIAL_BACKOFF, Duration.ofMillis(100));
        conf.set(PipelineOptions.OPENSEARCH_RETRY_MAX_BACKOFF, Duration.ofSeconds(2));
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(1));
        // The sink must ride out the outage; a job failure would hide whether it does.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        CallqaJob.recordedCalls(
                        new org.apache.flink.core.fs.Path(input.toUri()),
                        Duration.ofMillis(200),
                        conf)
                .build(env);
        JobClient job = env.executeAsync("callqa-resilience");
        try {
            await("the first calls indexed", job, () -> count(IndexNames.CALLS) == before.size());
            assertThat(bulkRequestsFailed(job.getJobID())).isZero();

            long down = System.nanoTime();
            node.stop();
            assertThat(node.isRunning()).isFalse();
            assertThat(count(IndexNames.CALLS)).as("calls counted on a stopped node").isEqualTo(-1);
            // One rename, so that the job sees each recording and its transcript together.
            Files.move(late, input.resolve("during"), StandardCopyOption.ATOMIC_MOVE);
            await(
                    "the sink failing to reach the stopped node",
                    job,
                    () -> bulkRequestsFailed(job.getJobID()) > 0);
            long left = OUTAGE.toNanos() - (System.nanoTime() - down);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, left));
            long failedDuringOutage = bulkRequestsFailed(job.getJobID());
            double stopped = (System.nanoTime() - down) / 1e9;
            node.restart();
            // Same port, same data: what was indexed before the outage is still there.
            assertThat(count(IndexNames.CALLS)).isGreaterThanOrEqualTo(before.size());
            double unreachable = (System.nanoTime() - down) / 1e9;
            long back = System.nanoTime();

            // Calls, alerts and errors go through separate sinks that flush on their own: wait
            // for all three, or a slower alert flush would read as a lost alert.
            long expectedAlerts = 0;
            for (String id : ids) {
                expectedAlerts += IndexContents.expectedAlerts(id).size();
            }
            long alertCount = expectedAlerts;
            await(
                    "every call, alert and error indexed after the restart",
                    job,
                    () ->
                            count(IndexNames.CALLS) == ids.size()
                                    && count(IndexNames.ALERTS_ALL) >= alertCount
                                    && count(IndexNames.ERRORS_ALL) == 1);
            double caughtUp = (System.nanoTime() - back) / 1e9;
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

            Map<String, JsonNode> calls = IndexContents.documents(uri, IndexNames.CALLS);
            assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            Map<String, JsonNode> alerts = IndexContents.documents(uri, IndexNames.ALERTS_ALL);
            for (String id : ids) {
                Set<String> types = new TreeSet<>();
                alerts.values().stream()
                        .filter(a -> a.path("call_id").asText().equals(id))
                        .forEach(a -> types.add(a.path("type").asText()));
                assertThat(types).as(id).isEqualTo(IndexContents.expectedAlerts(id));
            }
            assertThat(IndexContents.documents(uri, IndexNames.ERRORS_ALL).values())
                    .singleElement()
                    .satisfies(
                            e ->
                                    assertThat(e.path("reason").asText())
                                            .endsWith(
                                                    "during/empty.json: empty input; expected a"
                                                            + " JSON object"));
            System.out.printf(
                    "ResilienceITCase: node start %.1f s; node stopped %.1f s, unreachable %.1f s,"
                            + " %d bulk requests failed meanwhile; all %d calls indexed %.1f s"
                            + " after the restart%n",
                    node.startupTime().toMillis() / 1000.0,
                    stopped,
                    unreachable,
                    failedDuringOutage,
                    ids.size(),
                    caughtUp);
        } finally {
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private void moveCalls(List<String> ids, Path dir) throws Exception {
        Files.createDirectory(dir);
        for (String id : ids) {
            for (String ext : List.of(".json", ".wav")) {
                Files.move(staging.resolve(id + ext), dir.resolve(id + ext));
            }
        }
    }

    private static long count(String index) {
        try {
            return IndexContents.count(node.httpUri(), index);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Bulk requests the job's OpenSearch sinks sent and saw fail as a whole, then retried. */
    private static long bulkRequestsFailed(JobID job) {
        long sum = 0;
        for (Map.Entry<String, Metric> metric :
                METRICS.findMetrics(job, "numBulkRequestsFailed").entrySet()) {
            if (metric.getKey().endsWith(".numBulkRequestsFailed")
                    && metric.getValue() instanceof Counter counter) {
                sum += counter.getCount();
            }
        }
        return sum;
    }

    /** Waits up to a minute for {@code condition}, failing early if the job stops running. */
    private static void await(String what, JobClient job, BooleanSupplier condition)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            JobStatus status = job.getJobStatus().get();
            assertThat(status.isTerminalState())
                    .as("job ended (" + status + ") while waiting for " + what)
                    .isFalse();
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}

package io.callqa.pipeline.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs Flink jobs on a mini cluster that write through {@link OpenSearchSink} into the real
 * OpenSearch node of {@link OpenSearchExtension}, then checks what the node holds with plain REST
 * calls.
 *
 * <p>{@code -Dcallqa.itcase.documents=N} changes the number of documents per job (default 1000);
 * each job prints its documents per second.
 */
@ExtendWith(OpenSearchExtension.class)
@Timeout(300)
class OpenSearchSinkITCase {

    private static final int DOCUMENTS = Integer.getInteger("callqa.itcase.documents", 1000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .build());

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URI openSearch;
    private String index;
    private String deadLetterIndex;

    @BeforeEach
    void names(OpenSearchNode node) {
        openSearch = node.httpUri();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        index = "itcase-calls-" + suffix;
        deadLetterIndex = "itcase-errors-" + suffix;
    }

    @AfterEach
    void deleteIndices() throws Exception {
        // The node is shared by the whole test run.
        send("DELETE", "/" + index + "," + deadLetterIndex + "?ignore_unavailable=true", null);
    }

    @Test
    void runningTheSameJobTwiceOverwritesInsteadOfDuplicating() throws Exception {
        JobExecutionResult first = runJob(false, false);
        assertThat(count(index)).isEqualTo(DOCUMENTS);
        JobExecutionResult second = runJob(false, false);

        assertThat(count(index)).isEqualTo(DOCUMENTS);
        assertThat(count(deadLetterIndex)).isZero();
        assertThat(counter(second, "numRecordsDeadLettered")).isZero();
        JsonNode korean = get(index, "call-3");
        assertThat(korean.at("/_source/text").asText()).isEqualTo(text(3));
        assertThat(korean.at("/_version").asLong()).isEqualTo(2);
        report("first run", first);
        report("replay", second);
    }

    @Test
    void documentThatViolatesTheMappingGoesToTheDeadLetterIndex() throws Exception {
        createStrictIndex(index);

        JobExecutionResult result = runJob(false, true);

        assertThat(count(index)).isEqualTo(DOCUMENTS - 2);
        assertThat(count(deadLetterIndex)).isEqualTo(2);
        assertThat(counter(result, "numRecordsDeadLettered")).isEqualTo(2);
        assertThat(counter(result, "numRecordsSendErrors")).isGreaterThanOrEqualTo(2);
        JsonNode mapping =
                get(deadLetterIndex, index + ":call-" + MAPPING_VIOLATION).at("/_source");
        assertThat(mapping.get("stage").asText()).isEqualTo("opensearch-sink");
        assertThat(mapping.get("source_index").asText()).isEqualTo(index);
        assertThat(mapping.get("doc_id").asText()).isEqualTo("call-" + MAPPING_VIOLATION);
        assertThat(mapping.get("status").asInt()).isEqualTo(400);
        assertThat(mapping.get("reason").asText()).contains("strict_dynamic_mapping_exception");
        assertThat(mapping.get("document").asText()).contains("\"surprise\":true");
        assertThat(mapping.get("@timestamp").asText()).isNotEmpty();
        JsonNode malformed = get(deadLetterIndex, index + ":call-" + MALFORMED).at("/_source");
        assertThat(malformed.get("reason").asText())
                .startsWith("document source is not valid JSON");
        assertThat(get(index, "call-" + (MAPPING_VIOLATION - 1)).at("/found").asBoolean()).isTrue();
    }

    @Test
    void jobFailsNamingTheDocumentWhenTheDeadLetterIndexRefusesItToo() throws Exception {
        createStrictIndex(index);
        // A dead-letter index whose strict mapping has none of the error document's fields.
        JsonNode created =
                send(
                        "PUT",
                        "/" + deadLetterIndex,
                        "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
                                + "\"unrelated\":{\"type\":\"keyword\"}}}}");
        assertThat(created.path("acknowledged").asBoolean()).as(created.toString()).isTrue();

        Throwable failure = catchThrowable(() -> runJob(false, true));

        assertThat(failure).isNotNull();
        String messages = causeMessages(failure);
        assertThat(messages)
                .containsPattern("OpenSearch sink: document 'call-50[01]' in index '" + index + "'")
                .contains(
                        "its error document could not be written to dead-letter index '"
                                + deadLetterIndex
                                + "' either: 400 (strict_dynamic_mapping_exception");
    }

    @Test
    void checkpointedJobCompletesAndCountsMatch() throws Exception {
        CheckpointCounter.COMPLETED.set(0);

        JobExecutionResult result = runJob(true, false);

        assertThat(CheckpointCounter.COMPLETED.get()).isPositive();
        assertThat(count(index)).isEqualTo(DOCUMENTS);
        assertThat(count(deadLetterIndex)).isZero();
        assertThat(counter(result, "numRecordsDeadLettered")).isZero();
        report("checkpointed run", result);
    }

    // ---- the job ----

    /** With bad documents on, these elements get a field the strict mapping refuses... */
    private static final long MAPPING_VIOLATION = 500;

    /** ...and a source that is not JSON at all. */
    private static final long MALFORMED = 501;

    private JobExecutionResult runJob(boolean checkpointed, boolean withBadDocuments)
            throws Exception {
        // A sink failure should fail the test, not restart the job until the timeout.
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(noRestarts);
        env.setParallelism(2);
        String target = index;
        OpenSearchSinkBuilder<Long> sink =
                OpenSearchSink.<Long>builder()
                        .setHosts(openSearch.toString())
                        .setDocumentConverter(n -> document(target, n, withBadDocuments))
                        .setDeadLetterIndex(deadLetterIndex)
                        .setRetryBackoff(Duration.ofMillis(50), Duration.ofSeconds(2));
        if (checkpointed) {
            env.enableCheckpointing(200);
            // Small, slow batches so that checkpoints land while requests are buffered and in
            // flight, which is what the flush-on-checkpoint path is for.
            sink.setMaxBatchSize(25)
                    .setMaxBufferedRequests(100)
                    .setMaxTimeInBuffer(Duration.ofMillis(50));
            env.fromSequence(0, DOCUMENTS - 1).map(new CheckpointCounter()).sinkTo(sink.build());
        } else {
            env.fromSequence(0, DOCUMENTS - 1).sinkTo(sink.build());
        }
        return env.execute("opensearch-sink-itcase");
    }

    private static DocumentRequest document(String index, long n, boolean withBadDocuments) {
        if (withBadDocuments && n == MALFORMED) {
            return DocumentRequest.index(index, "call-" + n, "{\"call_id\": \"call-" + n + "\",");
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("call_id", "call-" + n);
        doc.put("seq", n);
        doc.put("text", text(n));
        if (withBadDocuments && n == MAPPING_VIOLATION) {
            doc.put("surprise", true);
        }
        return DocumentRequest.index(index, "call-" + n, doc.toString());
    }

    private static String text(long n) {
        return n % 3 == 0
                ? "상담원 " + n + "번: 고객님, 무엇을 도와드릴까요? 요금제 변경 문의 감사합니다."
                : "Agent " + n + ": thank you for calling, how can I help?";
    }

    /** Passes elements through, slowly, and counts completed checkpoints. */
    private static final class CheckpointCounter
            implements MapFunction<Long, Long>, CheckpointListener {
        static final AtomicInteger COMPLETED = new AtomicInteger();

        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(2);
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.incrementAndGet();
        }
    }

    /** The sum over the job's subtasks of the sink writer counter {@code name}. */
    private static long counter(JobExecutionResult result, String name) {
        long sum = 0;
        int found = 0;
        for (java.util.Map.Entry<String, Metric> metric :
                METRICS.findMetrics(result.getJobID(), name).entrySet()) {
            if (metric.getKey().endsWith("." + name) && metric.getValue() instanceof Counter) {
                sum += ((Counter) metric.getValue()).getCount();
                found++;
            }
        }
        assertThat(found).as("subtasks reporting " + name).isPositive();
        return sum;
    }

    private static String causeMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }

    private static void report(String what, JobExecutionResult result) {
        long millis = result.getNetRuntime();
        System.out.printf(
                Locale.ROOT,
                "OpenSearchSinkITCase %s: %d documents in %d ms, %.0f docs/s%n",
                what,
                DOCUMENTS,
                millis,
                DOCUMENTS * 1000.0 / Math.max(1, millis));
    }

    // ---- plain REST calls, independent of the code under test ----

    private void createStrictIndex(String name) throws Exception {
        String body =
                "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
                        + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
                        + "\"call_id\":{\"type\":\"keyword\"},"
                        + "\"seq\":{\"type\":\"long\"},"
                        + "\"text\":{\"type\":\"text\"}}}}";
        JsonNode response = send("PUT", "/" + name, body);
        assertThat(response.path("acknowledged").asBoolean()).as(response.toString()).isTrue();
    }

    private long count(String name) throws Exception {
        send("POST", "/" + name + "/_refresh?ignore_unavailable=true", null);
        JsonNode response = send("GET", "/" + name + "/_count?ignore_unavailable=true", null);
        return response.path("count").asLong();
    }

    private JsonNode get(String name, String id) throws Exception {
        return send(
                "GET",
                "/" + name + "/_doc/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8),
                null);
    }

    private JsonNode send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(openSearch.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return JSON.readTree(response.body());
    }
}

package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.analysis.document.IndexNames;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The production job on a Flink MiniCluster over the sample transcripts plus broken files, into a
 * real OpenSearch: every good call indexed once under its call id, every bad file in callqa-errors
 * with its reason, and a replay changes nothing.
 */
@ExtendWith(OpenSearchExtension.class)
class CallqaJobITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Path SAMPLES = Path.of("..", "samples");

    private static OpenSearchTransport transport;
    private static OpenSearchClient client;

    @TempDir Path input;

    @BeforeAll
    static void connect(OpenSearchNode node) {
        transport =
                ApacheHttpClient5TransportBuilder.builder(
                                new HttpHost("http", node.host(), node.httpPort()))
                        .setMapper(new JacksonJsonpMapper())
                        .build();
        client = new OpenSearchClient(transport);
    }

    @AfterAll
    static void disconnect() throws IOException {
        if (transport != null) {
            transport.close();
        }
    }

    @BeforeEach
    void emptyIndices() throws IOException {
        client.indices()
                .delete(
                        d ->
                                d.index(
                                                IndexNames.CALLS,
                                                IndexNames.ERRORS_ALL,
                                                IndexNames.ALERTS_ALL)
                                        .ignoreUnavailable(true));
    }

    @Test
    void indexesEveryGoodCallOnceAndEveryBadFileWithItsReason(OpenSearchNode node)
            throws Exception {
        List<String> callIds = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
                String id = f.getFileName().toString().replace(".json", "");
                Files.copy(SAMPLES.resolve(id + ".wav"), input.resolve(id + ".wav"));
                callIds.add(id);
            }
        }
        Path bad = Files.createDirectory(input.resolve("incoming"));
        Files.writeString(bad.resolve("empty.json"), "");
        Files.writeString(bad.resolve("truncated.json"), "{\"call_id\": \"t-1\", \"utter");
        Files.writeString(
                bad.resolve("caller.json"),
                "{\"call_id\": \"t-2\", \"utterances\": [{\"speaker\": \"caller\", \"start\": 0,"
                        + " \"end\": 1, \"text\": \"hi\"}]}",
                StandardCharsets.UTF_8);
        Files.writeString(input.resolve("notes.txt"), "not a transcript, not read");
        Files.copy(SAMPLES.resolve("s-en-refund-01.wav"), bad.resolve("orphan.wav"));

        runJob(node);
        runJob(node); // a replay must overwrite, not duplicate

        List<JsonNode> calls = search(IndexNames.CALLS);
        assertThat(calls)
                .extracting(c -> c.path("call_id").asText())
                .containsExactlyInAnyOrderElementsOf(callIds);
        JsonNode ko =
                calls.stream()
                        .filter(c -> c.path("call_id").asText().startsWith("s-ko-"))
                        .findFirst()
                        .orElseThrow();
        assertThat(ko.path("language").asText()).isEqualTo("ko");
        assertThat(ko.path("queue").asText()).endsWith("-ko");
        assertThat(ko.path("source").path("sha256").asText()).hasSize(64);

        // Through the whole job, each call carries the violations its sidecar was written with.
        ObjectMapper json = new ObjectMapper();
        for (JsonNode c : calls) {
            String id = c.path("call_id").asText();
            JsonNode truth =
                    json.readTree(SAMPLES.resolve(id + ".json").toFile()).path("ground_truth");
            List<String> expected = new ArrayList<>();
            truth.path("expected_violations").forEach(v -> expected.add(v.asText()));
            List<String> failed = new ArrayList<>();
            c.path("qa").path("failed_rules").forEach(v -> failed.add(v.asText()));
            assertThat(failed).as(id).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(c.at("/source/kind").asText()).as(id).isEqualTo("recording");
            assertThat(c.at("/prosody/customer/pitch_mean_hz").asDouble()).as(id).isPositive();
            assertThat(c.path("category").path("label").asText())
                    .as(id)
                    .isIn("refund", "shipping", "billing", "other");
            // Spoken card numbers are redacted before indexing.
            assertThat(c.toString()).as(id).doesNotContain("four one one one", "오 오 공 공");
        }

        // Every alert a call raised is indexed once, with the call's metadata, as written.
        List<JsonNode> alerts = search(IndexNames.ALERTS_ALL);
        for (String id : callIds) {
            JsonNode truth =
                    json.readTree(SAMPLES.resolve(id + ".json").toFile()).path("ground_truth");
            java.util.Set<String> expected = new java.util.TreeSet<>();
            truth.path("expected_alerts").forEach(v -> expected.add(v.asText()));
            java.util.Set<String> raised = new java.util.TreeSet<>();
            alerts.stream()
                    .filter(a -> a.path("call_id").asText().equals(id))
                    .forEach(a -> raised.add(a.path("type").asText()));
            assertThat(raised).as(id).isEqualTo(expected);
        }
        assertThat(alerts)
                .allSatisfy(
                        a -> {
                            assertThat(a.path("@timestamp").asText()).startsWith("2026-");
                            assertThat(a.path("agent_id").asText()).isNotBlank();
                            assertThat(a.path("acknowledged").asBoolean()).isFalse();
                        });

        List<JsonNode> errors = search(IndexNames.ERRORS_ALL);
        assertThat(errors).hasSize(4);
        assertThat(errors)
                .extracting(e -> e.path("reason").asText())
                .anySatisfy(
                        r ->
                                assertThat(r)
                                        .endsWith(
                                                "empty.json: empty input; expected a JSON object"))
                .anySatisfy(r -> assertThat(r).contains("truncated.json: not valid JSON at line 1"))
                .anySatisfy(
                        r ->
                                assertThat(r)
                                        .endsWith(
                                                "caller.json: utterances[0].speaker: expected agent"
                                                        + " or customer, got a string of 6"
                                                        + " characters"));
        assertThat(errors)
                .extracting(e -> e.path("stage").asText())
                .containsExactlyInAnyOrder("transcript", "transcript", "transcript", "audio");
        assertThat(errors)
                .filteredOn(e -> e.path("stage").asText().equals("audio"))
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e.path("reason").asText())
                                        .contains("orphan.wav: no transcript beside it"));
    }

    private void runJob(OpenSearchNode node) throws Exception {
        CallqaIndices.installTemplates(node.httpUri());
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.httpUri().toString()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CallqaJob.recordedCalls(new org.apache.flink.core.fs.Path(input.toUri()), null, conf)
                .execute(env);
    }

    private static List<JsonNode> search(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        List<JsonNode> out = new ArrayList<>();
        for (Hit<JsonNode> h :
                client.search(s -> s.index(index).size(1000), JsonNode.class).hits().hits()) {
            out.add(h.source());
        }
        return out;
    }
}

package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.dashboards.SavedObjects;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped Dashboards visualization, translated into the OpenSearch aggregation it asks for,
 * runs against the sample calls indexed (with their recordings) by the real job, and finds data:
 * the fields are not only mapped but aggregatable and filled by the pipeline.
 */
@ExtendWith(OpenSearchExtension.class)
class DashboardVisualizationsITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TERM_QUERY = Pattern.compile("([\\w.@]+):(\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path input;

    @BeforeAll
    static void indexTheSamplesWithTheirRecordings(OpenSearchNode node) throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(json|wav)$")).toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.httpUri().toString()));
        CallqaIndices.installTemplates(node.httpUri());
        CallqaJob.recordedCalls(new org.apache.flink.core.fs.Path(input.toUri()), null, conf)
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());
        post(node.httpUri(), "/callqa-calls,callqa-alerts*/_refresh", null);
    }

    private static HttpResponse<String> post(URI base, String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> visualizations() {
        Map<String, String> indexPatterns =
                SavedObjects.objects().stream()
                        .filter(o -> o.path("type").asText().equals("index-pattern"))
                        .collect(
                                Collectors.toMap(
                                        o -> o.path("id").asText(),
                                        o -> o.path("attributes").path("title").asText()));
        return SavedObjects.objects().stream()
                .filter(o -> o.path("type").asText().equals("visualization"))
                .map(
                        o ->
                                Arguments.of(
                                        o.path("id").asText(),
                                        indexPatterns.get(
                                                o.path("references").path(0).path("id").asText()),
                                        o));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("visualizations")
    void aggregatesTheIndexedSamples(
            String id, String indexPattern, JsonNode object, OpenSearchNode node) throws Exception {
        JsonNode vis = MAPPER.readTree(object.path("attributes").path("visState").asText());
        JsonNode source =
                MAPPER.readTree(
                        object.path("attributes")
                                .path("kibanaSavedObjectMeta")
                                .path("searchSourceJSON")
                                .asText());
        ObjectNode request = MAPPER.createObjectNode();
        request.put("size", 0);
        request.put("track_total_hits", true);
        request.set("query", query(source.path("query").path("query").asText()));

        List<JsonNode> buckets = new ArrayList<>();
        List<JsonNode> metrics = new ArrayList<>();
        for (JsonNode agg : vis.path("aggs")) {
            (agg.path("schema").asText().equals("metric") ? metrics : buckets).add(agg);
        }
        ObjectNode level = request;
        for (JsonNode b : buckets) {
            level = level.putObject("aggs").putObject("b" + b.path("id").asText());
            bucket(level, b);
        }
        for (JsonNode m : metrics) {
            if (!m.path("type").asText().equals("count")) {
                ObjectNode aggs =
                        level.has("aggs")
                                ? (ObjectNode) level.get("aggs")
                                : level.putObject("aggs");
                aggs.putObject("m" + m.path("id").asText())
                        .putObject(m.path("type").asText())
                        .put("field", m.path("params").path("field").asText());
            }
        }

        HttpResponse<String> r =
                post(node.httpUri(), "/" + indexPattern + "/_search", request.toString());
        assertThat(r.statusCode()).as(id + ": " + request + " -> " + r.body()).isEqualTo(200);
        if (indexPattern.equals("callqa-reviews*")) {
            return; // Supervisors write reviews through the console; the job writes none.
        }
        JsonNode response = MAPPER.readTree(r.body());
        assertThat(response.path("hits").path("total").path("value").asLong())
                .as(id + " matches indexed documents")
                .isPositive();
        JsonNode aggregations = response.path("aggregations");
        if (!buckets.isEmpty()) {
            assertThat(aggregations.path("b" + buckets.get(0).path("id").asText()).path("buckets"))
                    .as(id + " finds buckets: " + r.body())
                    .isNotEmpty();
        } else {
            for (JsonNode m : metrics) {
                if (!m.path("type").asText().equals("count")) {
                    assertThat(
                                    aggregations
                                            .path("m" + m.path("id").asText())
                                            .path("value")
                                            .isNull())
                            .as(id + " finds a value: " + r.body())
                            .isFalse();
                }
            }
        }
    }

    /** The shipped queries are empty or one {@code field:value}; anything else fails here. */
    private static JsonNode query(String kql) {
        ObjectNode q = MAPPER.createObjectNode();
        if (kql.isBlank()) {
            q.putObject("match_all");
            return q;
        }
        Matcher m = TERM_QUERY.matcher(kql.strip());
        assertThat(m.matches()).as("query this test can translate: " + kql).isTrue();
        q.putObject("term").put(m.group(1), m.group(2));
        return q;
    }

    private static void bucket(ObjectNode level, JsonNode agg) {
        JsonNode p = agg.path("params");
        String field = p.path("field").asText();
        switch (agg.path("type").asText()) {
            case "terms" ->
                    level.putObject("terms")
                            .put("field", field)
                            .put("size", p.path("size").asInt(10));
            case "date_histogram" ->
                    level.putObject("date_histogram")
                            .put("field", field)
                            .put("calendar_interval", "1d");
            case "histogram" ->
                    level.putObject("histogram")
                            .put("field", field)
                            .put("interval", p.path("interval").asDouble());
            default ->
                    throw new AssertionError(
                            "bucket aggregation this test cannot translate: " + agg);
        }
    }
}

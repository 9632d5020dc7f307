package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.callqa.pipeline.CallqaIndices;
import io.callqa.pipeline.CallqaJob;
import io.callqa.pipeline.PipelineOptions;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code callqa audit} over the sample calls indexed by the real job into a real OpenSearch. */
@ExtendWith(OpenSearchExtension.class)
class AuditCommandITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir static Path input;

    @BeforeAll
    static void indexTheSamples(OpenSearchNode node) throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.httpUri().toString()));
        CallqaIndices.installTemplates(node.httpUri());
        CallqaJob.recordedCalls(new org.apache.flink.core.fs.Path(input.toUri()), null, conf)
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());
        // Make the just-indexed documents visible to the audit's search.
        java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        node.httpUri().resolve("/callqa-calls/_refresh"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    private static String[] run(String... args) {
        CommandLine cl = CallqaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    /** The samples written to miss the recording disclosure, from their ground truth. */
    private static TreeSet<String> missingDisclosure() throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        ObjectMapper m = new ObjectMapper();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode call = m.readTree(f.toFile());
                for (JsonNode v : call.at("/ground_truth/expected_violations")) {
                    if (v.asText().equals("recording-disclosure")) {
                        ids.add(call.path("call_id").asText());
                    }
                }
            }
        }
        return ids;
    }

    @Test
    void exportsTheCallsThatMissTheRecordingDisclosureAndOnlyThose(OpenSearchNode node)
            throws Exception {
        String[] r =
                run(
                        "audit",
                        "--opensearch",
                        node.httpUri().toString(),
                        "--from",
                        "2026-11-01",
                        "--to",
                        "2026-11-30",
                        "--rule",
                        "recording-disclosure",
                        "--failed",
                        "--format",
                        "csv");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it =
                new CsvMapper()
                        .readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(r[1])) {
            it.forEachRemaining(rows::add);
        }
        assertThat(missingDisclosure()).isNotEmpty();
        assertThat(new TreeSet<>(rows.stream().map(x -> x.get("call_id")).toList()))
                .isEqualTo(missingDisclosure());
        assertThat(rows)
                .allSatisfy(
                        row -> {
                            assertThat(row.get("rule_id")).isEqualTo("recording-disclosure");
                            assertThat(row.get("passed")).isEqualTo("false");
                            assertThat(row.get("source_uri"))
                                    .endsWith(row.get("call_id") + ".json");
                            assertThat(row.get("source_sha256")).hasSize(64);
                            assertThat(row.get("asr_engine")).isEqualTo("provided");
                            assertThat(row.get("rulepack_id")).startsWith("default-");
                            assertThat(row.get("rulepack_version")).isNotBlank();
                        });
    }

    @Test
    void exportsJsonLinesAndFiltersByAgent(OpenSearchNode node) throws Exception {
        String[] r =
                run(
                        "audit",
                        "--opensearch",
                        node.httpUri().toString(),
                        "--from",
                        "2026-01-01",
                        "--to",
                        "2026-12-31",
                        "--agent",
                        "a-104",
                        "--format",
                        "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r[1].split("\n")) {
            if (!line.isBlank()) {
                rows.add(new ObjectMapper().readTree(line));
            }
        }
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(x -> assertThat(x.path("agent_id").asText()).isEqualTo("a-104"));
    }

    @Test
    void anInvertedPeriodIsBadUsage(OpenSearchNode node) {
        String[] r =
                run(
                        "audit",
                        "--opensearch",
                        node.httpUri().toString(),
                        "--from",
                        "2026-12-01",
                        "--to",
                        "2026-11-01");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("the audit period is empty");
    }

    @Test
    void csvCellsASpreadsheetWouldRunAsAFormulaAreNeutralised(OpenSearchNode node)
            throws Exception {
        // Whoever can write to the index (or name an agent) controls these cells.
        String agent = "=HYPERLINK(\"http://x.invalid\",\"open\")";
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode call = m.createObjectNode();
        call.put("call_id", "c-formula");
        call.put("started_at", "2026-11-15T10:00:00Z");
        call.put("agent_id", agent);
        call.put("team", "\tteam");
        call.put("queue", "\r=1+1");
        com.fasterxml.jackson.databind.node.ObjectNode result =
                call.putObject("qa").putArray("results").addObject();
        result.put("rule_id", "r-formula").put("kind", "compliance").put("passed", false);
        result.put("description", "@SUM(A1)");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> put =
                http.send(
                        java.net.http.HttpRequest.newBuilder(
                                        node.httpUri()
                                                .resolve(
                                                        "/callqa-calls/_doc/c-formula?refresh=true"))
                                .header("Content-Type", "application/json")
                                .PUT(
                                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                                m.writeValueAsString(call)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isBetween(200, 201);
        String[] r =
                run(
                        "audit",
                        "--opensearch",
                        node.httpUri().toString(),
                        "--from",
                        "2026-11-15",
                        "--to",
                        "2026-11-15",
                        "--agent",
                        agent,
                        "--format",
                        "csv");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it =
                new CsvMapper()
                        .readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(r[1])) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("agent_id", "'" + agent)
                .containsEntry("team", "'\tteam")
                .containsEntry("queue", "'\r=1+1")
                .containsEntry("description", "'@SUM(A1)")
                .containsEntry("passed", "false");
    }
}

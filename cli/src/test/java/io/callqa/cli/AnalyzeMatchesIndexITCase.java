package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.CallFields;
import io.callqa.analysis.document.IndexNames;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code callqa analyze} prints exactly the document that the job indexes, for every sample call
 * (recording and transcript, English and Korean), provenance ({@code source}) aside: the two run
 * the one analysis ({@code CallReporter}) and the one writer ({@code CallDocuments}).
 */
@ExtendWith(OpenSearchExtension.class)
class AnalyzeMatchesIndexITCase {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path input;

    private static List<String> callIds;

    @BeforeAll
    static void indexTheSamples(OpenSearchNode node) throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            callIds =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".json"))
                            .map(n -> n.substring(0, n.length() - ".json".length()))
                            .sorted()
                            .toList();
        }
        for (String id : callIds) {
            Files.copy(SAMPLES.resolve(id + ".json"), input.resolve(id + ".json"));
            Files.copy(SAMPLES.resolve(id + ".wav"), input.resolve(id + ".wav"));
        }
        Invocation run =
                Invocation.run(
                        "run",
                        "--input",
                        input.toString(),
                        "--opensearch",
                        node.httpUri().toString());
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void analyzePrintsTheIndexedDocumentOfEverySample(OpenSearchNode node) throws Exception {
        assertThat(callIds).hasSize(20);
        HttpClient http = HttpClient.newHttpClient();
        for (String id : callIds) {
            HttpResponse<String> got =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    node.httpUri()
                                                            + "/"
                                                            + IndexNames.CALLS
                                                            + "/_doc/"
                                                            + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).as(id + ": " + got.body()).isEqualTo(200);
            ObjectNode indexed = (ObjectNode) JSON.readTree(got.body()).path("_source");

            Invocation analyze =
                    Invocation.run(
                            "analyze",
                            "--transcript",
                            input.resolve(id + ".json").toString(),
                            "--audio",
                            input.resolve(id + ".wav").toString());
            assertThat(analyze.exit()).as(analyze.err()).isZero();
            ObjectNode printed = (ObjectNode) JSON.readTree(analyze.out());

            JsonNode indexedSource = indexed.remove(CallFields.SOURCE.name());
            JsonNode printedSource = printed.remove(CallFields.SOURCE.name());
            // Both name the same files with the same hashes; only how a URI is spelled differs.
            assertThat(printedSource.path("sha256")).isEqualTo(indexedSource.path("sha256"));
            assertThat(printedSource.path("kind").asText()).isEqualTo("recording");
            assertThat(printed).as(id).isEqualTo(indexed);
            assertThat(printed.path(CallFields.UTTERANCE_COUNT.name()).asInt()).as(id).isPositive();
            assertThat(printed.path(CallFields.DEAD_AIR.name()).isArray()).as(id).isTrue();
            assertThat(printed.at("/qa/failed_rules").isArray()).as(id).isTrue();
        }
    }
}

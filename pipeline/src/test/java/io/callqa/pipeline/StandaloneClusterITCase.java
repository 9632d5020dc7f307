package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.analysis.document.IndexNames;
import io.callqa.servers.LocalFlinkCluster;
import io.callqa.testing.FlinkCluster;
import io.callqa.testing.FlinkClusterExtension;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar, {@code target/callqa-job.jar} as {@code package} shaded it, submitted with Flink's
 * own client ({@code CliFrontend run -m}, what {@code flink run} does) to a real standalone Flink
 * cluster (a JobManager and a TaskManager, each in its own JVM, on Flink's jars from Maven Central,
 * not on this test's classpath), indexes the sample calls into a real OpenSearch.
 *
 * <p>The cluster provides Flink and nothing else, so the job runs only if the jar bundles what it
 * needs beyond Flink and its entry point builds the job from the command line.
 */
@ExtendWith({OpenSearchExtension.class, FlinkClusterExtension.class})
class StandaloneClusterITCase {

    /** The jar that the shade plugin writes in the package phase, before Failsafe runs. */
    private static final Path JOB_JAR = Path.of("target", "callqa-job.jar").toAbsolutePath();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJobJarSubmittedWithFlinksClientIndexesEverySample(
            OpenSearchNode node, FlinkCluster flink, @TempDir Path calls) throws Exception {
        assertThat(JOB_JAR)
                .as("the job jar; build it with ./mvnw -pl pipeline -am package")
                .isRegularFile();
        // The transcripts alone: the analysis of the recordings is not what this test is about,
        // and without them the TaskManager's work stays small.
        List<String> ids = copyTranscripts(calls);
        assertThat(ids).hasSize(20);
        IndexContents.delete(
                node.httpUri(), IndexNames.CALLS, IndexNames.ALERTS_ALL, IndexNames.ERRORS_ALL);

        LocalFlinkCluster.ClientRun run =
                flink.submit(
                        JOB_JAR,
                        List.of(
                                "--input",
                                calls.toString(),
                                "--opensearch",
                                node.httpUri().toString()));

        assertThat(run.exitCode())
                .as("exit code of Flink's client; its output:%n%s", run.output())
                .isZero();
        assertThat(run.jobId()).as("the job id in the client's output").isNotNull();
        JsonNode job = rest(flink, "/jobs/" + run.jobId());
        assertThat(job.path("state").asText())
                .as("the job's state on the cluster")
                .isEqualTo("FINISHED");
        assertThat(job.path("vertices"))
                .extracting(v -> v.path("name").asText())
                .anyMatch(name -> name.contains("analyse transcript"));

        Map<String, JsonNode> docs = IndexContents.documents(node.httpUri(), IndexNames.CALLS);
        assertThat(docs.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        docs.forEach(
                (id, doc) -> {
                    assertThat(doc.path("call_id").asText()).isEqualTo(id);
                    assertThat(doc.path("qa").path("score").isNumber())
                            .as("%s qa.score", id)
                            .isTrue();
                });
        assertThat(IndexContents.count(node.httpUri(), IndexNames.ERRORS_ALL))
                .as("inputs the job rejected")
                .isZero();
    }

    @Test
    void aBadArgumentFailsTheSubmissionNamingTheArgument(FlinkCluster flink) {
        LocalFlinkCluster.ClientRun run = flink.submit(JOB_JAR, List.of("--input"));
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("callqa-job: --input needs a value");
        assertThat(run.jobId()).as("nothing was submitted").isNull();
    }

    /** Copies the samples' transcripts into {@code dir}; returns their call ids. */
    private static List<String> copyTranscripts(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(IndexContents.SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ids.add(JSON.readTree(f.toFile()).path("call_id").asText());
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return ids;
    }

    private static JsonNode rest(FlinkCluster flink, String path)
            throws IOException, InterruptedException {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(flink.restUri().resolve(path)).build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}

package io.callqa.cli;

import io.callqa.pipeline.CallqaJob;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code callqa run}: the production job. Run from the command line it uses a local Flink;
 * submitted with {@code flink run callqa.jar run ...} it runs on that Flink cluster.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the callqa job over recorded calls and index them into OpenSearch.",
            "Reads pre-transcribed calls (sidecar *.json) under --input; bad files go to"
                    + " callqa-errors with the reason and the job carries on."
        })
final class RunCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--input",
            paramLabel = "DIR",
            required = true,
            description = "Directory of recorded calls (searched recursively).")
    Path input;

    @Option(
            names = "--watch",
            paramLabel = "INTERVAL",
            description =
                    "Keep running and pick up new files, checking at this interval (e.g. 10s,"
                            + " PT1M).",
            converter = DurationConverter.class)
    Duration watch;

    @Option(
            names = "--opensearch",
            paramLabel = "URL",
            defaultValue = "http://localhost:9200",
            description = "OpenSearch to index into (default: ${DEFAULT-VALUE}).")
    URI opensearch;

    @Override
    public Integer call() throws Exception {
        Path dir = input.toAbsolutePath().normalize();
        if (watch == null) {
            JobSettings.countTranscripts(dir, "--input");
        }
        OpenSearchEndpoint.require(opensearch);
        JobSettings.installTemplates(opensearch);
        Configuration conf = JobSettings.forOpenSearch(opensearch);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        CallqaJob.recordedCalls(new org.apache.flink.core.fs.Path(dir.toUri()), watch, conf)
                .execute(env);
        return 0;
    }
}

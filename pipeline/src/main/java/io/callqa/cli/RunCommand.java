package io.callqa.cli;

import io.callqa.pipeline.BatchProgress;
import io.callqa.pipeline.CallqaJob;
import io.callqa.pipeline.source.CallFiles;
import io.callqa.pipeline.source.TranscriptTopic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
            "Reads pre-transcribed calls: sidecar *.json files under --input, and/or whole-call"
                    + " transcripts from the Kafka topic --transcripts-topic at --kafka. Bad"
                    + " input goes to callqa-errors with the reason and the job carries on."
        })
final class RunCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--input",
            paramLabel = "DIR",
            description = "Directory of recorded calls (searched recursively).")
    Path input;

    @Option(
            names = "--kafka",
            paramLabel = "BOOTSTRAP",
            description = "Kafka bootstrap servers to read transcripts from, e.g. localhost:9092.")
    String kafka;

    @Option(
            names = "--transcripts-topic",
            paramLabel = "TOPIC",
            defaultValue = TranscriptTopic.DEFAULT_TOPIC,
            description = "Topic of whole-call transcripts (default: ${DEFAULT-VALUE}).")
    String transcriptsTopic;

    @Option(
            names = "--watch",
            paramLabel = "INTERVAL",
            description =
                    "Keep running and pick up new files, checking at this interval (e.g. 10s,"
                            + " PT1M).",
            converter = DurationConverter.class)
    Duration watch;

    @Mixin OpenSearchOption opensearch;

    @Override
    public Integer call() throws Exception {
        if (input == null && kafka == null) {
            throw new ParameterException(
                    spec.commandLine(), "Give --input DIR and/or --kafka BOOTSTRAP.");
        }
        List<CallqaJob.Input> inputs = new ArrayList<>();
        long transcripts = -1;
        if (input != null) {
            Path dir = input.toAbsolutePath().normalize();
            if (watch == null) {
                transcripts = JobSettings.countTranscripts(dir, "--input");
                JobSettings.warnAboutAudioOnly(dir, spec.commandLine().getErr());
            }
            inputs.add(
                    new CallqaJob.Input(
                            "recorded calls",
                            CallFiles.transcripts(
                                    new org.apache.flink.core.fs.Path(dir.toUri()), watch)));
        }
        if (kafka != null) {
            KafkaEndpoint.require(kafka);
            inputs.add(
                    new CallqaJob.Input(
                            "transcripts topic",
                            TranscriptTopic.source(kafka, transcriptsTopic, false)));
        }
        OpenSearchEndpoint.require(opensearch.url);
        JobSettings.installTemplates(opensearch.url);
        Configuration conf = JobSettings.forOpenSearch(opensearch.url);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        CallqaJob job = CallqaJob.production(inputs, conf);
        if (transcripts >= 0 && kafka == null) {
            BatchProgress.execute(job, env, transcripts, spec.commandLine().getErr());
        } else {
            job.execute(env);
        }
        return 0;
    }
}

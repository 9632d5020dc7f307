package io.callqa.cli;

import io.callqa.dashboards.ClusterSetup;
import io.callqa.dashboards.RetentionPolicy;
import io.callqa.dashboards.SetupStep;
import io.callqa.pipeline.BatchProgress;
import io.callqa.pipeline.CallqaJob;
import io.callqa.pipeline.OpenSearchAccess;
import io.callqa.pipeline.asr.VoskModelNotFoundException;
import io.callqa.pipeline.asr.VoskModels;
import io.callqa.pipeline.sink.webhook.WebhookSink;
import io.callqa.pipeline.source.CallFiles;
import io.callqa.pipeline.source.TranscriptTopic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * {@code callqa run}: the production job on a local Flink. On a Flink cluster the same job runs
 * from the job jar, {@code flink run callqa-job.jar ...} ({@link
 * io.callqa.pipeline.JobCommandLine}, same flags).
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the callqa job over recorded and live calls and index them into OpenSearch.",
            "Reads pre-transcribed calls: sidecar *.json files under --input, and/or whole-call"
                + " transcripts from the Kafka topic --transcripts-topic at --kafka. With --live it"
                + " also analyses live calls from callqa.call-events, callqa.audio and"
                + " callqa.utterances at --kafka, raising alerts on callqa.alerts and agent-assist"
                + " suggestions on callqa.assist while they go on. Bad input goes to callqa-errors"
                + " with the reason and the job carries on."
        })
final class RunCommand implements Callable<Integer> {

    /** Checkpoint interval when the Flink configuration sets none. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

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

    @Option(
            names = "--live",
            description =
                    "Also analyse live calls from the live topics at --kafka (runs until"
                            + " stopped).")
    boolean live;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description =
                    "Vosk model that transcribes audio without words: recordings without a"
                            + " transcript beside them, and live audio (default: $"
                            + VoskModels.ENV
                            + "). Without one, those are reported, and live calls need their"
                            + " words on callqa.utterances.")
    Path model;

    @Option(
            names = "--webhook",
            paramLabel = "URL",
            description =
                    "Also POST every alert to this URL, signed with HMAC-SHA256 under the secret in"
                            + " $CALLQA_WEBHOOK_SECRET (header X-Callqa-Signature).")
    String webhook;

    @Option(
            names = "--webhook-allow-http",
            description =
                    "Accept a plain http:// --webhook URL (for a receiver on localhost or a trusted"
                            + " network); without it only https:// is accepted.")
    boolean webhookAllowHttp;

    @Option(
            names = "--retention-days",
            paramLabel = "N",
            description =
                    "Also install (or update) the ISM retention policy at start-up: alert and error"
                            + " indices are deleted N days after their day. Without it the job"
                            + " leaves whatever `callqa dashboards install` set.")
    Integer retentionDays;

    @Mixin OpenSearchOption opensearch;

    @Override
    public Integer call() throws Exception {
        if (input == null && kafka == null) {
            throw new ParameterException(
                    spec.commandLine(), "Give --input DIR and/or --kafka BOOTSTRAP.");
        }
        if (live && kafka == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--live reads live calls from Kafka: give --kafka BOOTSTRAP too.");
        }
        RetentionPolicy retention = null;
        if (retentionDays != null) {
            try {
                retention = RetentionPolicy.ofDays(retentionDays);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(), "--retention-days: " + e.getMessage());
            }
        }
        String modelDir = model();
        // Checked before anything is contacted: a bad webhook is a usage error, not an outage.
        WebhookSink hook = webhook == null ? null : webhookSink();
        List<CallqaJob.Input> inputs = new ArrayList<>();
        long transcripts = -1;
        if (input != null) {
            Path dir = input.toAbsolutePath().normalize();
            if (watch == null) {
                transcripts = JobSettings.countCalls(dir, "--input", modelDir != null);
                if (modelDir == null) {
                    JobSettings.warnAboutAudioOnly(dir, spec.commandLine().getErr());
                }
            }
            inputs.add(
                    new CallqaJob.Input(
                            "recorded calls",
                            CallFiles.transcripts(
                                    new org.apache.flink.core.fs.Path(dir.toUri()), watch)));
        }
        if (kafka != null && (!live || transcriptsTopicGiven())) {
            KafkaEndpoint.require(kafka);
            inputs.add(
                    new CallqaJob.Input(
                            "transcripts topic",
                            TranscriptTopic.source(kafka, transcriptsTopic, false)));
        }
        OpenSearchAccess access = opensearch.access();
        OpenSearchEndpoint.require(access);
        JobSettings.installTemplates(access);
        if (retention != null) {
            installRetention(access, retention);
        }
        // The sinks are built from the configuration with the credentials; the environment gets
        // one without them, since the Flink UI shows its configuration.
        Configuration conf = access.sinkConfiguration();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        JobSettings.forOpenSearch(opensearch.url));
        if (env.getCheckpointConfig().getCheckpointInterval() <= 0) {
            // Unless the cluster configures it: a restart resumes from the last checkpoint, and
            // the sinks flush on every checkpoint.
            env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
        }
        CallqaJob job = CallqaJob.production(inputs, conf).withRecordingModel(modelDir);
        if (hook != null) {
            job = job.withAlertSink(new CallqaJob.AlertSink("alert webhook", hook));
        }
        if (live) {
            KafkaEndpoint.require(kafka);
            job = job.withLiveCalls(kafka, modelDir, conf);
        }
        if (transcripts >= 0 && kafka == null) {
            BatchProgress.execute(job, env, transcripts, spec.commandLine().getErr());
        } else {
            job.execute(env);
        }
        return 0;
    }

    private WebhookSink webhookSink() throws CallqaException {
        try {
            return WebhookSink.builder()
                    .setUrl(webhook)
                    .setAllowHttp(webhookAllowHttp)
                    .setSecret(System.getenv("CALLQA_WEBHOOK_SECRET"))
                    .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CallqaException.badInput(
                    "--webhook: "
                            + e.getMessage()
                            + " (the secret comes from CALLQA_WEBHOOK_SECRET)");
        }
    }

    /** Installs the retention policy (idempotent), saying on stderr what it did or why not. */
    private void installRetention(OpenSearchAccess access, RetentionPolicy policy) {
        try (var transport = access.open()) {
            List<SetupStep> steps = ClusterSetup.install(transport, policy);
            SetupStep last = steps.get(steps.size() - 1);
            spec.commandLine()
                    .getErr()
                    .println(
                            (last.outcome() == SetupStep.Outcome.SKIPPED
                                            ? "callqa: warning: "
                                            : "callqa: ")
                                    + last.line());
        } catch (Exception e) {
            throw CallqaException.unreachable(
                    "could not install the retention policy into " + access + ": " + e.getMessage(),
                    e);
        }
    }

    private boolean transcriptsTopicGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--transcripts-topic");
    }

    /** The Vosk model for audio without words, or null (with a note) when none is configured. */
    private String model() throws CallqaException {
        Optional<String> env = Optional.ofNullable(System.getenv(VoskModels.ENV));
        if (model == null && env.filter(v -> !v.isBlank()).isEmpty()) {
            if (live) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "callqa: no Vosk model (--model or "
                                        + VoskModels.ENV
                                        + "): live calls need their words on callqa.utterances;"
                                        + " audio alone gets no transcript.");
            }
            return null;
        }
        try {
            return VoskModels.resolve(Optional.ofNullable(model), env).toString();
        } catch (VoskModelNotFoundException e) {
            throw CallqaException.badInput(e.getMessage());
        }
    }
}

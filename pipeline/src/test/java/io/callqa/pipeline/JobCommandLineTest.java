package io.callqa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callqa.pipeline.asr.VoskModels;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The arguments of {@code flink run callqa-job.jar ...} and the job they make. */
class JobCommandLineTest {

    private static JobCommandLine.Arguments parse(String... args) {
        return JobCommandLine.parse(List.of(args), Map.of());
    }

    @Test
    void readsTheFlagsOfCallqaRunThatMakeSenseOnACluster() {
        JobCommandLine.Arguments a =
                JobCommandLine.parse(
                        List.of(
                                "--input",
                                "/data/recordings",
                                "--watch=30s",
                                "--kafka",
                                "kafka:9092",
                                "--live",
                                "--opensearch",
                                "https://opensearch:9200",
                                "--opensearch-user",
                                "callqa-job",
                                "--opensearch-ca",
                                "/certs/root-ca.pem"),
                        Map.of(VoskModels.ENV, "/models/vosk-model-small-en-us-0.15"));
        assertThat(a.input()).isEqualTo(Path.of("/data/recordings").toUri());
        assertThat(a.watch()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.kafka()).isEqualTo("kafka:9092");
        assertThat(a.live()).isTrue();
        assertThat(a.transcriptsTopic()).isNull();
        assertThat(a.model()).isEqualTo("/models/vosk-model-small-en-us-0.15");
        assertThat(a.opensearch()).isEqualTo(URI.create("https://opensearch:9200"));
        assertThat(a.opensearchUser()).isEqualTo("callqa-job");
        assertThat(a.opensearchCa()).isEqualTo("/certs/root-ca.pem");
        assertThat(a.help()).isFalse();
    }

    @Test
    void aRelativeInputIsResolvedAndAUriIsKept() {
        assertThat(parse("--input", "samples").input())
                .isEqualTo(Path.of("samples").toAbsolutePath().toUri());
        assertThat(parse("--input", "s3://calls/in").input())
                .isEqualTo(URI.create("s3://calls/in"));
    }

    @Test
    void badArgumentsAreNamedWithTheProblem() {
        assertThatThrownBy(JobCommandLineTest::parse)
                .hasMessage("give --input DIR and/or --kafka BOOTSTRAP");
        assertThatThrownBy(() -> parse("--input", "x", "--live"))
                .hasMessage("--live reads live calls from Kafka: give --kafka BOOTSTRAP too");
        assertThatThrownBy(() -> parse("--input", "x", "--watch", "soon"))
                .hasMessage("--watch: expected a duration like 10s, 2min or 500ms, got 'soon'");
        assertThatThrownBy(() -> parse("--input", "x", "--watch", "0s"))
                .hasMessage("--watch: expected a positive duration, got '0s'");
        assertThatThrownBy(() -> parse("--input", "x", "--opensearch", "opensearch:9200"))
                .hasMessageStartingWith("--opensearch opensearch:9200: expected http://");
        assertThatThrownBy(() -> parse("--input")).hasMessageStartingWith("--input needs a value");
        assertThatThrownBy(() -> parse("--input", "x", "--live=yes", "--kafka", "k:9092"))
                .hasMessage("--live takes no value, got 'yes'");
        assertThatThrownBy(() -> parse("run", "--input", "x"))
                .hasMessage("unexpected argument 'run'");
        assertThatThrownBy(() -> parse("--input", "x", "--input", "y"))
                .hasMessage("--input given twice");
        assertThatThrownBy(() -> parse("--input", "x", "-Dopensearch.hosts=http://o:9200"))
                .hasMessageContaining("give Flink settings to flink run before the jar");
    }

    @Test
    void aPasswordFlagIsRefusedWithWhereItGoes() {
        assertThatThrownBy(() -> parse("--input", "x", "--opensearch-password", "secret"))
                .hasMessageContaining("Set " + JobCommandLine.PASSWORD_ENV)
                .hasMessageNotContaining("secret");
    }

    @Test
    void helpNeedsNoInput() {
        assertThat(parse("--help").help()).isTrue();
        assertThat(JobCommandLine.usage()).contains("--input", "--kafka", "--opensearch-ca");
    }

    @Test
    void pipelineSettingsComeFromTheClusterAndTheFlagsWin() {
        Configuration cluster = new Configuration();
        cluster.set(PipelineOptions.OPENSEARCH_HOSTS, List.of("http://from-config:9200"));
        cluster.set(PipelineOptions.OPENSEARCH_BULK_MAX_ACTIONS, 17);
        cluster.set(PipelineOptions.LIVE_MAX_CHUNK_BYTES, MemorySize.parse("64kb"));
        cluster.setString("unrelated.key", "x");

        Configuration fromConfig =
                JobCommandLine.sinkConfiguration(parse("--input", "x"), cluster, Map.of());
        assertThat(fromConfig.get(PipelineOptions.OPENSEARCH_HOSTS))
                .containsExactly("http://from-config:9200");
        assertThat(fromConfig.get(PipelineOptions.OPENSEARCH_BULK_MAX_ACTIONS)).isEqualTo(17);
        assertThat(fromConfig.get(PipelineOptions.LIVE_MAX_CHUNK_BYTES))
                .isEqualTo(MemorySize.parse("64kb"));
        assertThat(fromConfig.containsKey("unrelated.key")).isFalse();

        Configuration flags =
                JobCommandLine.sinkConfiguration(
                        parse("--input", "x", "--opensearch", "http://flag:9200"),
                        cluster,
                        Map.of());
        assertThat(flags.get(PipelineOptions.OPENSEARCH_HOSTS)).containsExactly("http://flag:9200");
        assertThat(JobCommandLine.access(flags).url()).isEqualTo(URI.create("http://flag:9200"));
    }

    @Test
    void theUserSignsInWithThePasswordFromTheEnvironmentOnly() {
        JobCommandLine.Arguments a =
                parse("--input", "x", "--opensearch", "https://o:9200", "--opensearch-user", "job");
        assertThatThrownBy(() -> JobCommandLine.sinkConfiguration(a, new Configuration(), Map.of()))
                .hasMessageContaining("job needs a password: set " + JobCommandLine.PASSWORD_ENV);

        Configuration conf =
                JobCommandLine.sinkConfiguration(
                        a, new Configuration(), Map.of(JobCommandLine.PASSWORD_ENV, "pw"));
        OpenSearchAccess access = JobCommandLine.access(conf);
        assertThat(access.username()).isEqualTo("job");
        assertThat(access.password()).isEqualTo("pw");
        assertThat(access.toString()).doesNotContain("pw");
    }

    @Test
    void buildsTheJobGraphOfTheArguments() {
        JobCommandLine.Arguments a =
                parse("--input", "x", "--kafka", "k:9092", "--transcripts-topic", "t");
        Configuration conf = JobCommandLine.sinkConfiguration(a, new Configuration(), Map.of());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobCommandLine.job(a, conf, Map.of()).build(env);
        String plan = env.getExecutionPlan();
        assertThat(plan).contains("recorded calls", "transcripts topic", "analyse transcript");
        assertThat(plan).doesNotContain("live calls");
    }

    @Test
    void liveCallsReadTheLiveTopicsAndTheTranscriptsTopicOnlyWhenNamed() {
        JobCommandLine.Arguments a = parse("--kafka", "k:9092", "--live");
        Configuration conf = JobCommandLine.sinkConfiguration(a, new Configuration(), Map.of());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobCommandLine.job(a, conf, Map.of()).build(env);
        String plan = env.getExecutionPlan();
        assertThat(plan).contains("live calls", "analyse live call", "alert topic");
        assertThat(plan).doesNotContain("transcripts topic", "recorded calls");
    }

    @Test
    void aWebhookWithoutSecretIsRefusedNamingTheVariable() {
        JobCommandLine.Arguments a = parse("--input", "x", "--webhook", "https://hooks/x");
        Configuration conf = JobCommandLine.sinkConfiguration(a, new Configuration(), Map.of());
        assertThatThrownBy(() -> JobCommandLine.job(a, conf, Map.of()))
                .hasMessageContaining(JobCommandLine.WEBHOOK_SECRET_ENV);
    }
}

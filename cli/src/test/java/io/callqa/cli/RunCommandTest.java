package io.callqa.cli;

import static io.callqa.cli.Invocation.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callqa run} refuses, before starting anything, what it cannot do, saying what to do. */
class RunCommandTest {

    @TempDir Path dir;

    @Test
    void recordingsAloneWithoutAModelFailFastWithWhatToDo() throws Exception {
        Files.copy(Path.of("..", "samples", "s-en-billing-01.wav"), dir.resolve("c1.wav"));
        Invocation r = run("run", "--input", dir.toString(), "--opensearch", "http://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains(dir + ": holds 1 recording(s) and no transcripts")
                .contains("scripts/fetch-vosk-model.sh en")
                .contains("--model");
    }

    @Test
    void aModelFolderThatIsNotAModelIsNamed() throws Exception {
        Files.writeString(dir.resolve("c1.json"), "{}");
        Path notAModel = Files.createDirectory(dir.resolve("empty-model"));
        Invocation r =
                run(
                        "run",
                        "--input",
                        dir.toString(),
                        "--model",
                        notAModel.toString(),
                        "--opensearch",
                        "http://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(notAModel + " is not a Vosk model folder");
    }

    @Test
    void aRetentionOutOfRangeIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("c1.json"), "{}");
        Invocation r =
                run(
                        "run",
                        "--input",
                        dir.toString(),
                        "--retention-days",
                        "0",
                        "--opensearch",
                        "http://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--retention-days: ");
    }

    @Test
    void liveNeedsKafka() {
        Invocation r = run("run", "--live", "--input", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--live reads live calls from Kafka: give --kafka BOOTSTRAP");
    }

    @Test
    void aWebhookNeedsItsSecret() throws Exception {
        Files.writeString(dir.resolve("c1.json"), "{}");
        Invocation r =
                run(
                        "run",
                        "--input",
                        dir.toString(),
                        "--webhook",
                        "ftp://hooks.example/x",
                        "--opensearch",
                        "http://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("--webhook: webhook URL ftp://hooks.example/… must start");
    }

    @Test
    void aSecuredOpenSearchNeedsThePasswordFromTheEnvironment() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv(OpenSearchOption.PASSWORD_ENV) == null,
                OpenSearchOption.PASSWORD_ENV + " is set in this environment");
        Files.writeString(dir.resolve("c1.json"), "{}");
        Invocation r =
                run(
                        "run",
                        "--input",
                        dir.toString(),
                        "--opensearch",
                        "https://127.0.0.1:1",
                        "--opensearch-user",
                        "callqa");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains(
                        "--opensearch-user callqa needs a password: set"
                                + " CALLQA_OPENSEARCH_PASSWORD");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedWithWhereItGoes() throws Exception {
        Files.writeString(dir.resolve("c1.json"), "{}");
        Invocation r =
                run(
                        "run",
                        "--input",
                        dir.toString(),
                        "--opensearch-user",
                        "callqa",
                        "--opensearch-password",
                        "s3cret-pw");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "--opensearch-password is not accepted: a password on the command line"
                                + " shows in every process list. Set CALLQA_OPENSEARCH_PASSWORD"
                                + " in the environment instead")
                .doesNotContain("s3cret-pw");
    }
}

package io.callqa.cli;

import static io.callqa.cli.Invocation.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallqaCommandTest {

    @Test
    void helpListsExactlyTheVerbsThatWork() {
        Invocation r = run("--help");
        assertThat(r.exit()).isZero();
        List<String> verbs =
                Arrays.stream(r.out().substring(r.out().indexOf("Commands:")).split("\n"))
                        .skip(1)
                        // Verb lines are indented by two; wrapped descriptions by more.
                        .filter(l -> l.matches("  \\S.*"))
                        .map(String::strip)
                        .map(l -> l.split("\\s+")[0])
                        .toList();
        assertThat(verbs)
                .containsExactly(
                        "demo",
                        "run",
                        "replay",
                        "analyze",
                        "features",
                        "classify",
                        "train-classifier",
                        "train-acts",
                        "audit",
                        "dashboards",
                        "console",
                        "help");
    }

    @Test
    void versionNamesCallqaAndTheComponentsItWasBuiltWith() {
        Invocation r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("callqa 0.").contains("Flink 2.2", "OpenSearch 2.19");
    }

    @Test
    void aMissingVerbOrUnknownOptionIsBadUsage() {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run().err()).contains("Missing a verb");
        Invocation r = run("run", "--input", "x", "--inptu", "y");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown options: '--inptu', 'y'");
    }

    @Test
    void aMissingInputDirectoryIsBadInputNamingTheDirectory(@TempDir Path tmp) {
        Path missing = tmp.resolve("calls");
        Invocation r = run("run", "--input", missing.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(
                        "callqa: "
                                + missing
                                + ": no such directory; pass --input DIR with the calls to"
                                + " analyse\n");
    }

    @Test
    void aDirectoryWithoutTranscriptsIsBadInput(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "not a call");
        Invocation r = run("demo", "--samples", tmp.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(tmp + ": holds no call transcripts (*.json)");
    }

    @Test
    void anUnreachableOpenSearchIsReportedWithTheFix(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("c.json"), "{}");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        Invocation r = run("run", "--input", tmp.toString(), "--opensearch", url);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err())
                .startsWith("callqa: no OpenSearch answers at " + url + ".")
                .contains("--opensearch URL")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void runNeedsAnInput() {
        Invocation r = run("run");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Give --input DIR and/or --kafka BOOTSTRAP.");
    }

    @Test
    void anUnreachableKafkaIsReportedWithTheFix() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Invocation r = run("run", "--kafka", "127.0.0.1:" + closedPort);
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err())
                .isEqualTo(
                        "callqa: no Kafka broker answers at 127.0.0.1:"
                                + closedPort
                                + ". Start Kafka or pass the right --kafka host:port.\n");
    }

    @Test
    void aMalformedDurationIsBadUsage(@TempDir Path tmp) {
        Invocation r = run("run", "--input", tmp.toString(), "--watch", "soon");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("expected a duration like 10s, 2min or 500ms, got 'soon'");
    }
}

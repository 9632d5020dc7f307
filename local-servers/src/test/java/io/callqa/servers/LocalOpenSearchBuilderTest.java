package io.callqa.servers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalOpenSearchBuilderTest {
    @Test
    void heapOutOfRange() {
        assertThatThrownBy(() -> LocalOpenSearch.builder().heapMb(64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "heapMb must be between 128 and 8192 (MB), was 64; 512 is enough for"
                                + " tests");
    }

    @Test
    void startupTimeoutMustBePositive() {
        assertThatThrownBy(() -> LocalOpenSearch.builder().startupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "startupTimeout must be a positive duration, was PT0S; e.g."
                                + " Duration.ofSeconds(120)");
        assertThatThrownBy(() -> LocalOpenSearch.builder().startupTimeout(null))
                .hasMessageContaining("was null");
    }

    @Test
    void runAsUserMustBeAUserName() {
        assertThatThrownBy(() -> LocalOpenSearch.builder().runAsUser("Not A User"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("runAsUser must be a Linux user name")
                .hasMessageEndingWith("was \"Not A User\"");
    }

    @Test
    void clusterNameIsChecked() {
        assertThatThrownBy(() -> LocalOpenSearch.builder().clusterName("a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clusterName must be 1 to 64 letters, digits, _ or -, was \"a b\"");
    }

    @Test
    void nullPathsSayWhatToPass() {
        assertThatThrownBy(() -> LocalOpenSearch.builder().distribution(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("pass the directory that holds bin/opensearch");
        assertThatThrownBy(() -> LocalOpenSearch.builder().javaHome(null))
                .hasMessageContaining("pass a JDK 17+ directory that holds bin/java");
        assertThatThrownBy(() -> LocalOpenSearch.builder().workDirParent(null))
                .hasMessageContaining("pass an existing writable directory");
    }

    @Test
    void missingDistributionTellsWhatToRun(@TempDir Path dir) {
        assertThatThrownBy(() -> LocalOpenSearch.builder().distribution(dir).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "No OpenSearch distribution at "
                                + dir
                                + " (bin/opensearch is missing). Run `./mvnw -q -pl local-servers"
                                + " package` from the repository root, or pass distribution() the"
                                + " directory that holds bin/opensearch.");
    }

    @Test
    void badJavaHomeIsReportedBeforeLaunching(@TempDir Path dir) throws Exception {
        Path home =
                ServerDistributionsTest.fakeServers(dir.resolve("s")).resolve("opensearch-2.19.4");
        java.nio.file.Files.createDirectories(home.resolve("lib"));
        java.nio.file.Files.writeString(home.resolve("lib/opensearch-2.19.4.jar"), "");
        assertThatThrownBy(
                        () ->
                                LocalOpenSearch.builder()
                                        .distribution(home)
                                        .javaHome(dir.resolve("nojdk"))
                                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "javaHome "
                                + dir.resolve("nojdk")
                                + " has no executable bin/java; pass javaHome() a JDK 17+"
                                + " directory");
    }

    @Test
    void unwritableWorkDirParentIsReported(@TempDir Path dir) throws Exception {
        Path home =
                ServerDistributionsTest.fakeServers(dir.resolve("s")).resolve("opensearch-2.19.4");
        java.nio.file.Files.createDirectories(home.resolve("lib"));
        java.nio.file.Files.writeString(home.resolve("lib/opensearch-2.19.4.jar"), "");
        assertThatThrownBy(
                        () ->
                                LocalOpenSearch.builder()
                                        .distribution(home)
                                        .workDirParent(dir.resolve("missing"))
                                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "is not a writable directory; pass workDirParent() one that is");
    }
}

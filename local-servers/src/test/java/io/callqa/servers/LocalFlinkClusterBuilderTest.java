package io.callqa.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFlinkClusterBuilderTest {

    @Test
    void configYamlHasLoopbackAddressesTheChosenPortsAndShortHeartbeats(@TempDir Path tmp) {
        String yaml =
                LocalFlinkCluster.builder()
                        .slotsPerTaskManager(2)
                        .property("parallelism.default", "2")
                        .configYaml(6123, 8081, 6124, tmp);
        assertThat(yaml.lines())
                .contains(
                        "jobmanager.rpc.address: '127.0.0.1'",
                        "jobmanager.rpc.port: '6123'",
                        "rest.port: '8081'",
                        "rest.address: '127.0.0.1'",
                        "blob.server.port: '6124'",
                        "taskmanager.host: '127.0.0.1'",
                        "taskmanager.numberOfTaskSlots: '2'",
                        "parallelism.default: '2'",
                        "restart-strategy.type: 'fixed-delay'",
                        "heartbeat.interval: '2000'",
                        "heartbeat.timeout: '8000'",
                        "io.tmp.dirs: '" + tmp + "'");
    }

    @Test
    void aQuoteInAValueStaysInsideTheYamlString(@TempDir Path tmp) {
        String yaml =
                LocalFlinkCluster.builder()
                        .property("pipeline.name", "it's: a name")
                        .configYaml(1, 2, 3, tmp);
        assertThat(yaml.lines()).contains("pipeline.name: 'it''s: a name'");
    }

    @Test
    void theTaskManagerGetsTheMemoryPropertiesAndMatchingJvmFlags() {
        LocalFlinkCluster.TaskManagerMemory m =
                LocalFlinkCluster.TaskManagerMemory.forTaskHeap(256);
        assertThat(m.dynamicProperties(1))
                .contains(
                        "-Dtaskmanager.cpu.cores=1.0",
                        "-Dtaskmanager.memory.framework.heap.size=128m",
                        "-Dtaskmanager.memory.task.heap.size=256m",
                        "-Dtaskmanager.memory.network.min=64m",
                        "-Dtaskmanager.memory.network.max=64m",
                        "-Dtaskmanager.memory.jvm-metaspace.size=256m");
        assertThat(m.dynamicProperties(1))
                .anyMatch(p -> p.startsWith("-Dtaskmanager.memory.managed.size="))
                .anyMatch(p -> p.startsWith("-Dtaskmanager.memory.framework.off-heap.size="))
                .anyMatch(p -> p.startsWith("-Dtaskmanager.memory.task.off-heap.size="))
                .anyMatch(p -> p.startsWith("-Dtaskmanager.memory.jvm-overhead.min="))
                .anyMatch(p -> p.startsWith("-Dtaskmanager.memory.jvm-overhead.max="));
        // Heap = framework + task heap; direct = framework + task off-heap + network.
        assertThat(m.jvmFlags())
                .containsExactly(
                        "-Xms384m",
                        "-Xmx384m",
                        "-XX:MaxDirectMemorySize=256m",
                        "-XX:MaxMetaspaceSize=256m");
    }

    @Test
    void everyJvmOpensTheJdkPackagesFlinkReflectsInto(@TempDir Path tmp) {
        List<String> jvm =
                LocalFlinkCluster.Builder.jvm(
                        Path.of(System.getProperty("java.home")),
                        "a.jar",
                        tmp,
                        tmp.resolve("x.log"),
                        "jm");
        assertThat(jvm)
                .contains(
                        "--add-opens=java.base/java.util=ALL-UNNAMED",
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                        "-Dlog.file=" + tmp.resolve("x.log"));
        assertThat(jvm.subList(jvm.size() - 2, jvm.size())).containsExactly("-cp", "a.jar");
    }

    @Test
    void managedPropertiesAndBadValuesAreRejected() {
        assertThatThrownBy(() -> LocalFlinkCluster.builder().property("rest.port", "8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("property \"rest.port\" is set by LocalFlinkCluster itself")
                .hasMessageContaining("read the chosen values from address()");
        assertThatThrownBy(() -> LocalFlinkCluster.builder().property("a b", "1"))
                .hasMessageContaining("is not a Flink option name");
        assertThatThrownBy(() -> LocalFlinkCluster.builder().property("parallelism.default", "1\n"))
                .hasMessageContaining("needs a single-line, non-null value");
        assertThatThrownBy(() -> LocalFlinkCluster.builder().taskManagers(0))
                .hasMessageStartingWith("taskManagers must be 1 to 8, was 0");
        assertThatThrownBy(() -> LocalFlinkCluster.builder().slotsPerTaskManager(17))
                .hasMessageStartingWith("slotsPerTaskManager must be 1 to 16, was 17");
        assertThatThrownBy(() -> LocalFlinkCluster.builder().startupTimeout(Duration.ZERO))
                .hasMessageContaining("positive duration");
    }

    @Test
    void aMissingClasspathFileTellsWhatToRun(@TempDir Path dir) {
        Path file = dir.resolve("flink-classpath.txt");
        assertThatThrownBy(() -> LocalFlinkCluster.builder().classpathFile(file).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No Flink cluster classpath at " + file)
                .hasMessageContaining(LocalFlinkCluster.BUILD_COMMAND);
    }

    @Test
    void aClasspathNamingMissingJarsIsRejectedBeforeAnythingStarts(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("flink-classpath.txt");
        Files.writeString(file, dir.resolve("flink-runtime-2.2.1.jar").toString());
        assertThatThrownBy(() -> LocalFlinkCluster.builder().classpathFile(file).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names jars that do not exist")
                .hasMessageContaining("flink-runtime-2.2.1.jar");
    }

    @Test
    void aClusterThatCannotStartFailsWithTheTailOfItsLogs(@TempDir Path dir) throws Exception {
        // A jar named like flink-runtime that holds no Flink: the JobManager JVM cannot find its
        // main class and exits at once.
        Path jar = dir.resolve("flink-runtime-2.2.1.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("README"));
            out.write("not flink".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("flink-classpath.txt");
        Files.writeString(file, jar.toString());
        Path work = Files.createDirectories(dir.resolve("work"));
        assertThatThrownBy(
                        () ->
                                LocalFlinkCluster.builder()
                                        .classpathFile(file)
                                        .workDirParent(work)
                                        .startupTimeout(Duration.ofSeconds(60))
                                        .start())
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("StandaloneSessionClusterEntrypoint")
                .hasMessageContaining("Log files in ");
    }
}

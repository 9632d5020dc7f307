package io.callqa.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerDistributionsTest {
    private static final Map<String, String> VERSIONS =
            Map.of("opensearch.version", "2.19.4", "kafka.version", "4.2.0");

    @Test
    void missingDirectoryTellsWhatToRun(@TempDir Path dir) {
        assertThatThrownBy(() -> ServerDistributions.locate(null, null, dir, VERSIONS))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("were not found")
                .hasMessageContaining("no local-servers/target/servers in " + dir)
                .hasMessageContaining(
                        "Run `./mvnw -q -pl local-servers package` from the repository root");
    }

    @Test
    void incompleteDirectoryFromPropertyTellsWhatIsMissingAndWhatToRun(@TempDir Path dir) {
        assertThatThrownBy(() -> ServerDistributions.locate(dir.toString(), null, dir, VERSIONS))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("the system property callqa.servers.dir")
                .hasMessageContaining("opensearch-2.19.4/bin/opensearch")
                .hasMessageContaining("kafka-libs/kafka_2.13-*.jar")
                .hasMessageContaining("./mvnw -q -pl local-servers package");
    }

    @Test
    void environmentVariableIsUsedWhenThePropertyIsUnset(@TempDir Path dir) throws Exception {
        Path servers = fakeServers(dir.resolve("somewhere"));
        ServerDistributions d = ServerDistributions.locate(null, servers.toString(), dir, VERSIONS);
        assertThat(d.dir()).isEqualTo(servers);
    }

    @Test
    void searchesUpwardsFromTheWorkingDirectory(@TempDir Path repo) throws Exception {
        Path servers = fakeServers(repo.resolve("local-servers/target/servers"));
        Path nested = Files.createDirectories(repo.resolve("pipeline/target/x"));

        ServerDistributions d = ServerDistributions.locate(null, "", nested, VERSIONS);

        assertThat(d.dir()).isEqualTo(servers);
        assertThat(d.opensearchHome()).isEqualTo(servers.resolve("opensearch-2.19.4"));
        assertThat(d.kafkaLibs()).isEqualTo(servers.resolve("kafka-libs"));
        assertThat(d.opensearchVersion()).isEqualTo("2.19.4");
        assertThat(d.kafkaVersion()).isEqualTo("4.2.0");
    }

    @Test
    void bundledVersionsComeFromTheBuild() {
        assertThat(ServerDistributions.bundledVersions())
                .containsKeys("opensearch.version", "kafka.version")
                .allSatisfy((k, v) -> assertThat(v).matches("\\d+\\.\\d+\\.\\d+.*"));
    }

    static Path fakeServers(Path servers) throws Exception {
        Files.createDirectories(servers.resolve("opensearch-2.19.4/bin"));
        Files.writeString(servers.resolve("opensearch-2.19.4/bin/opensearch"), "#!/bin/sh\n");
        Files.createDirectories(servers.resolve("kafka-libs"));
        Files.writeString(servers.resolve("kafka-libs/kafka_2.13-4.2.0.jar"), "");
        return servers;
    }
}

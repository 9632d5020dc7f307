package io.callqa.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBuilderTest {
    @Test
    void heapOutOfRange() {
        assertThatThrownBy(() -> LocalKafka.builder().heapMb(100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "heapMb must be between 128 and 4096 (MB), was 100000; 256 to 512 is"
                                + " enough for tests");
    }

    @Test
    void startupTimeoutMustBePositive() {
        assertThatThrownBy(() -> LocalKafka.builder().startupTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "startupTimeout must be a positive duration, was PT-1S; e.g."
                                + " Duration.ofSeconds(90)");
    }

    @Test
    void managedPropertiesAreRejected() {
        assertThatThrownBy(() -> LocalKafka.builder().property("listeners", "PLAINTEXT://:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("property \"listeners\" is set by LocalKafka itself")
                .hasMessageContaining("read the chosen values from bootstrapServers()");
        assertThatThrownBy(() -> LocalKafka.builder().property("log.dirs", "/var/kafka"))
                .hasMessageStartingWith("property \"log.dirs\" is set by LocalKafka itself");
    }

    @Test
    void blankKeyAndBadValuesAreRejected() {
        assertThatThrownBy(() -> LocalKafka.builder().property(" ", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "property key is blank: pass a broker config name such as"
                                + " \"num.partitions\"");
        assertThatThrownBy(() -> LocalKafka.builder().property("num.partitions", null))
                .hasMessage(
                        "property \"num.partitions\" needs a single-line, non-null value, was"
                                + " null");
        assertThatThrownBy(() -> LocalKafka.builder().property("num.partitions", "1\nx=y"))
                .hasMessageContaining("needs a single-line, non-null value");
    }

    @Test
    void missingJarsTellWhatToRun(@TempDir Path dir) {
        assertThatThrownBy(() -> LocalKafka.builder().libs(dir).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "No Kafka broker jars in "
                                + dir
                                + " (kafka_2.13-<version>.jar is missing). Run `./mvnw -q -pl"
                                + " local-servers package` from the repository root, or pass"
                                + " libs() the directory that holds the broker jars.");
    }

    @Test
    void serverPropertiesHaveKraftLoopbackListenersAndOverrides() {
        String props =
                LocalKafka.builder()
                        .property("num.partitions", "3")
                        .serverProperties(19092, 19093, Path.of("/tmp/k/data"));
        assertThat(props)
                .contains("process.roles=broker,controller")
                .contains("node.id=1")
                .contains("controller.quorum.voters=1@127.0.0.1:19093")
                .contains("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .contains("advertised.listeners=PLAINTEXT://127.0.0.1:19092")
                .contains("offsets.topic.replication.factor=1")
                .contains("transaction.state.log.min.isr=1")
                .contains("log.dirs=/tmp/k/data")
                .contains("num.partitions=3")
                .doesNotContainPattern("(?m)^num\\.partitions=1$");
    }

    @Test
    void clusterIdsLookLikeKafkas() {
        for (int i = 0; i < 200; i++) {
            assertThat(LocalKafka.Builder.clusterId()).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
        }
    }
}

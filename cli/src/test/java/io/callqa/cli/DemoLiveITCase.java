package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callqa.testing.KafkaBroker;
import io.callqa.testing.KafkaExtension;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code callqa demo --live} as a newcomer runs it (here on the run's shared OpenSearch and Kafka,
 * sped up): the samples are indexed as recorded calls, then replayed as live calls through Kafka
 * and the live job, every live call is indexed, and alerts are raised while the calls are live.
 */
@ExtendWith({OpenSearchExtension.class, KafkaExtension.class})
class DemoLiveITCase {

    @Test
    void replaysTheSamplesAsLiveCallsAndRaisesAlertsWhileTheyGoOn(
            OpenSearchNode node, KafkaBroker kafka) throws Exception {
        long samples;
        try (Stream<Path> files = Files.list(Path.of("..", "samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".json")).count();
        }
        Invocation r =
                Invocation.run(
                        "demo",
                        "--samples",
                        Path.of("..", "samples").toString(),
                        "--opensearch",
                        node.httpUri().toString(),
                        "--live",
                        "--kafka",
                        kafka.bootstrapServers(),
                        "--speed",
                        "6",
                        "--exit");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "Replaying "
                                + samples
                                + " sample call(s) as live calls (ids ending in -live)");
        Matcher m =
                Pattern.compile(
                                "(\\d+) live call\\(s\\) indexed; (\\d+) alert\\(s\\) raised while"
                                        + " the calls were live")
                        .matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        System.out.println("demo --live: " + m.group());
        assertThat(Long.parseLong(m.group(1))).isEqualTo(samples);
        // The samples include prohibited phrases, spoken card numbers and escalations.
        assertThat(Long.parseLong(m.group(2))).isPositive();
    }
}

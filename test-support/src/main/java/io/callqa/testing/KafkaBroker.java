package io.callqa.testing;

import io.callqa.servers.LocalKafka;
import java.nio.file.Path;

/**
 * A read-only view of the Kafka broker that {@link KafkaExtension} shares across a test run. Tests
 * may use it freely but cannot stop it; the extension does that when the run ends. Tests sharing
 * the broker should use topic names of their own.
 */
public final class KafkaBroker {
    private final LocalKafka server;

    KafkaBroker(LocalKafka server) {
        this.server = server;
    }

    /** The bootstrap servers for clients, e.g. {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return server.bootstrapServers();
    }

    /** The Kafka version, e.g. {@code 4.2.0}. */
    public String version() {
        return server.version();
    }

    /** The broker's log file, for failure messages. */
    public Path logFile() {
        return server.logFile();
    }

    @Override
    public String toString() {
        return server.toString();
    }
}

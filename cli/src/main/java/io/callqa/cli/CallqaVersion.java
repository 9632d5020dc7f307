package io.callqa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports callqa's version and the versions of the real components it was built against. */
public final class CallqaVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties p = load();
        return new String[] {
            "callqa " + p.getProperty("version"),
            "Flink "
                    + p.getProperty("flink.version")
                    + ", OpenSearch "
                    + p.getProperty("opensearch.version")
                    + ", Kafka "
                    + p.getProperty("kafka.version"),
            "JVM "
                    + System.getProperty("java.version")
                    + " ("
                    + System.getProperty("java.vendor")
                    + ")"
        };
    }

    static Properties load() {
        Properties p = new Properties();
        try (InputStream in =
                CallqaVersion.class.getResourceAsStream("/callqa-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

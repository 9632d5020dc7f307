package io.callqa.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the build put the real server distributions: {@code local-servers/target/servers}, holding
 * {@code opensearch-<version>/} (the unpacked integ-test-zip) and {@code kafka-libs/} (the Kafka
 * broker jars with all their dependencies).
 *
 * <p>The directory is taken from the system property {@value #SYSTEM_PROPERTY}, else the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, else the first {@value #RELATIVE_DIR} found
 * in the working directory or one of its parents.
 */
public final class ServerDistributions {
    /** System property naming the servers directory. */
    public static final String SYSTEM_PROPERTY = "callqa.servers.dir";

    /** Environment variable naming the servers directory. */
    public static final String ENVIRONMENT_VARIABLE = "CALLQA_SERVERS_DIR";

    /** The servers directory relative to the repository root. */
    public static final String RELATIVE_DIR = "local-servers/target/servers";

    /** The command, run from the repository root, that downloads and unpacks the servers. */
    public static final String BUILD_COMMAND = "./mvnw -q -pl local-servers package";

    /** The name of the Kafka libraries directory inside the servers directory. */
    public static final String KAFKA_LIBS = "kafka-libs";

    private final Path dir;
    private final String opensearchVersion;
    private final String kafkaVersion;

    private ServerDistributions(Path dir, String opensearchVersion, String kafkaVersion) {
        this.dir = dir;
        this.opensearchVersion = opensearchVersion;
        this.kafkaVersion = kafkaVersion;
    }

    /**
     * Finds the servers directory for this JVM.
     *
     * @throws ServerStartException if it is missing or incomplete; the message says to run {@value
     *     #BUILD_COMMAND} from the repository root
     */
    public static ServerDistributions locate() {
        return locate(
                System.getProperty(SYSTEM_PROPERTY),
                System.getenv(ENVIRONMENT_VARIABLE),
                Path.of("").toAbsolutePath(),
                bundledVersions());
    }

    /** {@link #locate()} with its inputs spelled out, for tests. */
    static ServerDistributions locate(
            String property, String environment, Path workingDir, Map<String, String> versions) {
        String osVersion = versions.get("opensearch.version");
        String kafkaVersion = versions.get("kafka.version");
        if (property != null && !property.isBlank()) {
            return check(
                    Path.of(property).toAbsolutePath().normalize(),
                    "the system property " + SYSTEM_PROPERTY,
                    osVersion,
                    kafkaVersion);
        }
        if (environment != null && !environment.isBlank()) {
            return check(
                    Path.of(environment).toAbsolutePath().normalize(),
                    "the environment variable " + ENVIRONMENT_VARIABLE,
                    osVersion,
                    kafkaVersion);
        }
        List<Path> searched = new ArrayList<>();
        for (Path d = workingDir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(RELATIVE_DIR);
            searched.add(d);
            if (Files.isDirectory(candidate)) {
                return check(candidate, "the search from " + workingDir, osVersion, kafkaVersion);
            }
        }
        throw new ServerStartException(
                "The OpenSearch and Kafka server distributions were not found: no "
                        + RELATIVE_DIR
                        + " in "
                        + workingDir
                        + " or any parent directory, and neither -D"
                        + SYSTEM_PROPERTY
                        + " nor "
                        + ENVIRONMENT_VARIABLE
                        + " is set. "
                        + howToFix());
    }

    private static ServerDistributions check(
            Path dir, String source, String osVersion, String kafkaVersion) {
        ServerDistributions d = new ServerDistributions(dir, osVersion, kafkaVersion);
        List<String> missing = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            missing.add(dir + " itself");
        } else {
            if (!Files.isRegularFile(d.opensearchHome().resolve("bin/opensearch"))) {
                missing.add(d.opensearchHome() + "/bin/opensearch");
            }
            if (!hasKafkaJar(d.kafkaLibs())) {
                missing.add(d.kafkaLibs() + "/kafka_2.13-*.jar");
            }
        }
        if (!missing.isEmpty()) {
            throw new ServerStartException(
                    "The server distributions directory "
                            + dir
                            + " (from "
                            + source
                            + ") is incomplete: missing "
                            + String.join(", ", missing)
                            + ". "
                            + howToFix());
        }
        return d;
    }

    private static String howToFix() {
        return "Run `"
                + BUILD_COMMAND
                + "` from the repository root to download and unpack them into "
                + RELATIVE_DIR
                + ", or set -D"
                + SYSTEM_PROPERTY
                + " (or "
                + ENVIRONMENT_VARIABLE
                + ") to such a directory.";
    }

    private static boolean hasKafkaJar(Path libs) {
        if (!Files.isDirectory(libs)) {
            return false;
        }
        try (var files = Files.list(libs)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The versions this build of local-servers was made with (servers.properties). */
    static Map<String, String> bundledVersions() {
        Properties p = new Properties();
        try (InputStream in = ServerDistributions.class.getResourceAsStream("servers.properties")) {
            if (in == null) {
                throw new ServerStartException(
                        "io/callqa/servers/servers.properties is missing from the classpath. "
                                + howToFix());
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "opensearch.version", p.getProperty("opensearch.version"),
                "kafka.version", p.getProperty("kafka.version"));
    }

    /** The servers directory. */
    public Path dir() {
        return dir;
    }

    /** The unpacked OpenSearch distribution, {@code opensearch-<version>}. */
    public Path opensearchHome() {
        return dir.resolve("opensearch-" + opensearchVersion);
    }

    /** The directory of Kafka broker jars. */
    public Path kafkaLibs() {
        return dir.resolve(KAFKA_LIBS);
    }

    /** The OpenSearch version the build unpacked. */
    public String opensearchVersion() {
        return opensearchVersion;
    }

    /** The Kafka version the build copied. */
    public String kafkaVersion() {
        return kafkaVersion;
    }

    @Override
    public String toString() {
        return "ServerDistributions["
                + dir
                + ", opensearch "
                + opensearchVersion
                + ", kafka "
                + kafkaVersion
                + "]";
    }
}

package io.callqa.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker/compose.yaml} is a valid compose file whose services start in order, restart, have
 * resource limits, keep secrets in {@code docker/.env}, and run the versions the build pins.
 */
class ComposeFileTest {

    /** Restart policies of services that run until stopped. */
    private static final List<String> LONG_RUNNING = List.of("unless-stopped", "always");

    /**
     * Long-running services without a health check of their own: a TaskManager's health is whether
     * it registered with the JobManager, which is what the JobManager's check tests.
     */
    private static final List<String> CHECKED_ELSEWHERE = List.of("taskmanager");

    @Test
    void validatesWithDockerCompose() throws Exception {
        List<String> compose = composeCommand();
        Result r =
                run(
                        compose,
                        "--env-file",
                        ComposeFile.ENV_EXAMPLE.toString(),
                        "-f",
                        ComposeFile.COMPOSE.toString(),
                        "config",
                        "-q");
        assertThat(r.exit())
                .as("%s config -q on docker/compose.yaml said:%n%s", compose, r.output())
                .isZero();
    }

    @Test
    void aMissingPasswordStopsComposeAndSaysWhereToSetIt(@TempDir Path dir) throws Exception {
        List<String> compose = composeCommand();
        Path empty = Files.writeString(dir.resolve("empty.env"), "");
        Result r =
                run(
                        compose,
                        "--env-file",
                        empty.toString(),
                        "-f",
                        ComposeFile.COMPOSE.toString(),
                        "config",
                        "-q");
        assertThat(r.exit()).as("exit code without passwords").isNotZero();
        assertThat(r.output()).contains("PASSWORD").contains("docker/.env");
    }

    @Test
    void theEnvTemplateDefinesEveryVariableAndHoldsNoRealSecret() throws IOException {
        Map<String, String> template = envFile(ComposeFile.ENV_EXAMPLE);
        List<String> missing =
                ComposeFile.read().variables().stream()
                        .filter(v -> !template.containsKey(v))
                        .toList();
        assertThat(missing)
                .as("variables of docker/compose.yaml that docker/.env.example does not define")
                .isEmpty();
        template.forEach(
                (k, v) -> {
                    if (k.contains("PASSWORD")) {
                        assertThat(v).as(k + " in docker/.env.example").startsWith("change-me");
                    }
                });
    }

    @Test
    void passwordsComeFromTheEnvFileOnly() throws IOException {
        List<String> literal = new ArrayList<>();
        ComposeFile.read()
                .services()
                .forEach(
                        (name, service) ->
                                ComposeFile.environment(service)
                                        .forEach(
                                                (k, v) -> {
                                                    if (k.contains("PASSWORD")
                                                            && !v.matches(
                                                                    "\\$\\{[A-Z_]+:\\?.+\\}")) {
                                                        literal.add(name + ": " + k + "=" + v);
                                                    }
                                                }));
        assertThat(literal)
                .as("passwords must be ${VAR:?message} references to docker/.env")
                .isEmpty();
    }

    @Test
    void everyServiceRestartsHasLimitsAndLongRunningOnesAHealthCheck() throws IOException {
        List<String> problems = new ArrayList<>();
        ComposeFile.read()
                .services()
                .forEach(
                        (name, s) -> {
                            for (String key : List.of("restart", "cpus", "mem_limit")) {
                                if (s.get(key) == null) {
                                    problems.add(name + ": no " + key);
                                }
                            }
                            if (LONG_RUNNING.contains(String.valueOf(s.get("restart")))
                                    && s.get("healthcheck") == null
                                    && !CHECKED_ELSEWHERE.contains(name)) {
                                problems.add(name + ": runs until stopped but has no healthcheck");
                            }
                        });
        assertThat(problems).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void startOrderWaitsOnHealthChecksAndOneShotServicesThatExist() throws IOException {
        Map<String, Map<String, Object>> services = ComposeFile.read().services();
        List<String> problems = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        services.forEach(
                (name, s) -> {
                    Object deps = s.get("depends_on");
                    if (deps == null) {
                        return;
                    }
                    if (!(deps instanceof Map<?, ?>)) {
                        problems.add(name + ": depends_on without conditions starts too early");
                        return;
                    }
                    ((Map<String, Object>) deps)
                            .forEach(
                                    (dep, spec) -> {
                                        Map<String, Object> target = services.get(dep);
                                        String condition =
                                                String.valueOf(
                                                        ((Map<String, Object>) spec)
                                                                .get("condition"));
                                        conditions.add(name + " -> " + dep + ": " + condition);
                                        if (target == null) {
                                            problems.add(name + ": depends on unknown " + dep);
                                        } else if (condition.equals("service_healthy")
                                                && target.get("healthcheck") == null) {
                                            problems.add(
                                                    name
                                                            + ": waits for "
                                                            + dep
                                                            + " to be healthy, but it has no"
                                                            + " healthcheck");
                                        } else if (condition.equals(
                                                        "service_completed_successfully")
                                                && LONG_RUNNING.contains(
                                                        String.valueOf(target.get("restart")))) {
                                            problems.add(
                                                    name
                                                            + ": waits for "
                                                            + dep
                                                            + " to complete, but it runs until"
                                                            + " stopped");
                                        }
                                    });
                });
        assertThat(problems).isEmpty();
        // The order the README describes: the job only once the cluster, topics and index can
        // take it; OpenSearch only with its certificates.
        assertThat(conditions)
                .contains(
                        "opensearch -> certs: service_completed_successfully",
                        "job-submit -> jobmanager: service_healthy",
                        "job-submit -> kafka-init: service_completed_successfully",
                        "job-submit -> opensearch: service_healthy",
                        "dashboards-init -> dashboards: service_healthy");
    }

    @Test
    void everyPublishedPortBindsTheLoopbackByDefault() throws IOException {
        Map<String, String> env = envFile(ComposeFile.ENV_EXAMPLE);
        List<String> open = new ArrayList<>();
        ComposeFile.read()
                .services()
                .forEach(
                        (name, s) -> {
                            if (s.get("ports") instanceof List<?> ports) {
                                for (Object p : ports) {
                                    String withTemplate = resolve(String.valueOf(p), env);
                                    String withDefaults = resolve(String.valueOf(p), Map.of());
                                    if (!withTemplate.startsWith("127.0.0.1:")
                                            || !withDefaults.startsWith("127.0.0.1:")) {
                                        open.add(name + ": " + p);
                                    }
                                }
                            }
                        });
        assertThat(open).as("ports published on every interface").isEmpty();
        // Kafka's external listener (no authentication) opens only through the documented switch.
        assertThat(String.valueOf(ComposeFile.read().services().get("kafka").get("ports")))
                .contains("${KAFKA_EXTERNAL_BIND:-127.0.0.1}:");
        assertThat(env).containsEntry("KAFKA_EXTERNAL_BIND", "127.0.0.1");
        assertThat(Files.readString(ComposeFile.ENV_EXAMPLE)).contains("SASL_SSL");
    }

    /** {@code ${NAME:-default}} and {@code ${NAME}} replaced from {@code env}, else defaults. */
    private static String resolve(String value, Map<String, String> env) {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)(?::-([^}]*))?\\}").matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = env.getOrDefault(m.group(1), m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        return m.appendTail(b).toString();
    }

    @Test
    void taskManagersCanBeScaled() throws IOException {
        Map<String, Object> tm = ComposeFile.read().services().get("taskmanager");
        assertThat(tm).as("a taskmanager service").isNotNull();
        // A fixed container name or a published port would make --scale taskmanager=N fail.
        assertThat(tm).doesNotContainKeys("container_name", "ports");
    }

    @Test
    void imagesRunTheVersionsTheBuildPins() throws IOException {
        Map<String, String> pom = PomVersions.read();
        Map<String, Map<String, Object>> services = ComposeFile.read().services();
        assertThat(services.get("kafka").get("image"))
                .isEqualTo("apache/kafka:" + pom.get("kafka.version"));
        assertThat(services.get("opensearch").get("image"))
                .isEqualTo("opensearchproject/opensearch:" + pom.get("opensearch.version"));
        assertThat(services.get("dashboards").get("image"))
                .isEqualTo(
                        "opensearchproject/opensearch-dashboards:" + pom.get("opensearch.version"));
    }

    /** Reads NAME=VALUE lines, skipping comments and blank lines. */
    static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            assertThat(eq).as("%s: not NAME=VALUE: %s", file.getFileName(), line).isPositive();
            env.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return env;
    }

    private record Result(int exit, String output) {}

    /**
     * The compose command to validate with: Debian's {@code docker-compose}, or the {@code docker
     * compose} plugin; the test is skipped, saying why, when neither is installed.
     */
    private static List<String> composeCommand() throws Exception {
        if (works(List.of("docker-compose", "version"))) {
            return List.of("docker-compose");
        }
        if (works(List.of("docker", "compose", "version"))) {
            return List.of("docker", "compose");
        }
        String why =
                "neither docker-compose nor the docker compose plugin is installed; install"
                        + " Debian's docker-compose (apt-get install docker-compose, as .ci/run"
                        + " does) to validate docker/compose.yaml";
        System.out.println("ComposeFileTest skipped: " + why);
        Assumptions.abort(why);
        return List.of();
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(List<String> compose, String... args) throws Exception {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(ComposeFile.ROOT.toFile())
                        .redirectErrorStream(true);
        // Only the env file decides: a variable in the test's environment would win over it.
        ComposeFile.read().variables().forEach(pb.environment()::remove);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** The versions pinned in the parent POM's properties. */
    static final class PomVersions {
        private static final Pattern PROPERTY =
                Pattern.compile("<([a-z0-9.-]+\\.version)>([^<]+)</\\1>");

        private PomVersions() {}

        static Map<String, String> read() throws IOException {
            String pom = Files.readString(ComposeFile.ROOT.resolve("pom.xml"));
            Map<String, String> versions = new LinkedHashMap<>();
            Matcher m = PROPERTY.matcher(pom);
            while (m.find()) {
                versions.putIfAbsent(m.group(1), m.group(2).strip());
            }
            return versions;
        }
    }
}
